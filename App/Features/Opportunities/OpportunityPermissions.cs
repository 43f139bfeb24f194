using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Opportunities;

/// <summary>What the opportunity slice lets roles do. Page policies and service checks both use these names.</summary>
public static class OpportunityPermissions
{
    public const string Group = "Opportunities";

    public const string View = "opportunities.view";
    public const string Respond = "opportunities.respond";
    public const string Assign = "opportunities.assign";
    public const string Progress = "opportunities.progress";
    public const string Export = "opportunities.export";
    public const string Share = "opportunities.share";

    /// <summary>
    /// Defaults for the system roles. Supervisors view their team's opportunities but do not act on them (as R13 says
    /// for deal registrations).
    /// </summary>
    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager]),
        new(Respond, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManager]),
        new(Assign, Group, [AppRoles.PartnerAdmin]),
        new(Progress, Group, [AppRoles.PartnerAdmin, AppRoles.AccountManager]),
        new(Export, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager]),
        new(Share, Group, [AppRoles.VendorOperator]),
    ];
}

public static class OpportunityRoutes
{
    public const string Shared = "/sales/opportunities";
    public const string Detail = "/opportunities/{Id:guid}";
    public const string VendorList = "/vendor/opportunities";
    public const string Share = "/vendor/opportunities/share";

    public static string DetailOf(Guid id) => $"/opportunities/{id}";
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class OpportunityAuditActions
{
    public const string Share = "opportunity.share";
    public const string Accept = "opportunity.accept";
    public const string Reject = "opportunity.reject";
    public const string AutoReject = "opportunity.auto-reject";
    public const string Assign = "opportunity.assign";
    public const string Progress = "opportunity.progress";
}

/// <summary>The slice's tables. The shared DbContext knows no feature; slices reach their sets through these.</summary>
public static class OpportunityData
{
    extension(Core.Data.AppDbContext db)
    {
        public Microsoft.EntityFrameworkCore.DbSet<Opportunity> Opportunities => db.Set<Opportunity>();

        public Microsoft.EntityFrameworkCore.DbSet<OpportunityProgressEntry> OpportunityProgress => db.Set<OpportunityProgressEntry>();
    }
}
