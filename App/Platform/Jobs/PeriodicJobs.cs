using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlazorPartner.Platform.Jobs;

/// <summary>
/// A pass of background work that is safe to run again and from several app instances at once (each unit claimed once),
/// such as the opportunity auto-reject, the registration expiry or the voucher expiry. Returns how many units it handled.
/// </summary>
public interface IPeriodicJob
{
    Task<int> RunOnceAsync(CancellationToken ct = default);
}

/// <summary>Whether a job runs in this process, and how often.</summary>
public sealed record PeriodicJobSchedule(bool Enabled, TimeSpan Interval);

public static class PeriodicJobs
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> on the schedule its options give (the job is registered separately, so tests and the benchmark call it directly) on a timer
    /// while the app runs. A failed pass is logged and the next tick retries: a pass commits per unit or not at all.
    /// </summary>
    public static IServiceCollection AddPeriodicJob<TJob, TOptions>(this IServiceCollection services, Func<TOptions, PeriodicJobSchedule> schedule)
        where TJob : class, IPeriodicJob
        where TOptions : class =>
        services.AddJobHeartbeats().AddHostedService(sp => new PeriodicJobWorker<TJob>(
            sp.GetRequiredService<TJob>(),
            schedule(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TOptions>>().Value),
            sp.GetRequiredService<JobHeartbeats>(),
            sp.GetRequiredService<ILogger<PeriodicJobWorker<TJob>>>()));

    public static IServiceCollection AddJobHeartbeats(this IServiceCollection services)
    {
        services.TryAddSingleton<JobHeartbeats>();
        return services;
    }
}

internal sealed class PeriodicJobWorker<TJob>(TJob job, PeriodicJobSchedule schedule, JobHeartbeats heartbeats, ILogger<PeriodicJobWorker<TJob>> logger) : BackgroundService
    where TJob : IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Enabled)
        {
            return;
        }

        var name = typeof(TJob).Name;
        heartbeats.Started(name, schedule.Interval);
        using var timer = new PeriodicTimer(schedule.Interval);
        do
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
                heartbeats.Passed(name, failed: false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                heartbeats.Passed(name, failed: true);
                logger.LogError(error, "{Job} pass failed; the next tick retries", name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
