using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Opportunities;

/// <summary>R3 visibility inside a partner, and isolation between partners, enforced by the services themselves.</summary>
public class OpportunityAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<(Guid Mine1, Guid Mine2, Guid Unassigned)> ShareThreeAsync(TestWorld world)
    {
        var forManager1 = await world.ShareAsync(customer: "For manager one");
        var forManager2 = await world.ShareAsync(customer: "For manager two");
        var unassigned = await world.ShareAsync(customer: "Nobody yet");
        await world.AssignDirectlyAsync(forManager1, world.Manager1A);
        await world.AssignDirectlyAsync(forManager2, world.Manager2A);
        return (forManager1, forManager2, unassigned);
    }

    private static async Task<string[]> CustomersVisibleTo(TestWorld world, BlazorPartner.Core.Identity.Actor actor) =>
        (await world.Queries.ListAsync(actor, new OpportunityQuery { Sort = OpportunitySort.Customer })).Items.Select(r => r.CustomerName).ToArray();

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_partner_admin_sees_all_of_the_partners_opportunities(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await ShareThreeAsync(world);

        Assert.Equal(["For manager one", "For manager two", "Nobody yet"], await CustomersVisibleTo(world, world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_account_manager_sees_only_their_own(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (_, forManager2, _) = await ShareThreeAsync(world);

        Assert.Equal(["For manager one"], await CustomersVisibleTo(world, world.Manager1A));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Queries.GetAsync(world.Manager1A, forManager2));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Workflow.AcceptAsync(world.Manager1A, forManager2));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_supervisor_sees_the_team_but_does_not_act(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (forManager1, _, _) = await ShareThreeAsync(world);

        // Manager two does not report to this supervisor; manager one does.
        Assert.Equal(["For manager one"], await CustomersVisibleTo(world, world.SupervisorA));
        var detail = await world.Queries.GetAsync(world.SupervisorA, forManager1);
        Assert.False(detail.Actions.CanRespond);
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Workflow.AcceptAsync(world.SupervisorA, forManager1));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_account_manager_can_accept_their_own(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (forManager1, _, _) = await ShareThreeAsync(world);

        var row = Assert.Single((await world.Queries.ListAsync(world.Manager1A, new OpportunityQuery())).Items);
        Assert.True(row.CanRespond);
        await world.Workflow.AcceptAsync(world.Manager1A, forManager1);

        Assert.Equal(OpportunityStatus.InProgress, (await world.LoadAsync(forManager1)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Finance_has_no_access_to_opportunities(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.ShareAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Queries.ListAsync(world.FinanceA, new OpportunityQuery()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Tenant_isolation_partner_B_can_neither_list_read_accept_reject_assign_nor_export_partner_As(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofA = await world.ShareAsync(customer: "Secret customer of A");
        var ofB = await world.ShareAsync(partner: world.PartnerB, customer: "B's own");

        var listed = await world.Queries.ListAsync(world.AdminB, new OpportunityQuery { Search = "Secret" });
        Assert.Equal(0, listed.TotalCount);
        Assert.Equal(["B's own"], await CustomersVisibleTo(world, world.AdminB));
        Assert.Equal(1, (await world.Queries.CountByStatusAsync(world.AdminB, new OpportunityQuery())).Values.Sum());
        await Assert.ThrowsAsync<NotFoundException>(() => world.Queries.GetAsync(world.AdminB, ofA));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Workflow.AcceptAsync(world.AdminB, ofA));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Workflow.RejectAsync(world.AdminB, ofA, RejectionReason.Duplicate, null));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Workflow.AssignAsync(world.AdminB, ofA, world.Manager1A.UserId));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Workflow.UpdateProgressAsync(world.AdminB, ofA, ProgressStage.Solution, "x"));

        using var file = new MemoryStream();
        var exported = await world.Exporter.ExportAsync(world.AdminB, new OpportunityQuery(), file);
        Assert.Equal(1, exported);
        Assert.Equal(0, await world.Queries.CountAsync(world.AdminB, new OpportunityQuery { PartnerOrganizationId = world.PartnerA }));

        var untouched = await world.LoadAsync(ofA);
        Assert.Equal(OpportunityStatus.PendingAcceptance, untouched.Status);
        Assert.Null(untouched.AssignedToUserId);
        Assert.Equal(0, untouched.Version);
        Assert.Equal([ofB], (await world.Queries.ListAsync(world.AdminB, new OpportunityQuery())).Items.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Vendor_operator_sees_every_partner_but_cannot_answer_for_them(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofA = await world.ShareAsync(customer: "A1");
        await world.ShareAsync(partner: world.PartnerB, customer: "B1");

        var all = await world.Queries.ListAsync(world.Vendor, new OpportunityQuery { Sort = OpportunitySort.Partner });
        Assert.Equal(["Partner A", "Partner B"], all.Items.Select(r => r.PartnerName));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Workflow.AcceptAsync(world.Vendor, ofA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_context_without_a_tenant_scope_sees_no_partner_rows(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.ShareAsync();

        await using var unscoped = await world.Factory.CreateDbContextAsync();
        Assert.Equal(0, await unscoped.Opportunities.CountAsync());
        await using var scopedToB = await world.Factory.CreateForAsync(world.AdminB);
        Assert.Equal(0, await scopedToB.Opportunities.CountAsync());
        await using var scopedToA = await world.Factory.CreateForAsync(world.AdminA);
        Assert.Equal(1, await scopedToA.Opportunities.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Grid_pages_sorts_and_filters_on_the_server(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var i = 1; i <= 25; i++)
        {
            await world.ShareAsync(customer: $"Customer {i:D2}", amount: i * 1000m);
        }

        var page2 = await world.Queries.ListAsync(world.AdminA, new OpportunityQuery { Sort = OpportunitySort.Amount, Descending = true, Skip = 10, Take = 10 });
        Assert.Equal(25, page2.TotalCount);
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => $"Customer {i:D2}"), page2.Items.Select(r => r.CustomerName));

        var searched = await world.Queries.ListAsync(world.AdminA, new OpportunityQuery { Search = "Customer 1", Status = OpportunityStatus.PendingAcceptance });
        Assert.Equal(10, searched.TotalCount);
        Assert.All(searched.Items, r => Assert.Equal(3, r.WorkingDaysLeft));
    }
}
