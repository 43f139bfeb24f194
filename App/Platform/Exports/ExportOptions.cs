using BlazorPartner.Core.Errors;

namespace BlazorPartner.Platform.Exports;

/// <summary>Settings of the export center (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Exports with more rows than this run in the background (the export button enqueues them).</summary>
    public int BackgroundThresholdRows { get; set; } = 50_000;

    /// <summary>Queued + running jobs one user may have at once.</summary>
    public int MaxActivePerUser { get; set; } = 5;

    /// <summary>Days a completed file is kept (the job and its file are removed after).</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>Whether this instance runs the worker (tests and consoles drive <see cref="ExportWorker"/> directly).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for queued jobs when nothing woke it (an enqueue on this instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a running job writes its progress and heartbeat and reads its cancel flag.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A running job whose heartbeat is older than this belongs to a dead instance and is queued again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Runs after which a job that keeps dying with its instance fails instead of being queued again.</summary>
    public int MaxAttempts { get; set; } = 3;

    public bool ExpiryEnabled { get; set; } = true;

    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Size of one stored chunk of a file (ADR 0010).</summary>
    public int ChunkBytes { get; set; } = 1024 * 1024;
}

public static class ExportErrors
{
    /// <summary>CBC.0250 flow control: too many exports queued or running for this user.</summary>
    public const string FlowControl = "CBC.0250";

    /// <summary>CBC.0999 other error: the export failed for a reason the user cannot act on.</summary>
    public const string Other = "CBC.0999";
}

public sealed class TooManyExportsException(int limit)
    : BusinessException(ExportErrors.FlowControl, $"At most {limit} exports may be queued or running per user.", "Export.TooManyActive", limit);
