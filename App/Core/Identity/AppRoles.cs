namespace BlazorPartner.Core.Identity;

public static class AppRoles
{
    public const string VendorOperator = nameof(VendorOperator);
    public const string PartnerAdmin = nameof(PartnerAdmin);
    public const string AccountManagerSupervisor = nameof(AccountManagerSupervisor);
    public const string AccountManager = nameof(AccountManager);
    public const string Finance = nameof(Finance);

    /// <summary>At a distributor: decides the reseller applications that name it (R40). Given only at distributors.</summary>
    public const string DistributorReviewer = nameof(DistributorReviewer);

    public static readonly IReadOnlyList<string> All = [VendorOperator, PartnerAdmin, AccountManagerSupervisor, AccountManager, Finance, DistributorReviewer];
}
