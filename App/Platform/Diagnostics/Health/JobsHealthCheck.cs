using BlazorPartner.Platform.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlazorPartner.Platform.Diagnostics.Health;

/// <summary>
/// The periodic jobs are alive: each enabled job has completed a pass within three of its intervals (plus a minute for the
/// first one after start). A job whose loop died or whose pass hangs makes the instance unhealthy; a job whose last pass
/// failed (it retries on the next tick) makes it degraded.
/// </summary>
public sealed class JobsHealthCheck(JobHeartbeats heartbeats, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stalled = new List<string>();
        var failing = new List<string>();
        var beats = heartbeats.All;
        foreach (var beat in beats)
        {
            var since = beat.LastPassUtc ?? beat.StartedUtc;
            var allowed = beat.Interval * 3 + (beat.LastPassUtc is null ? StartupGrace : TimeSpan.Zero);
            if (now - since > allowed)
            {
                stalled.Add(beat.Name);
            }
            else if (beat.LastPassFailed)
            {
                failing.Add(beat.Name);
            }
        }

        var data = new Dictionary<string, object> { ["jobs"] = beats.Count };
        if (stalled.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"No recent pass: {string.Join(", ", stalled)}.", data: data));
        }

        return Task.FromResult(failing.Count > 0
            ? HealthCheckResult.Degraded($"Last pass failed: {string.Join(", ", failing)}.", data: data)
            : HealthCheckResult.Healthy($"{beats.Count} job(s) running.", data: data));
    }
}
