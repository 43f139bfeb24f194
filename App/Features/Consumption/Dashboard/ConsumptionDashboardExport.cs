using System.Text.Json;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>
/// "Export what is shown" (R32): one workbook with the summary sheets (KPIs, trend, top products, top customers, by
/// account manager) for the filter, and the detail sheet (filter, drill-down and sub-user account), streamed last.
/// Customer names stay masked. An export-center definition (kind <see cref="KindCode"/>, parameters = the
/// <see cref="ConsumptionDetailQuery"/> as JSON); the page calls it directly through the export button.
/// </summary>
public sealed class ConsumptionDashboardExport(
    IDbContextFactory<AppDbContext> dbFactory,
    ConsumptionQueries queries,
    IStringLocalizer<SharedResource> localizer) : IExportDefinition
{
    public const string KindCode = "consumption.dashboard";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => KindCode;

    public static string ParametersOf(ConsumptionDetailQuery query) => JsonSerializer.Serialize(query with { Skip = 0 }, Json);

    public async Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        var query = Parse(parameters);
        actor.Demand(ConsumptionPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await ConsumptionQueries.ResolvePartnerAsync(db, actor, query.Filter.PartnerId, ct);
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        return await queries.CountDetailAsync(actor, Parse(parameters), ct);
    }

    public async Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        var query = Parse(parameters);
        var summary = await queries.GetSummaryAsync(actor, query.Filter, ct);
        var L = localizer;
        var cny = " (CNY)";
        var charge = Enum.GetValues<ChargeMode>().ToDictionary(m => m, m => L[$"ChargeMode.{m}"].Value);
        var unattributed = L["Consumption.Unattributed"].Value;
        var kpis = summary.Kpis;
        (string Label, decimal Amount, decimal? Percent)[] kpiRows =
        [
            (L["Consumption.Kpi.ThisMonth", kpis.CurrentMonth.ToString("yyyy-MM")], kpis.ThisMonthSoFar.Yuan, null),
            (L["Consumption.Kpi.LastMonth", kpis.LastMonth.ToString("yyyy-MM")], kpis.LastMonthTotal.Yuan, null),
            (L["Consumption.Kpi.MonthOnMonth"], kpis.MonthOnMonth.Base.Yuan, kpis.MonthOnMonth.Percent),
            (L["Consumption.Kpi.YearOnYear"], kpis.YearOnYear.Base.Yuan, kpis.YearOnYear.Percent),
            (L["Consumption.RangeTotal", summary.FromMonth.ToString("yyyy-MM"), summary.ToMonth.ToString("yyyy-MM")], summary.RangeTotal.Yuan, null),
        ];
        XlsxColumn<ConsumptionRanked>[] Ranked(string header) =>
        [
            new(header, XlsxColumnKind.Text, 30, r => r.Key == ConsumptionFilter.Unattributed ? unattributed : r.Label),
            new(L["Consumption.AmountDue"] + cny, XlsxColumnKind.Money, 18, r => r.Amount.Yuan),
        ];
        var zone = $" ({BeijingTime.ZoneLabel})";
        XlsxSheet[] sheets =
        [
            new XlsxSheet<(string Label, decimal Amount, decimal? Percent)>(L["Consumption.Sheet.Kpis"], [
                new(L["Consumption.Kpi"], XlsxColumnKind.Text, 36, r => r.Label),
                new(L["Consumption.AmountDue"] + cny, XlsxColumnKind.Money, 18, r => r.Amount),
                new(L["Consumption.ChangePercent"], XlsxColumnKind.Text, 14, r => r.Percent is { } p ? $"{p:0.0}%" : null),
            ], kpiRows),
            new XlsxSheet<ConsumptionTrendPoint>(L["Consumption.Sheet.Trend"], [
                new(L["Consumption.Month"], XlsxColumnKind.Text, 12, r => r.Month.ToString("yyyy-MM")),
                new(L["Consumption.ChargeMode"], XlsxColumnKind.Text, 16, r => charge[r.ChargeMode]),
                new(L["Consumption.AmountDue"] + cny, XlsxColumnKind.Money, 18, r => r.Amount.Yuan),
            ], summary.Trend),
            new XlsxSheet<ConsumptionRanked>(L["Consumption.Sheet.TopProducts"], Ranked(L["Consumption.Product"]), summary.TopProducts),
            new XlsxSheet<ConsumptionRanked>(L["Consumption.Sheet.TopCustomers"], Ranked(L["Consumption.Customer"]), summary.TopCustomers),
            new XlsxSheet<ConsumptionRanked>(L["Consumption.Sheet.ByManager"], Ranked(L["Consumption.AccountManager"]), summary.ByManager),
            new XlsxSheet<ConsumptionDetailRow>(L["Consumption.Sheet.Detail"], [
                new(L["Consumption.Day"] + zone, XlsxColumnKind.Date, 14, r => r.Day),
                new(L["Consumption.Customer"], XlsxColumnKind.Text, 24, r => r.MaskedCustomerName),
                new(L["Consumption.Product"], XlsxColumnKind.Text, 12, r => r.ProductCode),
                new(L["Consumption.ServiceType"], XlsxColumnKind.Text, 14, r => r.ServiceType),
                new(L["Consumption.Region"], XlsxColumnKind.Text, 16, r => r.Region),
                new(L["Consumption.ChargeMode"], XlsxColumnKind.Text, 16, r => charge[r.ChargeMode]),
                new(L["Consumption.Resource"], XlsxColumnKind.Text, 28, r => r.ResourceId),
                new(L["Consumption.SubUser"], XlsxColumnKind.Text, 16, r => r.SubUserAccount),
                new(L["Consumption.ListPrice"] + cny, XlsxColumnKind.Money, 16, r => r.ListPrice.Yuan),
                new(L["Consumption.Discount"] + cny, XlsxColumnKind.Money, 16, r => r.Discount.Yuan),
                new(L["Consumption.AmountDue"] + cny, XlsxColumnKind.Money, 16, r => r.AmountDue.Yuan),
                new(L["Consumption.AccountManager"], XlsxColumnKind.Text, 18, r => r.AccountManagerName ?? unattributed),
            ], queries.StreamDetailAsync(actor, query, ct)),
        ];

        // Progress counts detail rows (what CountAsync returned); the few summary rows come first.
        var summaryRows = kpiRows.Length + summary.Trend.Count + summary.TopProducts.Count + summary.TopCustomers.Count + summary.ByManager.Count;
        var detailProgress = new DetailProgress(progress, summaryRows);
        var written = await XlsxWorkbookWriter.WriteAsync(output, sheets, detailProgress, ct);
        return written - summaryRows;
    }

    public string FileName(string parameters, DateTime utcNow) => $"consumption-{BeijingTime.ToBeijing(utcNow):yyyyMMdd-HHmmss}.xlsx";

    public static ConsumptionDetailQuery Parse(string parameters)
    {
        try
        {
            return JsonSerializer.Deserialize<ConsumptionDetailQuery>(parameters, Json) ?? throw new ValidationException("parameters", "Error.Validation");
        }
        catch (JsonException)
        {
            throw new ValidationException("parameters", "Error.Validation");
        }
    }

    private sealed class DetailProgress(IProgress<int> inner, int offset) : IProgress<int>
    {
        public void Report(int value) => inner.Report(Math.Max(0, value - offset));
    }
}
