using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Roles;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Features.Customers.Registrations;
using BlazorPartner.Tests.Features.Roles;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Platform.Notifications;

/// <summary>
/// In-app notifications with the same event in the outbox: reviewers hear when an item arrives, the people whose item it
/// is hear when it is decided; each user reads and marks only their own; open consoles are told after the commit.
/// </summary>
public class NotificationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_a_registration_arriving_notifies_the_vendors_reviewers_with_a_bell_and_a_mail(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var signals = world.Get<NotificationSignals>();
        var rung = new List<string>();
        using var vendorBell = signals.Subscribe(world.Vendor.UserId, () => rung.Add("vendor"));
        using var partnerBell = signals.Subscribe(world.AdminA.UserId, () => rung.Add("admin"));

        await world.RegisterAsync(world.Manager1A, company: "Ningbo Harbour Logistics Co.");

        Assert.Equal(["vendor"], rung);
        var inbox = world.Get<NotificationInbox>();
        Assert.Equal(1, await inbox.UnreadCountAsync(world.Vendor));
        var page = await inbox.GetAsync(world.Vendor, unreadOnly: false, 0, 20);
        var row = Assert.Single(page.Items);
        Assert.Equal(("Notification.RegistrationSubmitted", RegistrationRoutes.VendorInbox), (row.MessageKey, row.Link));
        Assert.Equal(["Partner A", "Ningbo Harbour Logistics Co."], row.Arguments);
        Assert.Equal(0, await inbox.UnreadCountAsync(world.AdminA));
        await using var db = await world.Factory.CreateSystemAsync();
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == RegistrationNotifications.Submitted);
        Assert.Equal("vendor@test", mail.Recipient);
        Assert.Contains("Ningbo Harbour Logistics Co.", mail.Subject);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_a_decision_notifies_the_member_who_registered_and_the_partners_admins_only(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var approved = await world.RegisterAsync(world.Manager1A, 1, "Approved Co.");
        var rejected = await world.RegisterAsync(world.Manager1A, 2, "Rejected Co.");

        await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(approved));
        await world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(rejected)) { Reason = "Already a direct customer" });

        var inbox = world.Get<NotificationInbox>();
        foreach (var told in new[] { world.Manager1A, world.AdminA })
        {
            var page = await inbox.GetAsync(told, unreadOnly: true, 0, 20);
            Assert.Equal(["Notification.RegistrationApproved", "Notification.RegistrationRejected"], page.Items.Select(i => i.MessageKey).Order(StringComparer.Ordinal));
            Assert.Contains(page.Items, i => i.Arguments.SequenceEqual(["Rejected Co.", "Already a direct customer"]));
        }

        foreach (var untold in new[] { world.Manager2A, world.SupervisorA, world.FinanceA, world.AdminB })
        {
            Assert.Equal(0, await inbox.UnreadCountAsync(untold));
        }

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(4, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == RegistrationNotifications.Approved || m.Kind == RegistrationNotifications.Rejected));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_user_reads_and_marks_only_their_own_notifications(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.GiveRolesAsync(world.FinanceA.UserId, AppRoles.Finance, AppRoles.AccountManager);
        var inbox = world.Get<NotificationInbox>();
        var mine = Assert.Single((await inbox.GetAsync(world.FinanceA, false, 0, 20)).Items);
        Assert.Equal(["Admin A"], mine.Arguments);

        await Assert.ThrowsAsync<NotFoundException>(() => inbox.MarkReadAsync(world.AdminB, mine.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => inbox.MarkReadAsync(world.AdminA, mine.Id));
        Assert.Equal(1, await inbox.UnreadCountAsync(world.FinanceA));
        Assert.Empty((await inbox.GetAsync(world.AdminA, false, 0, 20)).Items);

        Assert.Equal("/", await inbox.MarkReadAsync(world.FinanceA, mine.Id));
        Assert.Equal(0, await inbox.UnreadCountAsync(world.FinanceA));
        Assert.True((await inbox.GetAsync(world.FinanceA, false, 0, 20)).Items.Single().IsRead);
        Assert.Empty((await inbox.GetAsync(world.FinanceA, true, 0, 20)).Items);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refused_command_notifies_nobody_and_an_unbound_member_is_never_notified(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rung = 0;
        using var bell = world.Get<NotificationSignals>().Subscribe(world.Vendor.UserId, () => rung++);
        await world.RegisterAsync(world.Manager1A, 1, "Held Co.");
        rung = 0;

        await Assert.ThrowsAnyAsync<BusinessException>(() => world.RegisterAsync(world.Manager2A, 1, "Held Co."));
        var id = await world.RegisterAsync(world.Manager2A, 3, "Leaver's Co.");
        await world.Get<MemberDirectory>().UnbindAsync(world.AdminA, world.Manager2A.UserId);
        await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(id));

        Assert.Equal(1, rung);
        var inbox = world.Get<NotificationInbox>();
        Assert.Equal(2, await inbox.UnreadCountAsync(world.Vendor));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.RecipientUserId == world.Manager2A.UserId && n.Kind == RegistrationNotifications.Approved));
        Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.RecipientUserId == world.AdminA.UserId && n.Kind == RegistrationNotifications.Approved));
    }
}
