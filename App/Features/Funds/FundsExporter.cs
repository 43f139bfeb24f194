using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Funds;

/// <summary>Excel export of every ledger line matching the grid's filter (never just the page, never capped), in the user's language.</summary>
public sealed class FundsExporter(FundsQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
{
    public string FileName() => $"ledger-{BeijingTime.ToBeijing(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmmss}.xlsx";

    public Task<int> ExportAsync(Actor actor, LedgerQuery query, Stream output, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.Export);
        var L = localizer;
        var kinds = Enum.GetValues<LedgerEntryKind>().ToDictionary(k => k, k => L[$"LedgerEntryKind.{k}"].Value);
        var accounts = Enum.GetValues<LedgerAccount>().ToDictionary(k => k, k => L[$"LedgerAccount.{k}"].Value);
        XlsxColumn<LedgerRow>[] columns =
        [
            new(L["Ledger.Time"] + $" ({BeijingTime.ZoneLabel})", XlsxColumnKind.DateTime, 22, r => BeijingTime.ToBeijing(r.AtUtc)),
            new(L["Ledger.Account"], XlsxColumnKind.Text, 18, r => accounts[r.Account]),
            new(L["Ledger.Kind"], XlsxColumnKind.Text, 16, r => kinds[r.Kind]),
            new(L["Ledger.Customer"], XlsxColumnKind.Text, 28, r => r.CustomerName is null ? "" : Masking.MaskName(r.CustomerName)),
            new(L["Ledger.Amount"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.Amount.Yuan),
            new(L["Ledger.BalanceAfter"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.BalanceAfter.Yuan),
            new(L["Ledger.Actor"], XlsxColumnKind.Text, 18, r => r.ActorName),
            new(L["Ledger.TransferId"], XlsxColumnKind.Text, 38, r => r.TransferId.ToString()),
        ];
        return XlsxTableWriter.WriteAsync(output, L["Ledger.SheetName"], columns, queries.StreamLedgerAsync(actor, query, ct), progress, ct);
    }
}
