using BlazorPartner.Core.Validation;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.E2E.Pages.Members;
using BlazorPartner.E2E.Pages.Onboarding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Onboarding;

/// <summary>
/// R5 end to end: a complete application is approved on the spot and its admin joins and signs in; an incomplete one goes to
/// the vendor operator with the checks that failed, is rejected with a reason, corrected through the applicant's link, and
/// then passes the automatic checks.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class NetworkJourneyTests(E2EHost host, VendorOperatorSession vendor) : IClassFixture<VendorOperatorSession>
{
    [Fact]
    public async Task R5_a_complete_application_is_approved_automatically_and_its_admin_joins_and_signs_in()
    {
        var suffix = Suffix();
        var applicant = new NetworkApplicantData($"E2E Solutions {suffix} Co.", Code("0MB2", suffix), "8 Century Avenue, Shanghai", "Wu Fang", "+86 139 0000 1111",
            $"e2e-network-{suffix.ToLowerInvariant()}@example.com", WithLicence: true);

        await host.RunSignedOutAsync(async page =>
        {
            var apply = new NetworkApplyPage(page);
            await apply.GotoAsync();
            await apply.SubmitAsync(applicant);
            await Expect(apply.AutoApproved).ToContainTextAsync("passed every automatic check and is approved");
        });

        var joinLink = "";
        await vendor.RunAsync(async page =>
        {
            var outbox = new OutboxListPage(page);
            await outbox.GotoAsync();
            joinLink = await outbox.OpenJoinLinkAsync(applicant.Email);
        });

        await host.RunSignedOutAsync(async page =>
        {
            var join = new JoinPublicPage(page);
            await page.GotoAsync(joinLink);
            await Expect(join.Heading).ToHaveTextAsync($"Join {applicant.Company}");
            await join.JoinAsync(applicant.Contact, "Network#Admin2026");
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(applicant.Email, "Network#Admin2026", applicant.Company);
            // A solution provider's admin: business certification is in its menu.
            await Expect(page.Locator(".rz-sidebar").GetByText("Business certification", new() { Exact = true })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task R5_an_incomplete_application_goes_to_review_is_rejected_with_a_reason_and_passes_after_correction()
    {
        var suffix = Suffix();
        var incomplete = new NetworkApplicantData($"E2E Integration {suffix} Co.", Code("0MC3", suffix), Address: null, "Zhao Min", Phone: null,
            $"e2e-network-review-{suffix.ToLowerInvariant()}@example.com", WithLicence: false);
        var followLink = "";

        await host.RunSignedOutAsync(async page =>
        {
            var apply = new NetworkApplyPage(page);
            await apply.GotoAsync();
            await apply.SubmitAsync(incomplete);
            await Expect(apply.InReview).ToBeVisibleAsync();
            await Expect(apply.FailedChecks).ToHaveTextAsync(["The registered address or the contact phone is missing.", "No business licence is attached."]);
            followLink = (await apply.FollowLink.GetAttributeAsync("href"))!;
        });

        const string reason = "Give the registered address and attach the business licence.";
        await vendor.RunAsync(async page =>
        {
            var queue = OnboardingQueuePage.Applications(page);
            await queue.GotoAsync();
            await Expect(queue.Row(incomplete.Company)).ToContainTextAsync("No business licence is attached.");
            await queue.RejectAsync(incomplete.Company, reason);
            await Expect(queue.Row(incomplete.Company)).ToHaveCountAsync(0);
        });

        await host.RunSignedOutAsync(async page =>
        {
            await page.GotoAsync(followLink);
            var follow = new NetworkFollowPage(page);
            await Expect(follow.Status).ToHaveAttributeAsync("data-status", "Rejected");
            await Expect(follow.Reason).ToHaveTextAsync(reason);
            await follow.ResubmitAsync(incomplete with { Address = "99 Pearl River Road, Guangzhou", Phone = "+86 139 0000 2222", WithLicence = true });
            await Expect(follow.Resubmitted).ToHaveTextAsync("Resubmitted: round 2.");
            // The corrected round passes every check and is approved without a reviewer.
            await Expect(follow.Status).ToHaveAttributeAsync("data-status", "Approved");
            await Expect(follow.HistorySteps).ToHaveCountAsync(5);
        });
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A valid credit code: hex digits are all in the code's alphabet.</summary>
    private static string Code(string middle, string suffix) => CreditCode.WithCheckCharacter("9144000" + middle + suffix);
}
