using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Funds;

/// <summary>What the funds slice lets roles do. Page policies and service checks both use these names.</summary>
public static class FundsPermissions
{
    public const string Group = "Funds";

    public const string View = "funds.view";
    public const string Adjust = "funds.adjust";
    public const string Withdraw = "funds.withdraw";
    public const string SetThreshold = "funds.set-threshold";
    public const string Export = "funds.export";
    public const string TopUp = "funds.top-up";

    /// <summary>
    /// Defaults for the system roles. Finance reads the account and the ledger and exports it; moving money to and from
    /// customers and withdrawing stay with the admin (one person who moves money, another who reconciles it). The
    /// vendor operator tops up partners' cash accounts.
    /// </summary>
    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(Adjust, Group, [AppRoles.PartnerAdmin]),
        new(Withdraw, Group, [AppRoles.PartnerAdmin]),
        new(SetThreshold, Group, [AppRoles.PartnerAdmin]),
        new(Export, Group, [AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(TopUp, Group, [AppRoles.VendorOperator]),
    ];
}

public static class FundsRoutes
{
    public const string Funds = "/finance/funds";
    public const string TopUp = "/vendor/funds/top-up";
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class FundsAuditActions
{
    public const string TopUp = "funds.top-up";
    public const string Allocate = "funds.allocate";
    public const string Reclaim = "funds.reclaim";
    public const string UnbindReturn = "funds.unbind-return";
    public const string Withdraw = "funds.withdraw";
    public const string SetThreshold = "funds.set-threshold";
}
