using System.Linq.Expressions;
using System.Reflection;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BlazorPartner.Core.Data;

/// <summary>
/// The application's model. It knows no feature: every entity is configured by an <c>IEntityTypeConfiguration</c>
/// beside the entity (found by assembly scan), and slices reach their tables with <c>db.Set&lt;T&gt;()</c> through their
/// own extension properties. Provider-neutral on purpose: each provider has a derived type that owns its migration set.
/// </summary>
public class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, string>(options)
{
    /// <summary>The key of the tenant query filter. Named, so that another filter (e.g. soft delete) cannot replace it.</summary>
    public const string TenantFilter = "Tenant";

    // Read by the tenant filters; EF parameterizes them per query, so one model serves every tenant.
    private Guid? _tenantId;
    private bool _crossTenant;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public void SetScope(TenantScope scope)
    {
        _tenantId = scope.OrganizationId;
        _crossTenant = scope.CrossTenant;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified and Npgsql's timestamptz insists on UTC: every DateTime is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            var clrType = entityType.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clrType) || typeof(ITenantOwnedOrPlatform).IsAssignableFrom(clrType))
            {
                builder.Entity(clrType).HasQueryFilter(TenantFilter, BuildTenantFilter(clrType));
            }

            // By convention, so a balance or quota entity cannot bump a version that nobody checks.
            if (typeof(IVersioned).IsAssignableFrom(clrType))
            {
                builder.Entity(clrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    private LambdaExpression BuildTenantFilter(Type entityType)
    {
        // e => this._crossTenant || (this._tenantId != null && e.OrganizationId == this._tenantId)
        // The null check matters: EF compares nullable values with C# semantics, so without it an unscoped context
        // (no tenant) would see platform rows whose organization is null.
        var entity = Expression.Parameter(entityType, "e");
        // Typed as AppDbContext: the private fields live on this base type, not on the provider-specific subclass.
        var context = Expression.Constant(this, typeof(AppDbContext));
        var crossTenant = Expression.Field(context, typeof(AppDbContext).GetField(nameof(_crossTenant), BindingFlags.NonPublic | BindingFlags.Instance)!);
        var tenantId = Expression.Field(context, typeof(AppDbContext).GetField(nameof(_tenantId), BindingFlags.NonPublic | BindingFlags.Instance)!);
        var organizationId = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.OrganizationId)), typeof(Guid?));
        var hasTenant = Expression.NotEqual(tenantId, Expression.Constant(null, typeof(Guid?)));
        return Expression.Lambda(Expression.OrElse(crossTenant, Expression.AndAlso(hasTenant, Expression.Equal(organizationId, tenantId))), entity);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
