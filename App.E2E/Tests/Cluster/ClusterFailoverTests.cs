using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Exports;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Cluster;

/// <summary>
/// Issue 9 §1: two instances on one PostgreSQL database behind nginx (the cluster of scripts/run-cluster.sh). A sign-in
/// made through one instance is honoured by the other, and when the instance serving a user dies the user reloads onto
/// the survivor, still signed in, with what they saved. An export's file downloads through either instance.
/// </summary>
[Collection(ClusterCollection.Name)]
[TestCaseOrderer(ByNameOrderer.TypeName, ByNameOrderer.AssemblyName)]
public sealed class ClusterFailoverTests(ClusterHost cluster)
{
    private const string UpstreamHeader = "x-blazorpartner-upstream";

    [ClusterFact]
    public async Task A_sign_in_and_an_export_made_through_one_instance_work_through_the_other()
    {
        await cluster.EnsureAllRunningAsync();
        var a = cluster.InstanceAddresses["a"];
        var b = cluster.InstanceAddresses["b"];
        var context = await cluster.NewContextAsync(a);
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(DemoAccounts.PartnerAAdmin, DemoAccounts.Password, DemoAccounts.PartnerAName);

            // A background export requested on instance a (whichever instance's worker runs it).
            var list = new OpportunityListPage(page);
            await list.GotoAsync();
            await list.SelectTabAsync(OpportunityListPage.All);
            await list.ExportButton.ClickAsync();
            await page.GetByTestId("export-queued-link").ClickAsync();
            var exports = new MyExportsPage(page);
            await page.WaitForInteractiveAsync();
            var row = exports.Rows.First;
            await Expect(exports.Status(row)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Completed"), new() { Timeout = 30_000 });
            var href = await exports.DownloadLink(row).GetAttributeAsync("href") ?? "";

            // Cookies belong to the host, not the port: the same browser now asks instance b directly. b unprotects the
            // cookie with the key ring a stored in the database and finds the server-side session a wrote.
            var onB = new Uri(b, OpportunityListPage.Path).ToString();
            var response = await page.GotoAsync(onB);
            Assert.Equal(200, response?.Status);
            await page.WaitForInteractiveAsync();
            // Not sent to sign in (that page would answer 200 too): still the list, on b.
            Assert.Equal(onB, page.Url);
            await Expect(list.Heading).ToBeVisibleAsync();
            await Expect(page.GetByTestId("org-name")).ToHaveTextAsync(DemoAccounts.PartnerAName);

            // The file is in the database (ADR 0010): both instances serve it.
            foreach (var instance in new[] { a, b })
            {
                var download = await page.APIRequest.GetAsync(new Uri(instance, href).ToString());
                Assert.Equal(200, download.Status);
                Assert.StartsWith("attachment;", download.Headers["content-disposition"]);
                var body = await download.BodyAsync();
                Assert.True(body.Length > 1000 && body[0] == (byte)'P' && body[1] == (byte)'K', $"Not an xlsx from {instance}.");
            }
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Logs(), error);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [ClusterFact]
    public async Task When_the_serving_instance_dies_the_user_reloads_onto_the_other_still_signed_in_with_saved_data()
    {
        await cluster.EnsureAllRunningAsync();
        var id = await OpportunityInContactingAsync();
        var note = $"Cluster failover {Guid.NewGuid():N}";
        var context = await cluster.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(DemoAccounts.PartnerAAdmin, DemoAccounts.Password, DemoAccounts.PartnerAName);

            // nginx names the instance that answered; the affinity cookie keeps this browser (its circuit) there.
            var response = await page.GotoAsync($"opportunities/{id}");
            Assert.NotNull(response);
            var serving = cluster.InstanceAt(response.Headers[UpstreamHeader]);
            var survivor = serving == "a" ? "b" : "a";
            await page.WaitForInteractiveAsync();

            var detail = new OpportunityDetailPage(page);
            await detail.RecordProgressAsync("Solution", note);
            await Expect(detail.Notification("Progress recorded.")).ToBeVisibleAsync();
            await Expect(detail.TimelineEntry("Solution")).ToContainTextAsync(note);
            // Typed, never saved: lives only in the dead instance's circuit.
            await detail.ProgressNote.FillAsync("An unsaved draft");

            await cluster.KillInstanceAsync(serving);

            // The 9.0 script cannot resume a circuit on another server: its reconnect reaches the survivor (nginx moved the
            // browser), which does not know the circuit and rejects it. The modal says so, in the page's language.
            var modal = page.Locator("#components-reconnect-modal");
            await Expect(modal).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-rejected"), new() { Timeout = 30_000 });
            await Expect(modal.GetByText("This page's session on the server has ended", new() { Exact = false })).ToBeVisibleAsync();

            var reloaded = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url.Contains($"opportunities/{id}", StringComparison.Ordinal));
            await modal.GetByRole(AriaRole.Button, new() { Name = "Reload page", Exact = true }).ClickAsync();
            Assert.Equal(survivor, cluster.InstanceAt((await reloaded).Headers[UpstreamHeader]));
            await page.WaitForInteractiveAsync();

            // Still signed in (the cookie and session are shared), the saved progress is there, the draft is gone.
            await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
            await Expect(page.GetByTestId("org-name")).ToHaveTextAsync(DemoAccounts.PartnerAName);
            await Expect(detail.TimelineEntry("Solution")).ToContainTextAsync(note);
            await Expect(detail.ProgressNote).ToHaveValueAsync("");

            // And the survivor carries on: the next save works.
            await detail.RecordProgressAsync("Bidding", note + " after failover");
            await Expect(detail.Notification("Progress recorded.")).ToBeVisibleAsync();
            await Expect(detail.TimelineEntry("Bidding")).ToContainTextAsync("after failover");
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(cluster.Logs(), error);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A seeded, accepted opportunity of Partner A still at its first stage (so "Solution" is a valid next step).</summary>
    private async Task<Guid> OpportunityInContactingAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT o."Id" FROM "Opportunities" o JOIN "Organizations" g ON g."Id" = o."OrganizationId"
            WHERE g."Name" = @partner AND o."Status" = 1 AND (o."Stage" = 0 OR o."Stage" IS NULL)
            ORDER BY o."Id" LIMIT 1
            """,
            connection);
        query.Parameters.AddWithValue("partner", DemoAccounts.PartnerAName);
        return (Guid)(await query.ExecuteScalarAsync() ?? throw new InvalidOperationException("The demo data has no accepted opportunity at its first stage."));
    }
}
