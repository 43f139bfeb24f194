using System.Collections.Concurrent;

namespace BlazorPartner.Platform.Jobs;

/// <summary>One background job as the readiness check sees it: how often it should run and how its last pass went.</summary>
public sealed record JobBeat(string Name, TimeSpan Interval, DateTime StartedUtc, DateTime? LastPassUtc, bool LastPassFailed);

/// <summary>
/// The periodic jobs of this process report each pass here, so readiness can tell a job that stopped (its loop died, or a
/// pass hangs) from one that is merely waiting for its next tick.
/// </summary>
public sealed class JobHeartbeats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, JobBeat> _beats = new(StringComparer.Ordinal);

    public void Started(string name, TimeSpan interval) =>
        _beats[name] = new JobBeat(name, interval, time.GetUtcNow().UtcDateTime, null, false);

    public void Passed(string name, bool failed) =>
        _beats.AddOrUpdate(name,
            _ => new JobBeat(name, TimeSpan.Zero, time.GetUtcNow().UtcDateTime, time.GetUtcNow().UtcDateTime, failed),
            (_, beat) => beat with { LastPassUtc = time.GetUtcNow().UtcDateTime, LastPassFailed = failed });

    public IReadOnlyList<JobBeat> All => _beats.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
}
