using System.Diagnostics;
using System.Globalization;

namespace BlazorPartner.Benchmarks;

/// <summary>Elapsed times of repeated runs, with nearest-rank percentiles (p95 of 200 runs = the 190th fastest).</summary>
internal sealed class Samples
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => _milliseconds.Max();

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

internal static class Measure
{
    /// <summary>Runs <paramref name="action"/> untimed <paramref name="warmup"/> times (JIT, EF query cache, pools), then times each run.</summary>
    public static async Task<Samples> RepeatAsync(int warmup, int iterations, Func<int, Task> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action(i);
        }

        var samples = new Samples();
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action(i);
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return samples;
    }

    public static async Task<(T Result, TimeSpan Elapsed)> OnceAsync<T>(Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        return (result, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>How figures are printed, in one place so the console and markdown tables agree.</summary>
internal static class Format
{
    public static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string MB(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
