using BlazorPartner.Platform.Exports;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Core.Time;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// Excel export of every row matching the grid's current filter (never just the page, never capped), in the
/// user's language. Contact details stay masked as in the list (R4).
/// </summary>
public sealed class OpportunityExporter(OpportunityQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
{
    public string FileName() => $"opportunities-{BeijingTime.ToBeijing(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmmss}.xlsx";

    public Task<int> ExportAsync(Actor actor, OpportunityQuery query, Stream output, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Export);
        var zone = $" ({BeijingTime.ZoneLabel})";
        var L = localizer;
        // Looked up once per export, not once per row and service (100,000 rows × several services).
        var serviceNames = OpportunityCatalog.CloudServices.ToDictionary(c => c, c => L[$"CloudService.{c}"].Value);
        XlsxColumn<OpportunityRow>[] columns =
        [
            new(L["Opportunity.Number"], XlsxColumnKind.Text, 22, r => r.Number),
            new(L["Opportunity.Partner"], XlsxColumnKind.Text, 20, r => r.PartnerName),
            new(L["Opportunity.Customer"], XlsxColumnKind.Text, 28, r => r.CustomerName),
            new(L["Opportunity.Industry"], XlsxColumnKind.Text, 14, r => L[$"Industry.{r.Industry}"].Value),
            new(L["Opportunity.Region"], XlsxColumnKind.Text, 14, r => L[$"Region.{r.Region}"].Value),
            new(L["Opportunity.City"], XlsxColumnKind.Text, 12, r => r.City),
            new(L["Opportunity.CloudServices"], XlsxColumnKind.Text, 24, r => string.Join(", ", OpportunityCatalog.SplitServices(r.CloudServices).Select(c => serviceNames.GetValueOrDefault(c, c)))),
            new(L["Opportunity.EstimatedAmount"] + " (CNY)", XlsxColumnKind.Money, 18, r => r.EstimatedAmount.Yuan),
            new(L["Opportunity.ExpectedClose"], XlsxColumnKind.Date, 14, r => r.ExpectedCloseDate),
            new(L["Opportunity.Status"], XlsxColumnKind.Text, 20, r => L[$"OpportunityStatus.{r.Status}"].Value),
            new(L["Opportunity.Stage"], XlsxColumnKind.Text, 14, r => r.Stage is { } s ? L[$"ProgressStage.{s}"].Value : ""),
            new(L["Opportunity.AssignedTo"], XlsxColumnKind.Text, 18, r => r.AssignedToName),
            new(L["Opportunity.SharedAt"] + zone, XlsxColumnKind.DateTime, 22, r => BeijingTime.ToBeijing(r.SharedAtUtc)),
            new(L["Opportunity.Deadline"] + zone, XlsxColumnKind.DateTime, 22, r => BeijingTime.ToBeijing(r.DeadlineUtc)),
            new(L["Opportunity.ContactName"], XlsxColumnKind.Text, 14, r => Masking.MaskName(r.ContactName)),
            new(L["Opportunity.ContactPhone"], XlsxColumnKind.Text, 16, r => Masking.MaskPhone(r.ContactPhone)),
        ];
        return XlsxTableWriter.WriteAsync(output, L["Opportunity.SheetName"], columns, queries.StreamAsync(actor, query, ct), progress, ct);
    }
}
