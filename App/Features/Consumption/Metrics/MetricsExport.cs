using System.Text.Json;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Platform.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Consumption.Metrics;

/// <summary>The export-center request for the metrics page: the partner (vendor operator only) and the quarter.</summary>
public sealed record MetricsExportRequest(Guid? PartnerId, int Year, int Quarter);

/// <summary>R35 "exportable": the metrics of a quarter as one sheet (kind <see cref="KindCode"/>).</summary>
public sealed class MetricsExport(IDbContextFactory<AppDbContext> dbFactory, MetricsCatalog catalog, IStringLocalizer<SharedResource> localizer) : IExportDefinition
{
    public const string KindCode = "metrics.info";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => KindCode;

    public static string ParametersOf(MetricsExportRequest request) => JsonSerializer.Serialize(request, Json);

    public async Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        var request = Parse(parameters);
        actor.Demand(ConsumptionPermissions.ExportMetrics);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await ConsumptionQueries.ResolvePartnerAsync(db, actor, request.PartnerId, ct, ConsumptionPermissions.ViewMetrics);
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        var request = Parse(parameters);
        return (await catalog.ComputeAsync(actor, request.PartnerId, new MetricQuarter(request.Year, request.Quarter), ct)).Rows.Count;
    }

    public async Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        var request = Parse(parameters);
        var result = await catalog.ComputeAsync(actor, request.PartnerId, new MetricQuarter(request.Year, request.Quarter), ct);
        var L = localizer;
        XlsxColumn<MetricRow>[] columns =
        [
            new(L["Metrics.Code"], XlsxColumnKind.Text, 24, r => r.Code),
            new(L["Metrics.Name"], XlsxColumnKind.Text, 36, r => L[r.NameKey].Value),
            new(L["Metrics.Method"], XlsxColumnKind.Text, 60, r => L[r.MethodKey].Value),
            new(L["Metrics.Period"], XlsxColumnKind.Text, 16, r => L["Metrics.Period.Quarter", r.PeriodLabel].Value),
            new(L["Metrics.Reconciliation"], XlsxColumnKind.Text, 44, r => L[r.ReconciliationKey].Value),
            new(L["Metrics.Value"], XlsxColumnKind.Text, 20, r => Format(L, r)),
        ];
        return await XlsxTableWriter.WriteAsync(output, L["Metrics.SheetName"], columns, result.Rows.ToAsyncEnumerable(), progress, ct);
    }

    /// <summary>The value as the page shows it: yuan from fen, a percent with one decimal, or a count.</summary>
    public static string Format(IStringLocalizer L, MetricRow row) => row.Kind switch
    {
        MetricValueKind.Money => row.Money?.ToString() ?? "",
        MetricValueKind.Percent => row.Percent is { } p ? $"{p:0.0}%" : L["Metrics.NotApplicable"].Value,
        _ => row.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public string FileName(string parameters, DateTime utcNow) => $"metrics-{Parse(parameters).Year}-Q{Parse(parameters).Quarter}-{BeijingTime.ToBeijing(utcNow):yyyyMMdd-HHmmss}.xlsx";

    public static MetricsExportRequest Parse(string parameters)
    {
        try
        {
            return JsonSerializer.Deserialize<MetricsExportRequest>(parameters, Json) ?? throw new ValidationException("parameters", "Error.Validation");
        }
        catch (JsonException)
        {
            throw new ValidationException("parameters", "Error.Validation");
        }
    }
}
