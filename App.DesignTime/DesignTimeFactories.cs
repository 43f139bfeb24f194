using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BlazorPartner.DesignTime;

/// <summary>Lets `dotnet ef` build each provider's context without starting the web app.</summary>
public sealed class SqliteFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options);
    }
}

public sealed class PostgresFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseRegistration.ConfigurePostgres(options, "Host=localhost;Database=design_time;Username=design;Password=design");
        return new PostgresAppDbContext(options.Options);
    }
}
