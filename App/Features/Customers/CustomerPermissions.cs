using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Customers;

/// <summary>What the customer slice lets roles do. Page policies and service checks both use these names.</summary>
public static class CustomerPermissions
{
    public const string Group = "Customers";

    public const string View = "customers.view";
    public const string Register = "customers.register";
    public const string ReviewRegistrations = "customers.review-registrations";
    public const string Invite = "customers.invite";
    public const string Assign = "customers.assign";
    public const string Reveal = "customers.reveal";
    public const string Unbind = "customers.unbind";
    public const string Export = "customers.export";

    /// <summary>
    /// Defaults for the system roles. R3: account managers work their own customers, supervisors read their team's,
    /// the admin runs all. Finance reads the list for balances. The vendor operator reviews registrations (R15).
    /// </summary>
    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager, AppRoles.Finance]),
        new(Register, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManager]),
        new(ReviewRegistrations, Group, [AppRoles.VendorOperator]),
        new(Invite, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManager]),
        new(Assign, Group, [AppRoles.PartnerAdmin]),
        new(Reveal, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager]),
        new(Unbind, Group, [AppRoles.PartnerAdmin]),
        new(Export, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager, AppRoles.Finance]),
    ];
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class CustomerAuditActions
{
    public const string Assign = "customer.assign";
    public const string Reveal = "customer.reveal";
    public const string Unbind = "customer.unbind";
}
