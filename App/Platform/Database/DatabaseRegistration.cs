using BlazorPartner.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Database;

public static class DatabaseRegistration
{
    public const string PostgresConnectionName = "Partner";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString(PostgresConnectionName)
                    ?? throw new InvalidOperationException($"Database:Provider is Postgres but ConnectionStrings:{PostgresConnectionName} is not set.");
                services.AddDbContextFactory<PostgresAppDbContext>(o => ConfigurePostgres(o, postgres));
                services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
                break;
            default:
                var sqlite = SqliteConnectionString(options.SqlitePath, contentRoot);
                services.AddDbContextFactory<SqliteAppDbContext>(o => ConfigureSqlite(o, sqlite));
                services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<SqliteAppDbContext>>();
                break;
        }

        // Identity's stores want a scoped context; they get a short-lived one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    public static string SqliteConnectionString(string path, string contentRoot)
    {
        var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);
}
