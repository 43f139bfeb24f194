using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Database;

/// <summary>Applies migrations and, on an empty database where configured, seeds the demo data. Runs before the app serves.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
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

        // System roles are synchronized by SystemRolesWorker (it retries while the database is unreachable); the demo
        // seeder synchronizes them itself first, because its accounts need them.
        var seed = options.SeedDemoData ?? options.Provider == DatabaseProvider.Sqlite;
        if (seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(ct);
        }
    }
}
