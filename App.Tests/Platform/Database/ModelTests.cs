using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Platform.Database;

public class ModelTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteAppDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        // Comparing the model with the migration snapshot needs no server.
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseRegistration.ConfigurePostgres(options, "Host=localhost;Database=unused");
        using var db = new PostgresAppDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        // scripts/add-migration.sh adds each migration to both sets; one added to a single provider breaks the other.
        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(sqlite, "Data Source=:memory:");
        var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseRegistration.ConfigurePostgres(postgres, "Host=localhost;Database=unused");
        using var sqliteDb = new SqliteAppDbContext(sqlite.Options);
        using var postgresDb = new PostgresAppDbContext(postgres.Options);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqliteDb), Names(postgresDb));
        Assert.Contains("UserSessions", Names(sqliteDb));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Times_round_trip_as_UTC_and_money_as_integer_fen(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync(amount: 12345678.91m);

        var row = await world.LoadAsync(id);

        Assert.Equal(DateTimeKind.Utc, row.SharedAtUtc.Kind);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, row.SharedAtUtc);
        Assert.Equal(1234567891L, row.EstimatedAmountFen);
        // Ordering and summing money happens in the database on both providers.
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1234567891L, await db.Opportunities.SumAsync(o => o.EstimatedAmountFen));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_write_is_rejected_by_the_version_token(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await using var first = await world.Factory.CreateSystemAsync();
        await using var second = await world.Factory.CreateSystemAsync();
        var a = await first.Opportunities.SingleAsync(o => o.Id == id);
        var b = await second.Opportunities.SingleAsync(o => o.Id == id);

        a.Status = OpportunityStatus.InProgress;
        await first.SaveChangesAsync();
        b.Status = OpportunityStatus.Rejected;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(OpportunityStatus.InProgress, (await world.LoadAsync(id)).Status);
    }
}
