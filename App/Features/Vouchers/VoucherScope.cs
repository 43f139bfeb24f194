using BlazorPartner.Core.Validation;

namespace BlazorPartner.Features.Vouchers;

/// <summary>Scope checks shared by granting and issuing: known codes, limits, and "inside the quota's scope" (R27).</summary>
public static class VoucherScope
{
    public static (List<string> Types, List<string> Products) Validate(InputErrors errors, IEnumerable<string>? types, IEnumerable<string>? products, bool limit)
    {
        var t = (types ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var p = (products ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (t.Any(c => !VoucherCatalog.ServiceTypes.Contains(c)))
        {
            errors.Add("ServiceTypes", "Voucher.UnknownService");
        }

        if (p.Any(c => !VoucherCatalog.Products.Contains(c)))
        {
            errors.Add("Products", "Voucher.UnknownService");
        }

        if (limit && t.Count > VoucherCatalog.MaxServiceTypes)
        {
            errors.Add("ServiceTypes", "Voucher.TooManyServiceTypes", VoucherCatalog.MaxServiceTypes);
        }

        if (limit && p.Count > VoucherCatalog.MaxProducts)
        {
            errors.Add("Products", "Voucher.TooManyProducts", VoucherCatalog.MaxProducts);
        }

        if (t.Count == 0 && p.Count == 0)
        {
            errors.Add("ServiceTypes", "Voucher.ScopeRequired");
        }

        return (t, p);
    }

    /// <summary>Every type is one of the quota's; every product is one of the quota's or of a type the quota covers.</summary>
    public static bool Inside(IReadOnlyCollection<string> types, IReadOnlyCollection<string> products, VoucherQuota quota)
    {
        var quotaTypes = VoucherCatalog.Split(quota.ServiceTypes);
        var quotaProducts = VoucherCatalog.Split(quota.Products);
        return types.All(quotaTypes.Contains) && products.All(p => VoucherCatalog.Covers(quotaTypes, quotaProducts, p));
    }

    public static void Validity(InputErrors errors, DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is null)
        {
            errors.Add("ValidFrom", "Validation.Required");
        }

        if (to is null)
        {
            errors.Add("ValidTo", "Validation.Required");
        }
        else if (from is { } f && to < f)
        {
            errors.Add("ValidTo", "Voucher.ValidToBeforeFrom");
        }
        else if (to < today)
        {
            errors.Add("ValidTo", "Voucher.ValidToPast");
        }
    }
}
