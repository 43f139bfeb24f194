using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Consumption;

/// <summary>What the consumption, billing and metrics consoles let roles do. Page policies and service checks both use these names.</summary>
public static class ConsumptionPermissions
{
    public const string Group = "Consumption";

    /// <summary>The dashboard and its detail. Account managers and supervisors see their own / their team's customers (R3, R18).</summary>
    public const string View = "consumption.view";
    public const string Export = "consumption.export";

    /// <summary>The vendor operator uploads consumption files.</summary>
    public const string Import = "consumption.import";

    public const string ViewBills = "bills.view";
    public const string ExportBills = "bills.export";

    /// <summary>The vendor operator records refunds and adjustments that go into a partner's next bill.</summary>
    public const string AdjustBills = "bills.adjust";

    public const string ViewMetrics = "metrics.view";
    public const string ExportMetrics = "metrics.export";

    /// <summary>
    /// Defaults for the system roles (issue 7, section 7): finance gets the dashboard, bills, metrics and exports;
    /// account managers and supervisors the dashboard for their own / their team's customers; the vendor operator all of
    /// it for any partner, plus import and adjustments.
    /// </summary>
    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager]),
        new(Export, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager]),
        new(Import, Group, [AppRoles.VendorOperator]),
        new(ViewBills, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(ExportBills, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(AdjustBills, Group, [AppRoles.VendorOperator]),
        new(ViewMetrics, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance]),
        new(ExportMetrics, Group, [AppRoles.VendorOperator, AppRoles.PartnerAdmin, AppRoles.Finance]),
    ];
}

public static class ConsumptionRoutes
{
    public const string Dashboard = "/sales/consumption";
    public const string Bills = "/finance/bills";
    public const string Metrics = "/sales/metrics";
    public const string Import = "/vendor/consumption/import";
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class ConsumptionAuditActions
{
    public const string Import = "consumption.import";
    public const string Retention = "consumption.retention";
    public const string BillGenerated = "bills.generate";
    public const string BillAdjustment = "bills.adjust";
}
