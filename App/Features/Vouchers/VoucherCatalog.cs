namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// The small catalog of cloud services a quota and a voucher are scoped to: service types, each with its products.
/// Stored as codes; shown through the localizer ("VoucherServiceType.Compute", "CloudService.ECS").
/// </summary>
public static class VoucherCatalog
{
    public const int MaxServiceTypes = 10;
    public const int MaxProducts = 10;

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ProductsByType = new Dictionary<string, IReadOnlyList<string>>
    {
        ["Compute"] = ["ECS", "CCE"],
        ["Storage"] = ["EVS", "OBS"],
        ["Database"] = ["RDS", "DCS"],
        ["Network"] = ["VPC", "ELB", "CDN"],
        ["AI"] = ["ModelArts"],
    };

    public static IReadOnlyList<string> ServiceTypes { get; } = ProductsByType.Keys.ToList();

    public static IReadOnlyList<string> Products { get; } = ProductsByType.Values.SelectMany(p => p).ToList();

    /// <summary>
    /// A stored service type as the user reads it: the catalog's types through the localizer ("VoucherServiceType.Compute"),
    /// any other code (an imported consumption file may carry one the catalog does not know) as stored.
    /// </summary>
    public static string ServiceTypeText(Microsoft.Extensions.Localization.IStringLocalizer localizer, string code) =>
        ServiceTypes.Contains(code) ? localizer[$"VoucherServiceType.{code}"] : code;

    public static string? TypeOf(string product) => ProductsByType.FirstOrDefault(p => p.Value.Contains(product)).Key;

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> codes) => string.Join(';', codes.Distinct().Order(StringComparer.Ordinal));

    /// <summary>
    /// Whether a scope (service types, products) covers an order for <paramref name="product"/>: the product itself is
    /// listed, or its whole service type is.
    /// </summary>
    public static bool Covers(IReadOnlyCollection<string> serviceTypes, IReadOnlyCollection<string> products, string product) =>
        products.Contains(product) || (TypeOf(product) is { } type && serviceTypes.Contains(type));
}
