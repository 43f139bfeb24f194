using BlazorPartner.E2E.Infrastructure;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Resellers;

/// <summary>What an applicant types on the public form.</summary>
public sealed record ApplicantData(string Company, string CreditCode, string Contact, string Phone, string Email, string Distributor);

/// <summary>The public reseller application form (static server rendering, anonymous).</summary>
public sealed class ResellerApplyPage(IPage page)
{
    public const string Path = "apply/reseller";

    public ILocator Submitted => page.GetByTestId("apply-submitted");

    public ILocator FollowLink => page.GetByTestId("apply-follow-link");

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Apply to become a reseller");
    }

    public async Task SubmitAsync(ApplicantData applicant)
    {
        await page.GetByLabel("Company name", new() { Exact = true }).FillAsync(applicant.Company);
        await page.GetByLabel("Unified social credit code", new() { Exact = true }).FillAsync(applicant.CreditCode);
        await ResellerForm.FillContactAsync(page, applicant);
        await page.GetByLabel("Distributor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = applicant.Distributor });
        await page.GetByLabel("Business licence (PDF, PNG or JPEG)", new() { Exact = true }).SetInputFilesAsync(ResellerForm.Licence(applicant.Company));
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit application", Exact = true }).ClickAsync());
    }
}

/// <summary>The applicant's own page, opened through its link: status, history, resubmission.</summary>
public sealed class ResellerFollowPage(IPage page)
{
    public ILocator Status => page.GetByTestId("follow-status");

    public ILocator Reason => page.GetByTestId("follow-reason");

    public ILocator Resubmitted => page.GetByTestId("follow-resubmitted");

    public ILocator HistorySteps => page.GetByTestId("history-step");

    public async Task ResubmitAsync(ApplicantData corrected)
    {
        await ResellerForm.FillContactAsync(page, corrected);
        await page.GetByLabel("New documents (optional; the earlier ones are kept)", new() { Exact = true }).SetInputFilesAsync(ResellerForm.Licence(corrected.Company + " (page 2)"));
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Resubmit", Exact = true }).ClickAsync());
    }
}

internal static class ResellerForm
{
    public static async Task FillContactAsync(IPage page, ApplicantData applicant)
    {
        await page.GetByLabel("Contact person", new() { Exact = true }).FillAsync(applicant.Contact);
        await page.GetByLabel("Contact phone", new() { Exact = true }).FillAsync(applicant.Phone);
        await page.GetByLabel("Contact e-mail", new() { Exact = true }).FillAsync(applicant.Email);
    }

    public static FilePayload Licence(string company) => new()
    {
        Name = "business-licence.pdf",
        MimeType = "application/pdf",
        Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% Business licence of {company}\n%%EOF\n"),
    };
}

/// <summary>A reviewer's queue: the vendor's "Reseller applications" or the distributor's "Reseller cooperation applications".</summary>
public sealed class ResellerQueuePage(IPage page, string path)
{
    public const string VendorPath = "vendor/reseller-applications";
    public const string DistributorPath = "organization/reseller-applications";

    public ILocator Row(string company) => page.GetByTestId("application-row").Filter(new() { HasText = company });

    public ILocator Notification(string text) => page.Locator(".rz-notification-message").Filter(new() { HasText = text });

    public ILocator BatchOutcomes => page.GetByTestId("batch-outcomes");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(path);
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    public async Task ApproveAsync(string company)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {company}", Exact = true }).ClickAsync();
        await new ConfirmDialog(page, "Approve").ConfirmAsync("Approve");
    }

    public async Task RejectAsync(string company, string reason)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reject {company}", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason (the applicant reads it)", new() { Exact = true }).FillAsync(reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    public async Task ApproveSelectedAsync(params string[] companies)
    {
        foreach (var company in companies)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {company}", Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve selected ({companies.Length})", Exact = true }).ClickAsync();
    }
}
