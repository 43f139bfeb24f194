using System.Collections.Concurrent;
using BlazorPartner.Platform.Http;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// Failed sign-ins per client address (behind a proxy, the forwarded client's), per instance. Five wrong passwords lock an
/// account for 15 minutes, so without this one address could keep every account it can name locked out, or guess
/// passwords across many accounts. Past <see cref="HttpHardeningOptions.FailedSignInLimit"/> failures in
/// <see cref="Window"/> the address is refused before any account is looked at: no account's failure count moves. Only
/// failures count, so a busy office behind one address signing in correctly is never slowed.
/// </summary>
public sealed class FailedSignInLimit(TimeProvider time, IOptions<HttpHardeningOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // Bounded by addresses that failed within a window; older windows are swept once the table grows.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, (DateTime Start, int Failures)> addresses = new(StringComparer.Ordinal);

    private int Limit => options.Value.FailedSignInLimit;

    public bool IsBlocked(string address) =>
        Limit > 0 && addresses.TryGetValue(address, out var entry) && entry.Start + Window > Now && entry.Failures >= Limit;

    public void RecordFailure(string address)
    {
        if (Limit <= 0)
        {
            return;
        }

        var now = Now;
        addresses.AddOrUpdate(address, _ => (now, 1), (_, entry) => entry.Start + Window > now ? (entry.Start, entry.Failures + 1) : (now, 1));
        if (addresses.Count > SweepAbove)
        {
            foreach (var (key, entry) in addresses)
            {
                if (entry.Start + Window <= now)
                {
                    addresses.TryRemove(key, out _);
                }
            }
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
