using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>
/// This instance's short memory of session rows (its own bounded cache, so nothing else's size policy applies).
/// Freshness is judged with the app's <see cref="TimeProvider"/>, so tests can move time.
/// </summary>
public sealed class SessionCache(IOptions<AppSessionOptions> options, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheSizeLimit) });
    private readonly TimeSpan duration = options.Value.CacheDuration;

    internal SessionRecord? Get(string id)
    {
        if (duration <= TimeSpan.Zero || !cache.TryGetValue(id, out SessionRecord? record) || record is null)
        {
            return null;
        }

        return clock.GetUtcNow() - record.ReadAt < duration ? record : null;
    }

    internal void Set(SessionRecord record)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        // The real-time expiry only bounds memory; freshness is decided in Get.
        cache.Set(record.Id, record, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
    }

    public void Forget(string id) => cache.Remove(id);

    public void Dispose() => cache.Dispose();
}
