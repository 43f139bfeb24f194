namespace BlazorPartner.Platform.Seeding;

/// <summary>The demo accounts the README lists. One password for all, so a reviewer can switch roles quickly.</summary>
public static class DemoAccounts
{
    public const string Password = "Partner#2026";

    public const string VendorOperator = "operator@vendor.demo";
    public const string PartnerAAdmin = "admin@partner-a.demo";
    public const string PartnerASupervisor = "supervisor@partner-a.demo";
    public const string PartnerAManager1 = "am1@partner-a.demo";
    public const string PartnerAManager2 = "am2@partner-a.demo";
    public const string PartnerAFinance = "finance@partner-a.demo";
    public const string PartnerBAdmin = "admin@partner-b.demo";
    public const string PartnerCAdmin = "admin@partner-c.demo";

    /// <summary>Partner B's distributor reviewer: decides the reseller applications that name Partner B (R40).</summary>
    public const string PartnerBReviewer = "reviewer@partner-b.demo";

    public const string VendorOperatorName = "Chen Jing (Vendor)";

    public const string VendorName = "Cloud Vendor";
    public const string PartnerAName = "Partner A";
    public const string PartnerBName = "Partner B";
    public const string PartnerCName = "Partner C";

    /// <summary>A pending opportunity of Partner A whose deadline is always a few working days away (for tours and E2E).</summary>
    public const string WellKnownPendingCustomer = "Shanghai Fintech Demo Co.";

    /// <summary>A second one, to demonstrate rejection.</summary>
    public const string WellKnownRejectCustomer = "Hangzhou Retail Demo Co.";
}
