using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Resellers.ResellerTestKit;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>R43: a reseller cannot change its distributor itself; the vendor operator moves it, audited.</summary>
public class ResellerMoveTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R43_the_vendor_moves_a_reseller_to_another_distributor_and_the_move_is_audited(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var (partnerD, _) = await world.SecondDistributorAsync();
        var resellerId = await world.ApprovedResellerAsync(reviewer);
        var resellerAdmin = await world.AddUserAsync(resellerId, "admin-r", "Reseller Admin", AppRoles.PartnerAdmin);
        var adminD = await world.AddUserAsync(partnerD, "admin-d", "Admin D", AppRoles.PartnerAdmin);

        world.Clock.Advance(TimeSpan.FromHours(3));
        await world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, partnerD));

        await using var db = await world.Factory.CreateSystemAsync();
        var reseller = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == resellerId);
        Assert.Equal(((Guid?)partnerD, OrganizationKind.Reseller), (reseller.ParentOrganizationId, reseller.Kind));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ResellerAuditActions.Move);
        Assert.Equal((resellerId.ToString(), "Vendor Op", (Guid?)resellerId, world.Clock.GetUtcNow().UtcDateTime),
            (audit.EntityId, audit.ActorName, audit.OrganizationId, audit.AtUtc));
        Assert.Contains("Partner B", audit.Before);
        Assert.Contains("Partner D", audit.After);

        // §6: the reseller's admins and both distributors' admins are told, each its own sentence, in the bell and by mail;
        // the distributors' reviewers, who decide applications only, are not.
        var bells = await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == ResellerNotifications.Moved).ToListAsync();
        Assert.Equal(
            [(world.AdminB.UserId, world.PartnerB, "Notification.ResellerMovedAway"), (resellerAdmin.UserId, resellerId, "Notification.ResellerMovedForReseller"),
             (adminD.UserId, partnerD, "Notification.ResellerMovedHere")],
            bells.Select(n => (n.RecipientUserId, n.OrganizationId, n.MessageKey)).OrderBy(n => n.Item3));
        Assert.Contains("Suzhou Cloud Reseller Co.", Assert.Single(bells, n => n.RecipientUserId == resellerAdmin.UserId).Arguments);
        var mails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == ResellerNotifications.Moved).ToListAsync();
        Assert.Equal(["admin-b@test", "admin-d@test", "admin-r@test"], mails.Select(m => m.Recipient).Order());
        Assert.Equal("The vendor moved Suzhou Cloud Reseller Co. from the distributor Partner B to the distributor Partner D.",
            mails.Single(m => m.Recipient == "admin-r@test").Subject);
        Assert.Equal("The vendor moved the reseller Suzhou Cloud Reseller Co. from you to Partner D.", mails.Single(m => m.Recipient == "admin-b@test").Subject);
        Assert.Equal("The vendor moved the reseller Suzhou Cloud Reseller Co. to you (from Partner B).", mails.Single(m => m.Recipient == "admin-d@test").Subject);

        var row = Assert.Single((await world.Assignments().ResellersAsync(world.Vendor, 0, 20)).Items);
        Assert.Equal((resellerId, (Guid?)partnerD, "Partner D"), (row.Id, row.DistributorId, row.DistributorName));
        Assert.Equal(["Partner B", "Partner D"], (await world.Assignments().DistributorsAsync(world.Vendor)).Select(d => d.Name));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R43_neither_the_reseller_nor_its_distributor_nor_a_reviewer_can_move_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var (partnerD, reviewerD) = await world.SecondDistributorAsync();
        var resellerId = await world.ApprovedResellerAsync(reviewer);
        var resellerAdmin = await world.AddUserAsync(resellerId, "admin-r", "Reseller Admin", AppRoles.PartnerAdmin);
        Assert.Equal(OrganizationKind.Reseller, resellerAdmin.OrganizationKind);
        var move = new MoveResellerInput(resellerId, world.PartnerB, partnerD);

        foreach (var actor in new[] { resellerAdmin, world.AdminB, reviewer, reviewerD, world.AdminA })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Assignments().MoveAsync(actor, move));
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Assignments().ResellersAsync(resellerAdmin, 0, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Assignments().ResellersAsync(world.AdminB, 0, 20));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal((Guid?)world.PartnerB, await db.Organizations.Where(o => o.Id == resellerId).Select(o => o.ParentOrganizationId).SingleAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == ResellerAuditActions.Move));
        Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.Kind == ResellerNotifications.Moved));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == ResellerNotifications.Moved));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R43_a_move_based_on_a_distributor_that_changed_meanwhile_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var (partnerD, _) = await world.SecondDistributorAsync();
        var (partnerE, _) = await world.SecondDistributorAsync("Partner E", "rev-e", "Reviewer E");
        var resellerId = await world.ApprovedResellerAsync(reviewer);
        await world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, partnerD));

        // Another operator's page still shows Partner B.
        var stale = await Assert.ThrowsAsync<BusinessException>(() =>
            world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, partnerE)));

        Assert.Equal(("Reseller.MovedElsewhere", ErrorCodes.AlreadyProcessed), (stale.ResourceKey, stale.Code));
        Assert.Contains("Suzhou Cloud Reseller Co.", stale.Arguments);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal((Guid?)partnerD, await db.Organizations.Where(o => o.Id == resellerId).Select(o => o.ParentOrganizationId).SingleAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == ResellerAuditActions.Move));
        // Only the move that happened told anyone (Partner B's admin, once).
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == ResellerNotifications.Moved));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R43_a_move_needs_another_real_distributor_and_an_existing_reseller(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var resellerId = await world.ApprovedResellerAsync(reviewer);

        var none = await Assert.ThrowsAsync<ValidationException>(() => world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, null)));
        var solutionProvider = await Assert.ThrowsAsync<ValidationException>(() =>
            world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, world.PartnerA)));
        var same = await Assert.ThrowsAsync<ValidationException>(() => world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, world.PartnerB)));
        // Partner A is no reseller: it has no distributor to change.
        await Assert.ThrowsAsync<NotFoundException>(() => world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(world.PartnerA, null, world.PartnerB)));

        Assert.Equal("Reseller.MoveDistributorRequired", none.FieldErrors[nameof(MoveResellerInput.NewDistributorId)]);
        Assert.Equal("ResellerApply.DistributorUnknown", solutionProvider.FieldErrors[nameof(MoveResellerInput.NewDistributorId)]);
        Assert.Equal("Reseller.MoveSameDistributor", same.FieldErrors[nameof(MoveResellerInput.NewDistributorId)]);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal((Guid?)world.PartnerB, await db.Organizations.Where(o => o.Id == resellerId).Select(o => o.ParentOrganizationId).SingleAsync());
        Assert.Null(await db.Organizations.Where(o => o.Id == world.PartnerA).Select(o => o.ParentOrganizationId).SingleAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == ResellerAuditActions.Move));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == ResellerAuditActions.Move));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R43_two_operators_moving_one_reseller_at_once_move_it_exactly_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var secondVendor = await world.SecondVendorAsync();
        var (partnerD, _) = await world.SecondDistributorAsync();
        var (partnerE, _) = await world.SecondDistributorAsync("Partner E", "rev-e", "Reviewer E");
        var resellerId = await world.ApprovedResellerAsync(reviewer);

        using var start = new ManualResetEventSlim(false);
        var toD = Task.Run(async () => { start.Wait(); await world.Assignments().MoveAsync(world.Vendor, new MoveResellerInput(resellerId, world.PartnerB, partnerD)); });
        var toE = Task.Run(async () => { start.Wait(); await world.Assignments().MoveAsync(secondVendor, new MoveResellerInput(resellerId, world.PartnerB, partnerE)); });
        start.Set();
        var outcomes = await Task.WhenAll(Outcome(toD), Outcome(toE));

        var loser = Assert.IsType<BusinessException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("Reseller.MovedElsewhere", loser.ResourceKey);
        await using var db = await world.Factory.CreateSystemAsync();
        var parent = await db.Organizations.Where(o => o.Id == resellerId).Select(o => o.ParentOrganizationId).SingleAsync();
        Assert.Equal(outcomes[0] is null ? partnerD : partnerE, parent);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ResellerAuditActions.Move);
        Assert.Equal(outcomes[0] is null ? "Vendor Op" : "Vendor Op Two", audit.ActorName);
    }
}
