using BlazorPartner.Core.Data;
namespace BlazorPartner.Platform.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file; relative paths are under the app's content root.</summary>
    public string SqlitePath { get; set; } = "data/blazorpartner.db";

    /// <summary>Seed demo data when the database has no organizations. Defaults on for SQLite, off for PostgreSQL.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Apply migrations at startup.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
