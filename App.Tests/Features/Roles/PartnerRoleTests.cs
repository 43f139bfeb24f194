using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Roles;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Roles;

/// <summary>R1: system roles read-only, at most 10 custom roles per partner with chosen permissions, every change audited.</summary>
public class PartnerRoleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_an_admin_creates_a_custom_role_with_chosen_permissions_and_the_creation_is_audited(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var id = await world.CreateRoleAsync("  Sales analyst ", ConsumptionPermissions.View, OpportunityPermissions.View);

        var overview = await world.Roles().GetAsync(world.AdminA);
        // Partner A is a solution provider: every partner system role but the distributor's own.
        Assert.Equal(RoleRules.PartnerSystemRoles.Except(RoleRules.DistributorOnlyRoles), overview.Roles.Where(r => r.IsSystem).Select(r => r.Name));
        var role = overview.Roles.Single(r => !r.IsSystem);
        Assert.Equal((id, "Sales analyst"), (role.Id, role.Title));
        Assert.Equal([ConsumptionPermissions.View, OpportunityPermissions.View], role.Permissions.Order(StringComparer.Ordinal));
        Assert.Equal(1, overview.CustomCount);
        Assert.True(overview.CanManage);
        var admin = overview.Roles.Single(r => r.Name == AppRoles.PartnerAdmin);
        Assert.Contains(RolePermissions.Manage, admin.Permissions);
        var history = await world.Roles().HistoryAsync(world.AdminA);
        var entry = Assert.Single(history);
        Assert.Equal((RoleAuditActions.Create, "Admin A"), (entry.Action, entry.ActorName));
        Assert.Contains("Permission.consumption.view", entry.After);
        Assert.Contains("Sales analyst", entry.After);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_partner_has_at_most_10_custom_roles_and_another_partner_is_not_limited_by_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var i = 1; i <= RoleRules.MaxCustomRoles; i++)
        {
            await world.CreateRoleAsync($"Role {i}");
        }

        var eleventh = await Assert.ThrowsAsync<BusinessException>(() => world.CreateRoleAsync("Role 11"));
        var other = await world.Roles().CreateAsync(world.AdminB, new RoleInput { Title = "Role 1", Permissions = RoleTestKit.ReaderPermissions });

        Assert.Equal((ErrorCodes.IllegalOperation, "Role.Limit"), (eleventh.Code, eleventh.ResourceKey));
        Assert.Equal(10, (await world.Roles().GetAsync(world.AdminA)).CustomCount);
        Assert.Equal(other, Assert.Single((await world.Roles().GetAsync(world.AdminB)).Roles, r => !r.IsSystem).Id);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.Roles.CountAsync(r => r.Title == "Role 11"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_two_admins_creating_the_tenth_role_at_once_create_exactly_one(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var i = 1; i < RoleRules.MaxCustomRoles; i++)
        {
            await world.CreateRoleAsync($"Role {i}");
        }

        var outcomes = await Task.WhenAll(new[] { "Tenth A", "Tenth B" }.Select(async title =>
        {
            try
            {
                await world.CreateRoleAsync(title);
                return "created";
            }
            catch (BusinessException refused)
            {
                return refused.ResourceKey;
            }
        }));

        Assert.Equal(["Role.Limit", "created"], outcomes.Order(StringComparer.Ordinal));
        Assert.Equal(RoleRules.MaxCustomRoles, (await world.Roles().GetAsync(world.AdminA)).CustomCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_bad_role_input_is_refused_field_by_field_and_nothing_changes(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.CreateRoleAsync("Sales analyst");
        Task Create(string? title, params string[] permissions) =>
            world.Roles().CreateAsync(world.AdminA, new RoleInput { Title = title, Permissions = permissions });

        var empty = await Assert.ThrowsAsync<ValidationException>(() => Create(" "));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => Create(new string('x', RoleRules.MaxTitle + 1), OpportunityPermissions.View));
        var vendorOnly = await Assert.ThrowsAsync<ValidationException>(() => Create("Sharer", OpportunityPermissions.Share));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => Create("Ghost", "everything.all"));
        var taken = await Assert.ThrowsAsync<ValidationException>(() => Create("SALES ANALYST", OpportunityPermissions.View));

        Assert.Equal("Validation.Required", empty.FieldErrors[nameof(RoleInput.Title)]);
        Assert.Equal("Role.PermissionsRequired", empty.FieldErrors[nameof(RoleInput.Permissions)]);
        Assert.Equal("Validation.TooLong", tooLong.FieldErrors[nameof(RoleInput.Title)]);
        Assert.Equal("Role.PermissionUnknown", vendorOnly.FieldErrors[nameof(RoleInput.Permissions)]);
        Assert.Equal("Role.PermissionUnknown", unknown.FieldErrors[nameof(RoleInput.Permissions)]);
        Assert.Equal("Role.TitleTaken", taken.FieldErrors[nameof(RoleInput.Title)]);
        Assert.Equal(1, (await world.Roles().GetAsync(world.AdminA)).CustomCount);
        Assert.Single(await world.Roles().HistoryAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_system_roles_are_read_only_and_only_the_partners_own_admin_changes_its_roles(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst");
        var role = await world.RoleAsync(id);
        var system = (await world.Roles().GetAsync(world.AdminA)).Roles.Single(r => r.Name == AppRoles.Finance);
        var input = new RoleInput { Title = "Hijacked", Permissions = [VoucherPermissions.Issue] };

        var readOnly = await Assert.ThrowsAsync<BusinessException>(() => world.Roles().UpdateAsync(world.AdminA, new RoleTarget(system.Id, system.Stamp), input));
        var readOnlyDelete = await Assert.ThrowsAsync<BusinessException>(() => world.Roles().DeleteAsync(world.AdminA, new RoleTarget(system.Id, system.Stamp)));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Roles().UpdateAsync(world.AdminB, new RoleTarget(id, role.Stamp), input));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Roles().DeleteAsync(world.AdminB, new RoleTarget(id, role.Stamp)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Roles().UpdateAsync(world.FinanceA, new RoleTarget(id, role.Stamp), input));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Roles().GetAsync(world.Manager1A));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Roles().GetAsync(world.Vendor));

        Assert.Equal("Role.SystemReadOnly", readOnly.ResourceKey);
        Assert.Equal("Role.SystemReadOnly", readOnlyDelete.ResourceKey);
        var after = await world.RoleAsync(id);
        Assert.Equal((role.Title, role.Stamp), (after.Title, after.Stamp));
        Assert.Equal(role.Permissions, after.Permissions);
        var systemAfter = (await world.Roles().GetAsync(world.AdminA)).Roles.Single(r => r.Name == AppRoles.Finance);
        Assert.Equal(system.Stamp, systemAfter.Stamp);
        Assert.Equal(system.Permissions, systemAfter.Permissions);
        Assert.DoesNotContain((await world.Roles().GetAsync(world.AdminB)).Roles, r => r.Id == id);
        Assert.Empty(await world.Roles().HistoryAsync(world.AdminB));
        Assert.Single(await world.Roles().HistoryAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_permission_change_is_audited_before_and_after_and_a_stale_save_is_told_who_was_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst", OpportunityPermissions.View, ConsumptionPermissions.View);
        var seen = await world.RoleAsync(id);

        await world.Roles().UpdateAsync(world.AdminA, new RoleTarget(id, seen.Stamp),
            new RoleInput { Title = "Sales analyst", Permissions = [OpportunityPermissions.View, ConsumptionPermissions.ViewMetrics] });
        var stale = await Assert.ThrowsAsync<BusinessException>(() => world.Roles().UpdateAsync(world.AdminA, new RoleTarget(id, seen.Stamp),
            new RoleInput { Title = "Overwritten", Permissions = [OpportunityPermissions.View] }));

        Assert.Equal((ErrorCodes.AlreadyProcessed, "Role.ChangedBy"), (stale.Code, stale.ResourceKey));
        Assert.Equal(["Sales analyst", "Admin A"], stale.Arguments);
        var role = await world.RoleAsync(id);
        Assert.Equal("Sales analyst", role.Title);
        Assert.Equal([ConsumptionPermissions.ViewMetrics, OpportunityPermissions.View], role.Permissions.Order(StringComparer.Ordinal));
        var change = (await world.Roles().HistoryAsync(world.AdminA)).First();
        Assert.Equal(RoleAuditActions.Update, change.Action);
        Assert.Contains("Permission.consumption.view", change.Before);
        Assert.Contains("\"Granted\":[\"Permission.metrics.view\"]", change.After);
        Assert.Contains("\"Revoked\":[\"Permission.consumption.view\"]", change.After);
        Assert.Equal(2, (await world.Roles().HistoryAsync(world.AdminA)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_role_a_member_holds_cannot_be_deleted_and_an_unused_one_is_deleted_with_its_permissions(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst");
        var name = (await world.RoleAsync(id)).Name;
        await world.GiveRolesAsync(world.Manager2A.UserId, AppRoles.AccountManager, name);

        var stamp = (await world.RoleAsync(id)).Stamp;
        var inUse = await Assert.ThrowsAsync<BusinessException>(() => world.Roles().DeleteAsync(world.AdminA, new RoleTarget(id, stamp)));
        Assert.Equal(("Role.InUse", 1), (inUse.ResourceKey, (int)inUse.Arguments[1]));
        Assert.Equal(1, (await world.RoleAsync(id)).MemberCount);

        await world.GiveRolesAsync(world.Manager2A.UserId, AppRoles.AccountManager);
        await world.Roles().DeleteAsync(world.AdminA, new RoleTarget(id, (await world.RoleAsync(id)).Stamp));

        Assert.Equal(0, (await world.Roles().GetAsync(world.AdminA)).CustomCount);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.RoleClaims.CountAsync(c => c.RoleId == id));
        Assert.Equal(RoleAuditActions.Delete, (await world.Roles().HistoryAsync(world.AdminA)).First().Action);
    }
}
