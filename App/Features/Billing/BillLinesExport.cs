using System.Text.Json;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Billing;

/// <summary>What a bill-lines export is asked for: the partner (the vendor's pick; a partner's own id) and the period.</summary>
public sealed record BillExportParameters(Guid PartnerId, string Period)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static BillExportParameters Parse(string json)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<BillExportParameters>(json);
            if (parsed is not null && BillSchedule.TryParsePeriod(parsed.Period, out _))
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
        }

        throw new ValidationException("Period", "Bill.PeriodRequired");
    }

    public DateOnly Month => BillSchedule.TryParsePeriod(Period, out var month) ? month : throw new ValidationException("Period", "Bill.PeriodRequired");
}

/// <summary>
/// Export center kind <c>bills.lines</c>: every line of a generated bill (no row cap), streamed into one sheet of a
/// workbook, largest amount first. Permission (<see cref="Consumption.ConsumptionPermissions.ExportBills"/>) and tenant are
/// checked on every call, so a queued job run later (or a download) re-checks them.
/// </summary>
public sealed class BillLinesExport(BillQueries queries, IStringLocalizer<SharedResource> localizer) : IExportDefinition
{
    public const string KindCode = "bills.lines";

    public string Kind => KindCode;

    public async Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        var p = BillExportParameters.Parse(parameters);
        await queries.BillForExportAsync(actor, p.PartnerId, p.Month, ct);
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        var p = BillExportParameters.Parse(parameters);
        return (await queries.BillForExportAsync(actor, p.PartnerId, p.Month, ct)).LineCount;
    }

    public async Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var p = BillExportParameters.Parse(parameters);
        var (billId, _, partner) = await queries.BillForExportAsync(actor, p.PartnerId, p.Month, ct);
        var L = localizer;
        var modes = Enum.GetValues<Consumption.ChargeMode>().ToDictionary(m => m, m => L[$"Bill.ChargeMode.{m}"].Value);
        XlsxColumn<BillLineRow>[] columns =
        [
            new(L["Bill.Customer"], XlsxColumnKind.Text, 26, r => Masking.MaskName(r.CustomerName)),
            new(L["Bill.Product"], XlsxColumnKind.Text, 16, r => r.ProductCode),
            new(L["Bill.ServiceType"], XlsxColumnKind.Text, 18, r => Vouchers.VoucherCatalog.ServiceTypeText(L, r.ServiceType)),
            new(L["Bill.Region"], XlsxColumnKind.Text, 16, r => r.Region),
            new(L["Bill.ChargeMode"], XlsxColumnKind.Text, 16, r => modes[r.ChargeMode]),
            new(L["Bill.Resource"], XlsxColumnKind.Text, 30, r => r.ResourceId),
            new(L["Bill.ListPrice"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.ListPrice.Yuan),
            new(L["Bill.Discount"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.Discount.Yuan),
            new(L["Bill.LineAmountDue"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.AmountDue.Yuan),
            new(L["Bill.Days"], XlsxColumnKind.Integer, 10, r => r.RecordCount),
        ];
        return await XlsxTableWriter.WriteAsync(output, L["Bill.SheetName"], columns, queries.StreamLinesAsync(actor, partner, billId, ct), progress, ct);
    }

    public string FileName(string parameters, DateTime utcNow)
    {
        var p = BillExportParameters.Parse(parameters);
        return $"{localizer["Bill.FileName"].Value}-{p.Period}.xlsx";
    }
}
