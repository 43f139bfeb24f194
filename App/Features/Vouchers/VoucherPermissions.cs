using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>What the voucher slice lets roles do. Page policies and service checks both use these names.</summary>
public static class VoucherPermissions
{
    public const string Group = "Vouchers";

    public const string View = "vouchers.view";
    public const string Issue = "vouchers.issue";
    public const string Recall = "vouchers.recall";
    public const string Delegate = "vouchers.delegate";
    public const string ViewLog = "vouchers.view-log";
    public const string Export = "vouchers.export";
    public const string GrantQuota = "vouchers.grant-quota";

    /// <summary>
    /// The partner admin runs the console (R26); finance reads quotas, vouchers and the log. The vendor operator grants
    /// quotas and reads every partner's quota log (never a voucher's remark). Delegation (R29) is further limited to
    /// distributors by the service.
    /// </summary>
    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(Issue, Group, [AppRoles.PartnerAdmin]),
        new(Recall, Group, [AppRoles.PartnerAdmin]),
        new(Delegate, Group, [AppRoles.PartnerAdmin]),
        new(ViewLog, Group, [AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.VendorOperator]),
        new(Export, Group, [AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.VendorOperator]),
        new(GrantQuota, Group, [AppRoles.VendorOperator]),
    ];
}

public static class VoucherRoutes
{
    public const string Console = "/finance/vouchers";
    public const string Issue = "/finance/vouchers/issue/{QuotaId:guid}";
    public const string Log = "/finance/vouchers/log";
    public const string Resellers = "/finance/vouchers/resellers";
    public const string VendorQuotas = "/vendor/voucher-quotas";
    public const string VendorLog = "/vendor/voucher-quotas/log";

    public static string IssueFrom(Guid quotaId) => $"/finance/vouchers/issue/{quotaId}";
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class VoucherAuditActions
{
    public const string Grant = "voucher.grant-quota";
    public const string Issue = "voucher.issue";
    public const string Recall = "voucher.recall";
    public const string Delegate = "voucher.delegate";
    public const string RecallDelegation = "voucher.recall-delegation";
}

/// <summary>The slice's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class VoucherData
{
    extension(AppDbContext db)
    {
        public DbSet<VoucherQuota> VoucherQuotas => db.Set<VoucherQuota>();

        public DbSet<Voucher> Vouchers => db.Set<Voucher>();

        public DbSet<VoucherIssue> VoucherIssues => db.Set<VoucherIssue>();

        public DbSet<VoucherRedemption> VoucherRedemptions => db.Set<VoucherRedemption>();

        public DbSet<VoucherOperation> VoucherOperations => db.Set<VoucherOperation>();
    }
}
