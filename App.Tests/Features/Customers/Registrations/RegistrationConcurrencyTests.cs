using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class RegistrationConcurrencyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_parallel_registrations_never_overrun_the_cap_of_100(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            for (var i = 0; i < 98; i++)
            {
                var code = RegistrationTestKit.Code(2000 + i);
                db.CustomerRegistrations.Add(new CustomerRegistration
                {
                    OrganizationId = world.PartnerA,
                    CompanyName = $"Prospect {i}",
                    CreditCode = code,
                    HeldCreditCode = code,
                    Status = RegistrationStatus.Pending,
                    RegisteredByUserId = world.AdminA.UserId,
                    RegisteredAtUtc = world.Clock.GetUtcNow().UtcDateTime,
                });
            }

            await db.SaveChangesAsync();
        }

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, 6)
            .Select(i => Task.Run(async () => { start.Wait(); await world.RegisterAsync(i % 2 == 0 ? world.AdminA : world.Manager1A, 3000 + i, $"Racer {i}"); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(RegistrationTestKit.Outcome));

        Assert.Equal(2, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(RegistrationErrorCodes.CapReached, Assert.IsAssignableFrom<BusinessException>(o).Code));
        await using var check = await world.Factory.CreateSystemAsync();
        Assert.Equal(100, await check.CustomerRegistrations.CountAsync(r => r.OrganizationId == world.PartnerA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R16_two_invitations_sent_at_once_leave_exactly_one_link_active(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.Manager1A);

        using var start = new ManualResetEventSlim(false);
        var sends = new[] { world.Manager1A, world.AdminA, world.AdminA }
            .Select(actor => Task.Run(async () => { start.Wait(); return await world.InviteAsync(actor, id, AssociationMode.Consultative); }))
            .ToList();
        start.Set();
        var tokens = await Task.WhenAll(sends);

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.CustomerInvitations.CountAsync(i => i.RegistrationId == id && i.Status == InvitationStatus.Active));
        Assert.Equal(2, await db.CustomerInvitations.CountAsync(i => i.RegistrationId == id && i.Status == InvitationStatus.Revoked));
        var usable = 0;
        foreach (var token in tokens)
        {
            usable += await RegistrationTestKit.Outcome(world.Acceptance().OpenAsync(token)) is null ? 1 : 0;
        }

        Assert.Equal(1, usable);
    }
}
