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
            var template = await PostgresTemplateAsync(admin);
            var name = $"bp_test_{Guid.NewGuid():N}";
            await CreatePostgresDatabaseAsync(admin, name, template);
            return new TestDatabase(provider, PostgresFactory(admin, name), null, admin, name);
        }

        var path = Path.Combine(Path.GetTempPath(), "blazorpartner-tests", $"{Guid.NewGuid():N}.db");
        File.Copy(await SqliteTemplateAsync(), path);
        var sqliteFactory = SqliteFactory(DatabaseRegistration.SqliteConnectionString(path, Path.GetTempPath()));
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

    // Each test gets a copy of one database migrated once per test run (a file copy on SQLite, CREATE DATABASE … TEMPLATE
    // on PostgreSQL): the same schema the migrations build, without running every migration hundreds of times.
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? s_sqliteTemplate;
    private static string? s_postgresTemplate;

    internal static AppDbContextFactory<SqliteAppDbContext> SqliteFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, connectionString);
        return new AppDbContextFactory<SqliteAppDbContext>(new OptionsFactory<SqliteAppDbContext>(options.Options, o => new SqliteAppDbContext(o)));
    }

    private static AppDbContextFactory<PostgresAppDbContext> PostgresFactory(string admin, string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseRegistration.ConfigurePostgres(options, connectionString);
        return new AppDbContextFactory<PostgresAppDbContext>(new OptionsFactory<PostgresAppDbContext>(options.Options, o => new PostgresAppDbContext(o)));
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (s_sqliteTemplate is null)
            {
                var directory = Path.Combine(Path.GetTempPath(), "blazorpartner-tests");
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, $"template-{Guid.NewGuid():N}.db");
                var connectionString = new SqliteConnectionStringBuilder(DatabaseRegistration.SqliteConnectionString(path, Path.GetTempPath())) { Pooling = false }.ToString();
                await MigrateAsync(SqliteFactory(connectionString));
                await using (var db = await SqliteFactory(connectionString).CreateDbContextAsync())
                {
                    // One self-contained file to copy: no -wal beside it.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
                s_sqliteTemplate = path;
            }

            return s_sqliteTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> PostgresTemplateAsync(string admin)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (s_postgresTemplate is null)
            {
                var name = $"bp_template_{Guid.NewGuid():N}";
                await CreatePostgresDatabaseAsync(admin, name, template: null);
                await MigrateAsync(PostgresFactory(admin, name));
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    using var connection = new NpgsqlConnection(admin);
                    connection.Open();
                    using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    drop.ExecuteNonQuery();
                };
                s_postgresTemplate = name;
            }

            return s_postgresTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task CreatePostgresDatabaseAsync(string admin, string name, string? template)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var create = new NpgsqlCommand(sql, connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException busy) when (busy.SqlState == "55006" && attempt < 20)
            {
                // The template is "being accessed by other users": autovacuum visiting it, or another copy starting. Wait it out.
                await Task.Delay(100 * attempt);
            }
        }
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
