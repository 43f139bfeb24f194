using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Core.Data;

public static class DbContextFactoryExtensions
{
    /// <summary>A context that sees exactly what <paramref name="actor"/>'s organization may see.</summary>
    public static async Task<AppDbContext> CreateForAsync(this IDbContextFactory<AppDbContext> factory, Actor actor, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.SetScope(TenantScope.For(actor));
        return db;
    }

    /// <summary>A context for platform work (background jobs, seeding) that deliberately spans all tenants.</summary>
    public static async Task<AppDbContext> CreateSystemAsync(this IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.SetScope(TenantScope.System);
        return db;
    }
}

/// <summary>Exposes a provider-specific factory as the provider-neutral <c>IDbContextFactory&lt;AppDbContext&gt;</c> services use.</summary>
public sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
