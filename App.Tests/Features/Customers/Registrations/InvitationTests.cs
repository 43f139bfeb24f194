using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class InvitationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_sending_writes_the_mail_to_the_outbox_and_stores_only_the_token_hash(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var input = new SendInvitationInput(new RegistrationTarget(id)) { Mode = AssociationMode.Consultative };

        var preview = await world.Invitations().PreviewAsync(world.AdminA, input);
        var sent = await world.Invitations().SendAsync(world.AdminA, input, RegistrationTestKit.BaseUri);

        Assert.Equal("li.na@textiles.example", sent.Recipient);
        Assert.Equal(preview.Subject, sent.Subject);
        Assert.Contains("Partner A", sent.Body);
        Assert.DoesNotContain("/invitations/", preview.Body);
        var token = RegistrationTestKit.TokenIn(sent.Body);
        Assert.Contains(RegistrationTestKit.BaseUri + "invitations/" + token, sent.Body);
        Assert.Equal(32, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token).Length);

        await using var db = await world.Factory.CreateSystemAsync();
        var outbox = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == InvitationService.MailKind);
        Assert.Equal(sent.Body, outbox.Body);
        Assert.Equal(InvitationService.MailKind, outbox.Kind);
        Assert.Equal(world.PartnerA, outbox.OrganizationId);
        var invitation = await db.CustomerInvitations.SingleAsync();
        Assert.Equal(LinkTokens.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash);
        Assert.Equal(AssociationMode.Consultative, invitation.Mode);
        Assert.Equal((await world.LoadRegistrationAsync(id)).ReservedUntilUtc, invitation.ExpiresAtUtc);
        Assert.Equal(outbox.Id, invitation.OutboxMessageId);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Invite));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_an_invitation_needs_a_running_reservation_and_a_mode(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var pending = await world.RegisterAsync(world.AdminA, 1);
        var approved = await world.ApprovedAsync(world.AdminA, 2);
        var before = await world.CountRegistrationRowsAsync();

        var notReserved = await Assert.ThrowsAsync<RegistrationStateException>(() => world.InviteAsync(world.AdminA, pending));
        var noMode = await Assert.ThrowsAsync<ValidationException>(() =>
            world.Invitations().SendAsync(world.AdminA, new SendInvitationInput(new RegistrationTarget(approved)), RegistrationTestKit.BaseUri));
        world.Clock.Advance(TimeSpan.FromDays(15));
        var ended = await Assert.ThrowsAsync<RegistrationStateException>(() => world.InviteAsync(world.AdminA, approved));

        Assert.Equal("Invitation.NotReserved", notReserved.ResourceKey);
        Assert.Equal("Invitation.ModeRequired", noMode.FieldErrors[nameof(SendInvitationInput.Mode)]);
        Assert.Equal("Invitation.NotReserved", ended.ResourceKey);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        Assert.Equal(0, (await world.LoadRegistrationAsync(approved)).LastInvitedAtUtc is null ? 0 : 1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_association_creates_the_customer_with_its_mode_and_the_account_managers_assignment(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.Manager1A);
        var token = await world.InviteAsync(world.Manager1A, id, AssociationMode.Consultative);
        world.Clock.Advance(TimeSpan.FromDays(3));

        var view = await world.Acceptance().OpenAsync(token);
        var customerId = await world.Acceptance().AssociateAsync(token, new AssociateInput { ContactName = "Li Na (CFO)", ContactPhone = "13900001111", ContactEmail = "cfo@textiles.example" });

        Assert.Equal("Partner A", view.PartnerName);
        Assert.Equal(AssociationMode.Consultative, view.Mode);
        await using var db = await world.Factory.CreateSystemAsync();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal(world.PartnerA, customer.OrganizationId);
        Assert.Equal("Suzhou Cloud Textiles Co.", customer.Name);
        Assert.Equal(RegistrationTestKit.Code(1), customer.CreditCode);
        Assert.Equal(AssociationMode.Consultative, customer.Mode);
        Assert.Equal(CustomerStatus.Associated, customer.Status);
        Assert.Equal(id, customer.RegistrationId);
        Assert.Equal("Li Na (CFO)", customer.ContactName);
        Assert.Equal("cfo@textiles.example", customer.ContactEmail);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, customer.AssociatedAtUtc);
        Assert.Equal(world.Manager1A.UserId, customer.AccountManagerUserId);
        var assignment = await db.CustomerAssignments.SingleAsync(a => a.CustomerId == customerId);
        Assert.Equal(world.Manager1A.UserId, assignment.AccountManagerUserId);
        Assert.Equal(customer.AssociatedAtUtc, assignment.FromUtc);
        Assert.Null(assignment.ToUtc);
        var registration = await world.LoadRegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Associated, registration.Status);
        Assert.Equal(customerId, registration.CustomerId);
        Assert.Equal(registration.CreditCode, registration.HeldCreditCode);
        Assert.Equal(InvitationStatus.Used, (await db.CustomerInvitations.SingleAsync()).Status);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Associate));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R17_an_admins_registration_associates_a_resale_customer_without_an_account_manager(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var token = await world.InviteAsync(world.AdminA, id, AssociationMode.Resale);

        var customerId = await world.Acceptance().AssociateAsync(token, RegistrationTestKit.Contact());

        await using var db = await world.Factory.CreateSystemAsync();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal(AssociationMode.Resale, customer.Mode);
        Assert.Null(customer.AccountManagerUserId);
        Assert.False(await db.CustomerAssignments.AnyAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_a_missing_link_fails_as_missing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var unknown = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().OpenAsync(LinkTokens.NewToken()));
        var garbage = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().OpenAsync("abc"));
        var associate = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().AssociateAsync(LinkTokens.NewToken(), RegistrationTestKit.Contact()));

        Assert.Equal(InvitationFailure.Missing, unknown.Reason);
        Assert.Equal(InvitationFailure.Missing, garbage.Reason);
        Assert.Equal(InvitationFailure.Missing, associate.Reason);
        Assert.Equal("CBC.0154", unknown.Code);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_an_expired_link_fails_as_expired_and_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var token = await world.InviteAsync(world.AdminA, id);
        world.Clock.Advance(TimeSpan.FromDays(15));
        var before = await world.CountRegistrationRowsAsync();

        var open = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().OpenAsync(token));
        var associate = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().AssociateAsync(token, RegistrationTestKit.Contact()));

        Assert.Equal(InvitationFailure.Expired, open.Reason);
        Assert.Equal(InvitationFailure.Expired, associate.Reason);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        Assert.Equal(RegistrationStatus.Approved, (await world.LoadRegistrationAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_a_used_link_fails_as_used(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var token = await world.InviteAsync(world.AdminA, id);
        await world.Acceptance().AssociateAsync(token, RegistrationTestKit.Contact());
        var before = await world.CountRegistrationRowsAsync();

        var open = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().OpenAsync(token));
        var again = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().AssociateAsync(token, RegistrationTestKit.Contact()));

        Assert.Equal(InvitationFailure.Used, open.Reason);
        Assert.Equal(InvitationFailure.Used, again.Reason);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_a_new_invitation_revokes_the_previous_link(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var first = await world.InviteAsync(world.AdminA, id, AssociationMode.Resale);
        var second = await world.InviteAsync(world.AdminA, id, AssociationMode.Consultative);

        var revoked = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().OpenAsync(first));
        var refused = await Assert.ThrowsAsync<InvitationInvalidException>(() => world.Acceptance().AssociateAsync(first, RegistrationTestKit.Contact()));
        var customerId = await world.Acceptance().AssociateAsync(second, RegistrationTestKit.Contact());

        Assert.Equal(InvitationFailure.Revoked, revoked.Reason);
        Assert.Equal(InvitationFailure.Revoked, refused.Reason);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(AssociationMode.Consultative, (await db.Customers.SingleAsync(c => c.Id == customerId)).Mode);
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == InvitationService.MailKind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_two_tabs_associating_at_once_create_one_customer(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var round = 0; round < 6; round++)
        {
            var id = await world.ApprovedAsync(world.Manager1A, 200 + round, $"Race {round} Co.");
            var token = await world.InviteAsync(world.Manager1A, id);
            using var start = new ManualResetEventSlim(false);
            var tabs = Enumerable.Range(0, 3)
                .Select(_ => Task.Run(async () => { start.Wait(); await world.Acceptance().AssociateAsync(token, RegistrationTestKit.Contact()); }))
                .ToList();
            start.Set();

            var outcomes = await Task.WhenAll(tabs.Select(RegistrationTestKit.Outcome));

            Assert.Single(outcomes, o => o is null);
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(InvitationFailure.Used, Assert.IsType<InvitationInvalidException>(o).Reason));
        }

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(6, await db.Customers.CountAsync());
        Assert.Equal(6, await db.CustomerAssignments.CountAsync());
        Assert.Equal(6, await world.AuditCountAsync(RegistrationAuditActions.Associate));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_invalid_contact_details_are_refused_per_field_and_leave_the_link_usable(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var token = await world.InviteAsync(world.AdminA, id);
        var before = await world.CountRegistrationRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            world.Acceptance().AssociateAsync(token, new AssociateInput { ContactName = "", ContactPhone = "x", ContactEmail = "nope" }));

        Assert.Equal(3, error.FieldErrors.Count);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        await world.Acceptance().OpenAsync(token);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_unbinding_the_customer_releases_the_company(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        var customerId = await world.Acceptance().AssociateAsync(await world.InviteAsync(world.AdminA, id), RegistrationTestKit.Contact());
        await Assert.ThrowsAsync<BusinessException>(() => world.RegisterAsync(world.AdminB));

        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            var step = world.Get<IEnumerable<ICustomerUnbindingStep>>().OfType<ReleaseRegistrationOnUnbinding>().Single();
            await step.ApplyAsync(db, world.AdminA, customer, world.Clock.GetUtcNow().UtcDateTime, default);
            customer.Status = CustomerStatus.Unbound;
            await db.SaveChangesAsync();
        }

        await world.RegisterAsync(world.AdminB);
    }
}
