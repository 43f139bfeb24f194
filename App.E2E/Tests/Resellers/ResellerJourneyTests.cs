using BlazorPartner.Core.Validation;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.E2E.Pages.Members;
using BlazorPartner.E2E.Pages.Resellers;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Resellers;

/// <summary>Partner B's distributor reviewer (reviewer@partner-b.demo), signed in once.</summary>
public sealed class DistributorReviewerSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerBReviewer, DemoAccounts.PartnerBName);

/// <summary>
/// R40 end to end, as issue 8 §8 tells it: a company applies on the public page naming Partner B, the vendor approves, Partner
/// B rejects with a reason, the applicant reads it through its link and resubmits, the vendor approves again, Partner B
/// approves (in a batch), and the new reseller's admin accepts the mailed invitation and signs in to its own console.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ResellerJourneyTests(E2EHost host, VendorOperatorSession vendor, DistributorReviewerSession distributor)
    : IClassFixture<VendorOperatorSession>, IClassFixture<DistributorReviewerSession>
{
    private const string Password = "Reseller#Admin2026";

    [Fact]
    public async Task R40_apply_vendor_approves_distributor_rejects_applicant_resubmits_both_approve_and_the_reseller_admin_signs_in()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var company = $"E2E Reseller {suffix} Co.";
        var applicant = new ApplicantData(company, CreditCode.WithCheckCharacter("9131000" + "0MA1" + Body(suffix)), "Qin Lan", "+86 139 0000 5678",
            $"e2e-reseller-{suffix.ToLowerInvariant()}@example.com", DemoAccounts.PartnerBName);
        var followLink = "";

        await host.RunSignedOutAsync(async page =>
        {
            var apply = new ResellerApplyPage(page);
            await apply.GotoAsync();
            await apply.SubmitAsync(applicant);
            await Expect(apply.Submitted).ToContainTextAsync("was submitted. The vendor reviews it first.");
            followLink = (await apply.FollowLink.GetAttributeAsync("href"))!;
        });

        await vendor.RunAsync(async page =>
        {
            var queue = new ResellerQueuePage(page, ResellerQueuePage.VendorPath);
            await queue.GotoAsync();
            await queue.ApproveAsync(company);
            await Expect(queue.Notification($"{company} approved; it now waits for its distributor.")).ToBeVisibleAsync();
            await Expect(queue.Row(company)).ToHaveCountAsync(0);
        });

        const string reason = "Add the second page of the business licence.";
        await distributor.RunAsync(async page =>
        {
            var queue = new ResellerQueuePage(page, ResellerQueuePage.DistributorPath);
            await queue.GotoAsync();
            await queue.RejectAsync(company, reason);
            await Expect(queue.Notification($"{company} rejected; the applicant was told why.")).ToBeVisibleAsync();
        });

        await host.RunSignedOutAsync(async page =>
        {
            await page.GotoAsync(followLink);
            var follow = new ResellerFollowPage(page);
            await Expect(follow.Status).ToHaveAttributeAsync("data-status", "Rejected");
            await Expect(follow.Reason).ToHaveTextAsync(reason);
            await follow.ResubmitAsync(applicant with { Contact = "Qin Lanlan" });
            await Expect(follow.Resubmitted).ToHaveTextAsync("Resubmitted as round 2. The vendor reviews it again.");
            await Expect(follow.Status).ToHaveAttributeAsync("data-status", "VendorReview");
            // Both rounds stay readable: submitted, approved, rejected; then resubmitted.
            await Expect(follow.HistorySteps).ToHaveCountAsync(4);
        });

        await vendor.RunAsync(async page =>
        {
            var queue = new ResellerQueuePage(page, ResellerQueuePage.VendorPath);
            await queue.GotoAsync();
            await Expect(queue.Row(company)).ToContainTextAsync("2");
            await queue.ApproveAsync(company);
            await Expect(queue.Notification($"{company} approved; it now waits for its distributor.")).ToBeVisibleAsync();
        });

        await distributor.RunAsync(async page =>
        {
            var queue = new ResellerQueuePage(page, ResellerQueuePage.DistributorPath);
            await queue.GotoAsync();
            await queue.ApproveSelectedAsync(company);
            await Expect(queue.BatchOutcomes).ToContainTextAsync("1 of 1 approved.");
            await Expect(queue.Row(company)).ToHaveCountAsync(0);
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
            await Expect(join.Heading).ToHaveTextAsync($"Join {company}");
            await join.JoinAsync("Qin Lan", Password);
            await Expect(join.Done).ToContainTextAsync($"Your account in {company} is ready.");

            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(applicant.Email, Password, company);
            // The reseller's own admin: its members page is in the menu.
            await Expect(page.Locator(".rz-sidebar").GetByText("Members", new() { Exact = true })).ToBeVisibleAsync();
        });
    }

    /// <summary>Six credit-code characters from the suffix (hex digits and letters A–F are all in the code's alphabet).</summary>
    private static string Body(string suffix) => suffix.PadRight(6, '0')[..6];
}
