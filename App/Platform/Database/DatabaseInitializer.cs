using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlazorPartner.Platform.Database;

/// <summary>Applies migrations and, on an empty database where configured, seeds the demo data. Runs before the app serves.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // System roles are synchronized by SystemRolesWorker (it retries while the database is unreachable); the demo
        // seeder synchronizes them itself first, because its accounts need them.
        var seed = options.SeedsDemoData(scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment());
        await using var gate = await factory.CreateDbContextAsync(ct);
        // With neither to do, startup must not touch the database (an instance starts while the database is down).
        var gated = (options.MigrateOnStartup || seed) && await StartupGate.EnterAsync(gate, ct);
        try
        {
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                if (options.MigrateOnStartup)
                {
                    await db.Database.MigrateAsync(ct);
                }

                if (db.Database.IsSqlite())
                {
                    // WAL lets readers (grids) proceed while a writer (auto-reject pass) commits.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
            }

            if (seed)
            {
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(ct);
            }
        }
        finally
        {
            if (gated)
            {
                await StartupGate.ExitAsync(gate);
            }
        }
    }

    /// <summary>
    /// Several instances starting at once on one PostgreSQL database: on an empty database each would run the first
    /// migration (tried: the second fails with "relation … already exists") and each would find no data and seed it. A
    /// session-level advisory lock, held on its own connection while migrating and seeding, makes the others wait and
    /// then find both done. SQLite is one process's file (the embedded default): nothing to do there.
    /// </summary>
    private static class StartupGate
    {
        private const long Key = 0x4250_494E_4954; // "BPINIT"

        /// <summary>True when the lock is held; false on SQLite, or when the database does not exist yet (then the single
        /// instance that creates it with its first migration runs alone).</summary>
        public static async Task<bool> EnterAsync(AppDbContext gate, CancellationToken ct)
        {
            if (!gate.Database.IsNpgsql())
            {
                return false;
            }

            try
            {
                await gate.Database.OpenConnectionAsync(ct);
            }
            catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                return false;
            }

            // The wait lasts as long as another instance's migrating and seeding (over 30 s on a busy machine), far beyond
            // the default command timeout.
            gate.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
            await gate.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [Key], ct);
            return true;
        }

        public static async Task ExitAsync(AppDbContext gate)
        {
            // A pooled connection is returned, not closed: unlock explicitly rather than rely on the pool's reset.
            await gate.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [Key]);
            await gate.Database.CloseConnectionAsync();
        }
    }
}
