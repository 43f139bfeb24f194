using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Features.Outbox;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class RegistrationAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_an_account_manager_sees_own_registrations_the_supervisor_the_teams_the_admin_all(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.RegisterAsync(world.Manager1A, 1, "Manager one's");
        await world.RegisterAsync(world.Manager2A, 2, "Manager two's");
        await world.RegisterAsync(world.AdminA, 3, "Admin's");
        await world.RegisterAsync(world.AdminB, 4, "Partner B's");

        async Task<string[]> Names(BlazorPartner.Core.Identity.Actor actor) =>
            (await world.RegistrationQueries().ListAsync(actor, new RegistrationQuery())).Items.Select(r => r.CompanyName).Order().ToArray();

        Assert.Equal(["Manager one's"], await Names(world.Manager1A));
        Assert.Equal(["Manager two's"], await Names(world.Manager2A));
        Assert.Equal(["Manager one's"], await Names(world.SupervisorA));
        Assert.Equal(["Admin's", "Manager one's", "Manager two's"], await Names(world.AdminA));
        Assert.Equal(["Partner B's"], await Names(world.AdminB));
        Assert.Equal(4, (await world.RegistrationQueries().ListAsync(world.Vendor, new RegistrationQuery { Status = RegistrationStatus.Pending })).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Tenant_partner_B_cannot_act_on_partner_As_registrations(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var before = await world.CountRegistrationRowsAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => world.InviteAsync(world.AdminB, id));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            world.Invitations().PreviewAsync(world.AdminB, new SendInvitationInput(new RegistrationTarget(id)) { Mode = AssociationMode.Resale }));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Registrations().WithdrawAsync(world.AdminB, new RegistrationTarget(id)));

        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        Assert.Equal(RegistrationStatus.Approved, (await world.LoadRegistrationAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_an_account_manager_cannot_invite_for_a_colleagues_registration(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.Manager1A);
        var before = await world.CountRegistrationRowsAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => world.InviteAsync(world.Manager2A, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.InviteAsync(world.SupervisorA, id));

        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        // The admin may invite for any of the partner's registrations.
        await world.InviteAsync(world.AdminA, id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_outbox_is_readable_only_by_the_vendor_operator(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        await world.InviteAsync(world.AdminA, id);
        var outbox = world.Get<OutboxQueries>();

        var page = await outbox.ListAsync(world.Vendor, 0, 10);
        var invitation = page.Items.Single(i => i.Kind == InvitationService.MailKind);
        var message = await outbox.GetAsync(world.Vendor, invitation.Id);

        // The invitation, and the notification mails of the registration arriving (vendor) and being approved (admin).
        Assert.Equal(3, page.TotalCount);
        Assert.Equal("Partner A", invitation.OrganizationName);
        Assert.Contains("/invitations/", message.Body);
        await Assert.ThrowsAsync<AccessDeniedException>(() => outbox.ListAsync(world.AdminA, 0, 10));
        await Assert.ThrowsAsync<AccessDeniedException>(() => outbox.GetAsync(world.AdminB, invitation.Id));
    }
}
