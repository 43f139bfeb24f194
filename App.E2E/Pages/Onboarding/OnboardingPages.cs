using System.Text;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Onboarding;

/// <summary>What a company types on the partner-network application; null fields are left empty.</summary>
public sealed record NetworkApplicantData(string Company, string? CreditCode, string? Address, string Contact, string? Phone, string Email, bool WithLicence);

/// <summary>The public partner-network application (static server rendering, anonymous).</summary>
public sealed class NetworkApplyPage(IPage page)
{
    public const string Path = "apply/partner";

    public ILocator AutoApproved => page.GetByTestId("network-approved");

    public ILocator InReview => page.GetByTestId("network-review");

    public ILocator FailedChecks => page.GetByTestId("network-failed-checks").GetByRole(AriaRole.Listitem);

    public ILocator FollowLink => page.GetByTestId("network-follow-link");

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Apply to join the partner network");
    }

    public async Task SubmitAsync(NetworkApplicantData applicant)
    {
        await NetworkForm.FillAsync(page, applicant);
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit the application", Exact = true }).ClickAsync());
    }
}

/// <summary>The applicant's page through its link: status, failed checks, reason, history, resubmission.</summary>
public sealed class NetworkFollowPage(IPage page)
{
    public ILocator Status => page.GetByTestId("follow-status");

    public ILocator Reason => page.GetByTestId("follow-reason");

    public ILocator Resubmitted => page.GetByTestId("follow-resubmitted");

    public ILocator HistorySteps => page.GetByTestId("history-step");

    public async Task ResubmitAsync(NetworkApplicantData corrected)
    {
        await NetworkForm.FillAsync(page, corrected);
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Resubmit", Exact = true }).ClickAsync());
    }
}

internal static class NetworkForm
{
    public static async Task FillAsync(IPage page, NetworkApplicantData applicant)
    {
        await page.GetByLabel("Company name", new() { Exact = true }).FillAsync(applicant.Company);
        await page.GetByLabel("Unified social credit code", new() { Exact = true }).FillAsync(applicant.CreditCode ?? "");
        await page.GetByLabel("Registered address", new() { Exact = true }).FillAsync(applicant.Address ?? "");
        await page.GetByLabel("Contact name", new() { Exact = true }).FillAsync(applicant.Contact);
        await page.GetByLabel("Contact phone", new() { Exact = true }).FillAsync(applicant.Phone ?? "");
        await page.GetByLabel("Contact e-mail", new() { Exact = true }).FillAsync(applicant.Email);
        if (applicant.WithLicence)
        {
            await page.GetByLabel("Business licence", new() { Exact = true }).SetInputFilesAsync(Pdf("business-licence.pdf", applicant.Company));
        }
    }

    public static FilePayload Pdf(string name, string about) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name} of {about}\n%%EOF\n"),
    };
}

/// <summary>A vendor review list: Partner-network applications or Business certifications.</summary>
public sealed class OnboardingQueuePage(IPage page, string path, string rowTestId)
{
    public const string ApplicationsPath = "vendor/partner-applications";
    public const string CertificationsPath = "vendor/certifications";

    public static OnboardingQueuePage Applications(IPage page) => new(page, ApplicationsPath, "network-row");

    public static OnboardingQueuePage Certifications(IPage page) => new(page, CertificationsPath, "certification-row");

    public ILocator Row(string name) => page.GetByTestId(rowTestId).Filter(new() { HasText = name });

    public ILocator Notification(string text) => page.Locator(".rz-notification-message").Filter(new() { HasText = text });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(path);
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    public async Task ApproveAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}", Exact = true }).ClickAsync();
        await new ConfirmDialog(page, "Approve").ConfirmAsync("Approve");
    }

    public async Task RejectAsync(string name, string reason)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason (the applicant reads it)", new() { Exact = true }).FillAsync(reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }
}

/// <summary>Organization › Business certification, as the partner admin sees it.</summary>
public sealed class CertificationPage(IPage page)
{
    public const string Path = "organization/certification";

    public ILocator Status => page.GetByTestId("certification-status");

    public ILocator Next => page.GetByTestId("certification-next");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Status).ToBeVisibleAsync();
    }

    public async Task SubmitAsync(string legalName, string creditCode, string bank, string account, string holder)
    {
        await page.GetByLabel("Company name (as registered)", new() { Exact = true }).FillAsync(legalName);
        await page.GetByLabel("Unified social credit code", new() { Exact = true }).FillAsync(creditCode);
        await page.GetByLabel("Bank", new() { Exact = true }).FillAsync(bank);
        await page.GetByLabel("Bank account", new() { Exact = true }).FillAsync(account);
        await page.GetByLabel("Account holder", new() { Exact = true }).FillAsync(holder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for certification", Exact = true }).ClickAsync();
    }

    public async Task UploadBankLetterAsync(string partner)
    {
        await page.GetByLabel("Bank letter", new() { Exact = true }).SetBlazorInputFilesAsync(NetworkForm.Pdf("bank-letter.pdf", partner));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the bank letter", Exact = true }).ClickAsync();
    }
}
