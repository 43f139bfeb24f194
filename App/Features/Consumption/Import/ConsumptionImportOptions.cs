namespace BlazorPartner.Features.Consumption.Import;

/// <summary>The "ConsumptionImport" section of appsettings.</summary>
public sealed class ConsumptionImportOptions
{
    public const string Section = "ConsumptionImport";

    /// <summary>Whether this instance runs the background validation and import (tests call the runner directly).</summary>
    public bool RunnerEnabled { get; set; } = true;

    public TimeSpan RunnerInterval { get; set; } = TimeSpan.FromSeconds(2);

    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Row errors stored for the report; the counts always cover every row.</summary>
    public int MaxStoredErrors { get; set; } = 10_000;

    /// <summary>Rows per import transaction (each commits its rows and the progress together).</summary>
    public int BatchSize { get; set; } = 100_000;

    /// <summary>A running stage whose runner has not reported for this long is taken over by another pass.</summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The "ConsumptionRetention" section of appsettings (R33).</summary>
public sealed class ConsumptionRetentionOptions
{
    public const string Section = "ConsumptionRetention";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Detail rows deleted per statement, so no transaction grows with the table.</summary>
    public int BatchSize { get; set; } = 50_000;
}
