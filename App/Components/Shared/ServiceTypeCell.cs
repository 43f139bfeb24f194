using BlazorPartner.Features.Vouchers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Components.Shared;

/// <summary>
/// A cloud service type from the vendor's data: the catalog's types ("Compute") read in the user's language; any other
/// code (an imported file may carry one the catalog does not know) is shown as stored and marked as a code, not wording.
/// A render fragment rather than a component because it sits in every row of the consumption and bill grids, where a
/// component per cell is server memory kept in each circuit for a line of text.
/// </summary>
public static class ServiceTypeCell
{
    public static RenderFragment For(IStringLocalizer localizer, string code) => builder =>
    {
        if (VoucherCatalog.ServiceTypes.Contains(code))
        {
            builder.AddContent(0, VoucherCatalog.ServiceTypeText(localizer, code));
            return;
        }

        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "class", "notranslate");
        builder.AddAttribute(3, "translate", "no");
        builder.AddContent(4, code);
        builder.CloseElement();
    };
}
