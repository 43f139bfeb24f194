using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Exports;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// Excel export of every customer matching the list's filter, in the user's language. Name, contact, phone and e-mail
/// stay masked for everyone, reveal permission or not (R4): a file leaves the console, where a reveal can no longer be
/// audited value by value, so a clear value is only ever had through the audited reveal.
/// </summary>
public sealed class CustomerExporter(CustomerQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
{
    public string FileName() => $"customers-{BeijingTime.ToBeijing(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmmss}.xlsx";

    public Task<int> ExportAsync(Actor actor, CustomerQuery query, Stream output, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.Export);
        var zone = $" ({BeijingTime.ZoneLabel})";
        var L = localizer;
        var modes = Enum.GetValues<AssociationMode>().ToDictionary(m => m, m => L[$"AssociationMode.{m}"].Value);
        var statuses = Enum.GetValues<CustomerStatus>().ToDictionary(m => m, m => L[$"CustomerStatus.{m}"].Value);
        var states = Enum.GetValues<CustomerBalanceState>().ToDictionary(m => m, m => L[$"CustomerBalanceState.{m}"].Value);
        XlsxColumn<CustomerRow>[] columns =
        [
            new(L["Customer.Name"], XlsxColumnKind.Text, 28, r => r.MaskedName),
            new(L["Customer.CreditCode"], XlsxColumnKind.Text, 22, r => r.CreditCode),
            new(L["Customer.Mode"], XlsxColumnKind.Text, 14, r => modes[r.Mode]),
            new(L["Customer.Status"], XlsxColumnKind.Text, 12, r => statuses[r.Status]),
            new(L["Customer.AccountManager"], XlsxColumnKind.Text, 18, r => r.AccountManagerName),
            new(L["Customer.Balance"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.Mode == AssociationMode.Resale ? r.Balance.Yuan : null),
            new(L["Customer.LowBalanceThreshold"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.LowBalanceThreshold?.Yuan),
            new(L["Customer.Arrears"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.Mode == AssociationMode.Resale ? r.Arrears.Yuan : null),
            new(L["Customer.BalanceState"], XlsxColumnKind.Text, 14, r => r.BalanceState is { } s ? states[s] : ""),
            new(L["Customer.ContactName"], XlsxColumnKind.Text, 14, r => r.MaskedContactName),
            new(L["Customer.Phone"], XlsxColumnKind.Text, 16, r => r.MaskedPhone),
            new(L["Customer.Email"], XlsxColumnKind.Text, 24, r => r.MaskedEmail),
            new(L["Customer.AssociatedAt"] + zone, XlsxColumnKind.DateTime, 22, r => BeijingTime.ToBeijing(r.AssociatedAtUtc)),
            new(L["Customer.UnboundAt"] + zone, XlsxColumnKind.DateTime, 22, r => r.UnboundAtUtc is { } u ? BeijingTime.ToBeijing(u) : null),
        ];
        return XlsxTableWriter.WriteAsync(output, L["Customer.SheetName"], columns, queries.StreamAsync(actor, query, ct), progress, ct);
    }
}
