using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class RegistrationExpiryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static RegistrationExpirer NewExpirer(TestWorld world, int batchSize = 500) =>
        new(world.Factory, world.Clock, Options.Create(new RegistrationOptions { ExpiryBatchSize = batchSize }), NullLogger<RegistrationExpirer>.Instance);

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_the_job_releases_a_reservation_when_its_15_days_end(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var expiring = await world.ApprovedAsync(world.AdminA, 1);
        var pending = await world.RegisterAsync(world.AdminA, 2);
        var expirer = NewExpirer(world);

        world.Clock.Advance(TimeSpan.FromDays(15) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await expirer.RunOnceAsync());
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await expirer.RunOnceAsync());

        var row = await world.LoadRegistrationAsync(expiring);
        Assert.Equal(RegistrationStatus.Expired, row.Status);
        Assert.Null(row.HeldCreditCode);
        Assert.Equal(RegistrationStatus.Pending, (await world.LoadRegistrationAsync(pending)).Status);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Expire));
        // Released: another partner may now register the company.
        await world.RegisterAsync(world.AdminB, 1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_expiry_is_idempotent(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ApprovedAsync(world.AdminA);
        world.Clock.Advance(TimeSpan.FromDays(16));

        Assert.Equal(1, await NewExpirer(world).RunOnceAsync());
        Assert.Equal(0, await NewExpirer(world).RunOnceAsync());
        Assert.Equal(2, (await world.LoadRegistrationAsync(id)).Version);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Expire));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_two_app_instances_release_each_registration_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var i = 0; i < 40; i++)
        {
            await world.ApprovedAsync(world.AdminA, 300 + i, $"Expiring {i}");
        }

        world.Clock.Advance(TimeSpan.FromDays(16));
        var counts = await Task.WhenAll(
            Task.Run(() => NewExpirer(world, batchSize: 7).RunOnceAsync()),
            Task.Run(() => NewExpirer(world, batchSize: 5).RunOnceAsync()));

        Assert.Equal(40, counts.Sum());
        Assert.Equal(40, await world.AuditCountAsync(RegistrationAuditActions.Expire));
    }
}
