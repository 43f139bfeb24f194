using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Tests.Support;

/// <summary>
/// A fresh, migrated, real database per test: a SQLite file, or (when BLAZORPARTNER_TEST_POSTGRES holds a connection
/// string to a PostgreSQL server) a PostgreSQL database created for the test and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BLAZORPARTNER_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, IDbContextFactory<AppDbContext> factory, string? sqlitePath, string? postgresAdmin, string? postgresDatabase)
    {
        Provider = provider;
        Factory = factory;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>Providers to run data tests on: SQLite always, PostgreSQL when configured (CI configures it).</summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            data.Add(DatabaseProvider.Postgres);
        }

        return data;
    }

    /// <summary>A SQLite context for inspecting the model only (nothing is opened or written).</summary>
    public static AppDbContext CreateModelOnlyContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=:memory:");
        return new SqliteAppDbContext(options.Options);
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            var name = $"bp_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
            DatabaseRegistration.ConfigurePostgres(options, connectionString);
            var factory = new AppDbContextFactory<PostgresAppDbContext>(new OptionsFactory<PostgresAppDbContext>(options.Options, o => new PostgresAppDbContext(o)));
            await MigrateAsync(factory);
            return new TestDatabase(provider, factory, null, admin, name);
        }

        var path = Path.Combine(Path.GetTempPath(), "blazorpartner-tests", $"{Guid.NewGuid():N}.db");
        var sqliteOptions = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(sqliteOptions, DatabaseRegistration.SqliteConnectionString(path, Path.GetTempPath()));
        var sqliteFactory = new AppDbContextFactory<SqliteAppDbContext>(new OptionsFactory<SqliteAppDbContext>(sqliteOptions.Options, o => new SqliteAppDbContext(o)));
        await MigrateAsync(sqliteFactory);
        await using (var db = await sqliteFactory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return new TestDatabase(provider, sqliteFactory, path, null, null);
    }

    private static async Task MigrateAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresAdmin is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException busy) when (busy.SqlState is "42501" or "55006" && attempt < 10)
                {
                    // A fresh database can briefly hold a backend of another role (autovacuum), which FORCE may not end
                    // for a non-superuser: wait for it to finish rather than fail the test that just passed.
                    await Task.Delay(200 * attempt);
                }
            }
        }
    }

    private sealed class OptionsFactory<TContext>(DbContextOptions<TContext> options, Func<DbContextOptions<TContext>, TContext> create) : IDbContextFactory<TContext>
        where TContext : DbContext
    {
        public TContext CreateDbContext() => create(options);
    }
}
