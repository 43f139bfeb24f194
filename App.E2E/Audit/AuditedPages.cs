using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>A demo account an audited page is visited as.</summary>
public sealed record AuditAccount(string Email, string Organization)
{
    public static readonly AuditAccount VendorOperator = new(DemoAccounts.VendorOperator, DemoAccounts.VendorName);
    public static readonly AuditAccount PartnerAdmin = new(DemoAccounts.PartnerAAdmin, DemoAccounts.PartnerAName);
    public static readonly AuditAccount Supervisor = new(DemoAccounts.PartnerASupervisor, DemoAccounts.PartnerAName);
    public static readonly AuditAccount AccountManager = new(DemoAccounts.PartnerAManager1, DemoAccounts.PartnerAName);
    public static readonly AuditAccount Finance = new(DemoAccounts.PartnerAFinance, DemoAccounts.PartnerAName);
    public static readonly AuditAccount DistributorReviewer = new(DemoAccounts.PartnerBReviewer, DemoAccounts.PartnerBName);
}

/// <summary>
/// One state of the UI worth auditing: a page (or a dialog or error state on it) as one account (null = signed out).
/// <see cref="OpenAsync"/> gets there in the given culture and returns once the state is on screen; it never saves anything,
/// so the audits leave the shared demo data as they found it.
/// </summary>
public sealed record AuditedPage(string Name, AuditAccount? Account, Func<IPage, string, Task> OpenAsync)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every page and dialog of the console, for the accessibility audit and the translation check. A new page or dialog is
/// added here once and both checks cover it.
/// </summary>
public static partial class AuditedPages
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";

    /// <summary>
    /// The audits run in Chinese only. Both languages render the same components with the same structure (ResourceParityTests
    /// proves every text exists in both), so one axe pass sees what the other would; the Chinese load is the one the
    /// translation check also needs. Auditing each page once instead of twice keeps CI under 30 minutes. The journeys and
    /// the dialog focus tests run in English.
    /// </summary>
    public static readonly IReadOnlyList<string> Cultures = [Chinese];

    public static readonly IReadOnlyList<AuditedPage> All =
    [
        // Static SSR account pages.
        new("sign-in", null, (page, _) => GotoStaticAsync(page, "account/login")),
        new("sign-in with errors", null, async (page, _) =>
        {
            await GotoStaticAsync(page, "account/login");
            await page.RunAndWaitForNewDocumentAsync(() => page.Locator("main button[type=submit]").ClickAsync());
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("access denied (account page)", null, (page, _) => GotoStaticAsync(page, "account/access-denied")),
        new("change password", AuditAccount.PartnerAdmin, (page, _) => GotoStaticAsync(page, "account/change-password")),
        new("change password with errors", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await GotoStaticAsync(page, "account/change-password");
            await page.RunAndWaitForNewDocumentAsync(() => page.Locator("form button[type=submit]").ClickAsync());
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("sign out", AuditAccount.PartnerAdmin, (page, _) => GotoStaticAsync(page, "account/sign-out")),
        new("not found (signed out)", null, (page, _) => GotoStaticAsync(page, "no-such-page")),
        new("not found (signed in)", AuditAccount.PartnerAdmin, (page, _) => GotoInteractiveAsync(page, "no-such-page")),

        // Home for each role.
        new("home (vendor operator)", AuditAccount.VendorOperator, (page, _) => GotoInteractiveAsync(page, "")),
        new("home (partner admin)", AuditAccount.PartnerAdmin, (page, _) => GotoInteractiveAsync(page, "")),
        new("home (supervisor)", AuditAccount.Supervisor, (page, _) => GotoInteractiveAsync(page, "")),
        new("home (account manager)", AuditAccount.AccountManager, (page, _) => GotoInteractiveAsync(page, "")),
        new("home (finance)", AuditAccount.Finance, (page, _) => GotoInteractiveAsync(page, "")),
        new("access denied (in the console)", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            // A full load of a page the role may not open redirects to the account page above; inside the running console the
            // router shows its own access-denied message instead, so this navigates client-side.
            await GotoInteractiveAsync(page, "");
            await page.EvaluateAsync("() => Blazor.navigateTo('vendor/calendar')");
            await Expect(page.GetByText(UiText.Get("Error.AccessDeniedBody", culture), new() { Exact = true })).ToBeVisibleAsync();
        }),

        // No "page not found" entry: the app has no not-found page yet (a full load of an unknown URL answers a bare 404).

        // Partner's opportunity list, one entry per tab.
        .. Enum.GetValues<OpportunityStatus>().Select(status => new AuditedPage(
            $"partner opportunities: {status} tab", AuditAccount.PartnerAdmin,
            (page, culture) => OpenPartnerTabAsync(page, culture, UiText.Get($"OpportunityStatus.{status}", culture)))),
        new("partner opportunities: All tab", AuditAccount.PartnerAdmin,
            (page, culture) => OpenPartnerTabAsync(page, culture, UiText.Get("Opportunity.AllStatuses", culture))),

        // Opportunity detail.
        new("opportunity detail (pending)", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenFirstDetailAsync(page, culture, OpportunityStatus.PendingAcceptance);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Opportunity.Accept", culture), Exact = true })).ToBeVisibleAsync();
        }),
        new("opportunity detail (in progress: assign and progress forms)", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenFirstDetailAsync(page, culture, OpportunityStatus.InProgress);
            await Expect(Heading2(page, UiText.Get("Opportunity.Assign", culture))).ToBeVisibleAsync();
            await Expect(Heading2(page, UiText.Get("Opportunity.UpdateProgress", culture))).ToBeVisibleAsync();
        }),
        new("opportunity detail (progress form errors)", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenFirstDetailAsync(page, culture, OpportunityStatus.InProgress);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Opportunity.SaveProgress", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("opportunity detail (not found)", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await page.GotoInteractiveAsync($"opportunities/{Guid.Empty}");
            await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        }),

        // Dialogs on the partner's list (opened, audited, never confirmed).
        new("accept confirm dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenPartnerTabAsync(page, culture, UiText.Get("OpportunityStatus.PendingAcceptance", culture));
            await RowButton(page, culture, "Opportunity.Accept").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),
        new("reject dialog", AuditAccount.PartnerAdmin, (page, culture) => OpenRejectDialogAsync(page, culture)),
        new("reject dialog with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            var dialog = await OpenRejectDialogAsync(page, culture);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Opportunity.ConfirmReject", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("bulk accept confirm dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenPartnerTabAsync(page, culture, UiText.Get("OpportunityStatus.PendingAcceptance", culture));
            await TickFirstRowAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Opportunity.BulkAccept", culture, 1), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),

        // Customer console (list, detail, unbind dialog).
        .. CustomerAuditedPages.All,

        // Vendor console.
        new("vendor opportunities", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/opportunities");
            await WaitForGridAsync(page);
        }),
        new("share form", AuditAccount.VendorOperator, (page, _) => GotoInteractiveAsync(page, "vendor/opportunities/share")),
        new("share form with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/opportunities/share");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Share.Submit", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("work calendar", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/calendar");
            await WaitForGridAsync(page);
        }),
        new("work calendar remove confirm dialog", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/calendar");
            await WaitForGridAsync(page);
            // Each row's delete button is named after its day ("Remove 2026-01-01"), so the first one is found by that pattern.
            var removeDay = new Regex("^" + Regex.Escape(UiText.Get("Calendar.RemoveDay", culture, "DATE")).Replace("DATE", @"\d{4}-\d{2}-\d{2}", StringComparison.Ordinal) + "$");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = removeDay }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),

        // Customer registrations, invitations and the outbox (AuditedPages.CustomerRegistrations.cs).
        .. CustomerRegistrationPages(),
        // Voucher console (AuditedPages.Vouchers.cs).
        .. VoucherPages,
        // Funds (AuditedPages.Funds.cs).
        .. FundsPages,
        // Consumption import (AuditedPages.ConsumptionImport.cs).
        .. ConsumptionImportPages,
        // Bills (AuditedPages.Billing.cs).
        .. BillingPages,
        // Export center (AuditedPages.Exports.cs).
        .. ExportPages,
        // Consumption dashboard and metrics (AuditedPages.Consumption.cs).
        .. ConsumptionPages,
        // Members (AuditedPages.Members.cs).
        .. MemberPages,
        .. RolePages,
        // Reseller applications (AuditedPages.Resellers.cs).
        .. ResellerPages,
        .. OnboardingPages,
        .. OperationsPages,
    ];

    public static AuditedPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>
    /// The pages the audits run: all of them, or, while working on a slice, those whose name contains one of the
    /// comma-separated words in BLAZORPARTNER_AUDIT_ONLY (CI never sets it).
    /// </summary>
    public static IEnumerable<AuditedPage> Selected =>
        Environment.GetEnvironmentVariable("BLAZORPARTNER_AUDIT_ONLY") is { Length: > 0 } only
            ? All.Where(p => only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            : All;

    /// <summary>Static SSR pages have no circuit: the document and its heading are the whole page.</summary>
    public static async Task GotoStaticAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    public static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoInteractiveAsync(path);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    /// <summary>The grid has rows (data or its empty message) and is not loading.</summary>
    public static async Task WaitForGridAsync(IPage page)
    {
        var grid = page.GetByRole(AriaRole.Grid).First;
        await Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
    }

    /// <summary>The partner's list on the tab whose text (before the count) is <paramref name="tabText"/>.</summary>
    public static async Task OpenPartnerTabAsync(IPage page, string culture, string tabText)
    {
        await GotoInteractiveAsync(page, "sales/opportunities");
        await WaitForGridAsync(page);
        var tab = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{Regex.Escape(tabText)} \\(\\d+\\)$") });
        if (await tab.GetAttributeAsync("aria-checked") != "true")
        {
            await tab.ClickAsync();
            await Expect(tab).ToHaveAttributeAsync("aria-checked", "true");
        }

        await WaitForGridAsync(page);
    }

    private static async Task OpenFirstDetailAsync(IPage page, string culture, OpportunityStatus status)
    {
        await OpenPartnerTabAsync(page, culture, UiText.Get($"OpportunityStatus.{status}", culture));
        var href = await page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Link).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"The {status} tab shows no opportunity to open.");
        await GotoInteractiveAsync(page, href);
    }

    private static ILocator Heading2(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2, Exact = true });

    private static ILocator RowButton(IPage page, string culture, string key) =>
        page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Button, new() { Name = UiText.Get(key, culture), Exact = true }).First;

    private static async Task<ILocator> OpenRejectDialogAsync(IPage page, string culture)
    {
        await OpenPartnerTabAsync(page, culture, UiText.Get("OpportunityStatus.PendingAcceptance", culture));
        await RowButton(page, culture, "Opportunity.Reject").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.ExpectDialogReadyAsync();
        return dialog;
    }

    /// <summary>Ticks the first row's selection checkbox.</summary>
    public static async Task TickFirstRowAsync(IPage page)
    {
        var checkbox = page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Checkbox).First;
        await checkbox.CheckAsync();
        await Expect(checkbox).ToBeCheckedAsync();
    }
}
