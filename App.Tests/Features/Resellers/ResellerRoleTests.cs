using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Features.Roles;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Resellers.ResellerTestKit;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>R40's second level belongs to distributors: the reviewer role and the decision permission exist only there.</summary>
public class ResellerRoleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_the_distributor_reviewer_role_is_offered_at_a_distributor_only(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var roles = world.Get<PartnerRoles>();

        var atB = await roles.AssignableAsync(world.AdminB);
        var atA = await roles.AssignableAsync(world.AdminA);

        Assert.Contains(atB, r => r.Name == AppRoles.DistributorReviewer);
        Assert.DoesNotContain(atA, r => r.Name == AppRoles.DistributorReviewer);
        Assert.Contains(atA, r => r.Name == AppRoles.PartnerAdmin);
        Assert.DoesNotContain(atB, r => r.Name == AppRoles.VendorOperator);
        var reviewerRole = (await roles.GetAsync(world.AdminB)).Roles.Single(r => r.Name == AppRoles.DistributorReviewer);
        Assert.Equal([ResellerPermissions.Decide], reviewerRole.Permissions);
        Assert.DoesNotContain((await roles.GetAsync(world.AdminA)).Roles, r => r.Name == AppRoles.DistributorReviewer);

        // Inviting with it: refused at Partner A, accepted at Partner B.
        var invitations = world.Get<MemberInvitations>();
        var refused = await Assert.ThrowsAsync<ValidationException>(() => invitations.InviteAsync(world.AdminA,
            new InviteMemberInput { Email = "reviewer@partner-a.example", Roles = [AppRoles.DistributorReviewer] }, BaseUri));
        Assert.Equal("Member.RoleUnknown", refused.FieldErrors[nameof(InviteMemberInput.Roles)]);
        var invited = await invitations.InviteAsync(world.AdminB,
            new InviteMemberInput { Email = "reviewer@partner-b.example", Roles = [AppRoles.DistributorReviewer] }, BaseUri);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal([(world.PartnerB, AppRoles.DistributorReviewer)], await db.MemberInvitations.AsNoTracking().Select(i => new ValueTuple<Guid, string>(i.OrganizationId, i.Roles)).ToListAsync());
        Assert.Equal(invited, (await db.MemberInvitations.AsNoTracking().SingleAsync()).Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_the_decision_permission_goes_into_a_custom_role_at_a_distributor_only_and_makes_its_holder_a_reviewer(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var roles = world.Get<PartnerRoles>();
        var input = new RoleInput { Title = "Channel desk", Permissions = [ResellerPermissions.Decide, OpportunityPermissions.View] };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => roles.CreateAsync(world.AdminA, input));
        var vendorOnly = await Assert.ThrowsAsync<ValidationException>(() => roles.CreateAsync(world.AdminB, input with { Permissions = [ResellerPermissions.Review] }));
        var id = await roles.CreateAsync(world.AdminB, input);

        Assert.Equal("Role.PermissionUnknown", refused.FieldErrors[nameof(RoleInput.Permissions)]);
        Assert.Equal("Role.PermissionUnknown", vendorOnly.FieldErrors[nameof(RoleInput.Permissions)]);
        Assert.Equal(0, (await roles.GetAsync(world.AdminA)).CustomCount);
        var role = (await roles.GetAsync(world.AdminB)).Roles.Single(r => r.Id == id);
        Assert.Equal([OpportunityPermissions.View, ResellerPermissions.Decide], role.Permissions.Order(StringComparer.Ordinal));

        // A Partner B member holding the custom role decides Partner B's applications and is told of them.
        var desk = await world.AddUserAsync(world.PartnerB, "desk-b", "Desk B", role.Name);
        Assert.True(desk.Can(ResellerPermissions.Decide));
        var submitted = await world.VendorApprovedAsync();
        Assert.Equal(submitted.Id, Assert.Single((await world.ResellerQueries().ListAsync(desk, ApplicationFilter.ToReview, 0, 20)).Items).Id);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal([desk.UserId], await db.Set<Notification>().Where(n => n.Kind == ResellerNotifications.ForDistributor).Select(n => n.RecipientUserId).ToListAsync());
        }

        await world.Reviews().DistributorApproveAsync(desk, await world.TargetAsync(submitted.Id), BaseUri);
        var approved = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.Approved, "Desk B"), (approved.Status, approved.DecidedByName));
    }
}
