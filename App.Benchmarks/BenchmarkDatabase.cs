using System.Data.Common;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// One provider's benchmark database: registers the app's provider-specific context exactly as
/// <see cref="DatabaseRegistration"/> does, creates the schema from the real migrations, and cleans up afterwards.
/// </summary>
internal abstract class BenchmarkDatabase(string connectionString, bool owned) : IAsyncDisposable
{
    /// <summary>Display name in the results.</summary>
    public abstract string Provider { get; }

    /// <summary>Value of <c>--provider</c> for the export child process.</summary>
    public abstract string Key { get; }

    public string ConnectionString { get; } = connectionString;

    /// <summary>Databases this process created are removed on dispose (unless kept); attached ones never are.</summary>
    protected bool Owned { get; } = owned;

    public bool Keep { get; set; }

    public static BenchmarkDatabase Attach(string key, string connectionString) => key switch
    {
        SqliteBenchmarkDatabase.ProviderKey => new SqliteBenchmarkDatabase(connectionString, directory: null),
        PostgresBenchmarkDatabase.ProviderKey => new PostgresBenchmarkDatabase(connectionString, owned: false),
        _ => throw new ArgumentException($"Unknown provider '{key}'."),
    };

    public abstract void AddDbContext(IServiceCollection services, params IInterceptor[] interceptors);

    /// <summary>Applies the provider's migration set; the database itself must exist (or, for SQLite, may be created).</summary>
    public abstract Task MigrateAsync(IServiceProvider services, CancellationToken ct = default);

    /// <summary>Brings a freshly bulk-loaded database to the state a running one would be in (e.g. planner statistics).</summary>
    public virtual Task AfterSeedAsync(AppDbContext db, CancellationToken ct = default) => Task.CompletedTask;

    public async Task<string> ServerVersionAsync(AppDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        return $"{Provider} {connection.ServerVersion}";
    }

    /// <summary>Runs the plan of <paramref name="command"/> (same text, same parameters) on its own connection.</summary>
    public abstract Task<string> ExplainAsync(DbCommand command, CancellationToken ct = default);

    public abstract ValueTask DisposeAsync();

    protected static DbCommand CopyForExplain(DbCommand command, string prefix)
    {
        var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = prefix + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter is ICloneable cloneable)
            {
                explain.Parameters.Add(cloneable.Clone());
                continue;
            }

            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.DbType = parameter.DbType;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }

        return explain;
    }
}

/// <summary>Shared registration: the provider-specific context behind the provider-neutral factory the services use.</summary>
internal abstract class BenchmarkDatabase<TContext>(string connectionString, bool owned) : BenchmarkDatabase(connectionString, owned)
    where TContext : AppDbContext
{
    public override void AddDbContext(IServiceCollection services, params IInterceptor[] interceptors)
    {
        services.AddDbContextFactory<TContext>(builder =>
        {
            Configure(builder);
            builder.AddInterceptors(interceptors);
        });
        services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<TContext>>();
    }

    public override async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        await AfterMigrateAsync(db, ct);
    }

    protected abstract void Configure(DbContextOptionsBuilder builder);

    protected virtual Task AfterMigrateAsync(TContext db, CancellationToken ct) => Task.CompletedTask;
}

internal sealed class SqliteBenchmarkDatabase(string connectionString, string? directory)
    : BenchmarkDatabase<SqliteAppDbContext>(connectionString, owned: directory is not null)
{
    public const string ProviderKey = "sqlite";

    public override string Provider => "SQLite";

    public override string Key => ProviderKey;

    public string? Directory { get; } = directory;

    /// <summary>A fresh database file in its own temp folder (WAL adds -wal and -shm files next to it).</summary>
    public static SqliteBenchmarkDatabase CreateTemporary()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"blazorpartner-bench-{Guid.NewGuid():N}");
        var connectionString = DatabaseRegistration.SqliteConnectionString(Path.Combine(directory, "bench.db"), directory);
        return new SqliteBenchmarkDatabase(connectionString, directory);
    }

    protected override void Configure(DbContextOptionsBuilder builder) => DatabaseRegistration.ConfigureSqlite(builder, ConnectionString);

    // Same as DatabaseInitializer: the app runs SQLite in WAL mode, which changes write and checkpoint costs.
    protected override Task AfterMigrateAsync(SqliteAppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    public override async Task<string> ExplainAsync(DbCommand command, CancellationToken ct = default)
    {
        await using var explain = CopyForExplain(command, "EXPLAIN QUERY PLAN ");
        await using var reader = await explain.ExecuteReaderAsync(ct);
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            // Columns: id, parent, notused, detail. Indent children under their parent like the sqlite3 shell does.
            var id = reader.GetInt64(0);
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[id] = level;
            lines.Add(new string(' ', (level - 1) * 2) + reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    public override ValueTask DisposeAsync()
    {
        if (Owned && Keep)
        {
            Console.WriteLine($"  kept SQLite database: {ConnectionString}");
        }
        else if (Owned && Directory is not null)
        {
            // Pooled connections keep the file open; release them before deleting.
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresBenchmarkDatabase(string connectionString, bool owned)
    : BenchmarkDatabase<PostgresAppDbContext>(connectionString, owned)
{
    public const string ProviderKey = "postgres";

    public override string Provider => "PostgreSQL";

    public override string Key => ProviderKey;

    private string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database
        ?? throw new ArgumentException("The PostgreSQL connection string must name a database (it is dropped and recreated).");

    /// <summary>Drops and recreates the database named in the connection string, so every run starts empty.</summary>
    public static async Task<PostgresBenchmarkDatabase> RecreateAsync(string connectionString, CancellationToken ct = default)
    {
        var database = new PostgresBenchmarkDatabase(connectionString, owned: true);
        await database.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database.QuotedName} WITH (FORCE)", ct);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.QuotedName}", ct);
        return database;
    }

    protected override void Configure(DbContextOptionsBuilder builder) => DatabaseRegistration.ConfigurePostgres(builder, ConnectionString);

    // Autovacuum vacuums and analyzes a freshly loaded table within a minute or so; do it now so the benchmark sees a
    // settled database: planner statistics, and a visibility map that allows index-only scans (e.g. the tab counts).
    public override Task AfterSeedAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE);", ct);

    public override async Task<string> ExplainAsync(DbCommand command, CancellationToken ct = default)
    {
        await using var explain = CopyForExplain(command, "EXPLAIN (ANALYZE, BUFFERS) ");
        await using var reader = await explain.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Owned && Keep)
        {
            Console.WriteLine($"  kept PostgreSQL database: {DatabaseName}");
        }
        else if (Owned)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {QuotedName} WITH (FORCE)", CancellationToken.None);
        }
    }

    private string QuotedName => "\"" + DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>CREATE/DROP DATABASE cannot run inside the database itself; use the maintenance database.</summary>
    private async Task ExecuteOnServerAsync(string sql, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
