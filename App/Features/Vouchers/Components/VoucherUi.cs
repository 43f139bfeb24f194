using BlazorPartner.Core.Currency;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Vouchers.Components;

/// <summary>Small helpers the voucher pages share: options for pickers, labels, status badge styles.</summary>
public static class VoucherUi
{
    public sealed record Option<T>(T Value, string Text);

    /// <summary>RadzenDatePicker puts plain attributes on its wrapper; the accessible name must go on the input itself.</summary>
    public static IReadOnlyDictionary<string, object> AriaLabel(string label) => new Dictionary<string, object> { ["aria-label"] = label };

    public static IReadOnlyList<Option<string>> ServiceTypeOptions(IStringLocalizer L, IEnumerable<string> codes) =>
        codes.Select(c => new Option<string>(c, L[$"VoucherServiceType.{c}"])).ToList();

    public static IReadOnlyList<Option<string>> ProductOptions(IStringLocalizer L, IEnumerable<string> codes) =>
        codes.Select(c => new Option<string>(c, L[$"CloudService.{c}"])).ToList();

    public static string Scope(IStringLocalizer L, IEnumerable<string> types, IEnumerable<string> products) =>
        string.Join(", ", types.Select(t => L[$"VoucherServiceType.{t}"].Value).Concat(products.Select(p => L[$"CloudService.{p}"].Value)));

    public static string BadgeStyle(VoucherDisplayStatus status) => status switch
    {
        VoucherDisplayStatus.Usable => "success",
        VoucherDisplayStatus.NotActivated => "info",
        VoucherDisplayStatus.Used => "secondary",
        VoucherDisplayStatus.Expired => "warning",
        _ => "danger",
    };

    public static string Yuan(long fen) => Money.Format(fen);
}
