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

    /// <summary>
    /// Seed demo data when the database has no organizations. Unset: on for SQLite in Development only (the demo accounts'
    /// password is published), off everywhere else.
    /// </summary>
    public bool? SeedDemoData { get; set; }

    // Demo accounts share a published password and demo invitation links work for anyone, so a deployment (any environment
    // but Development) never gets them unless it asks for them in so many words.
    public bool SeedsDemoData(bool development) => SeedDemoData ?? (development && Provider == DatabaseProvider.Sqlite);

    /// <summary>Apply migrations at startup.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
