using System.Linq.Expressions;
using System.Reflection;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Platform.DataProtection;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BlazorPartner.Core.Data;

/// <summary>
/// The application's model. Provider-neutral on purpose: each provider has a derived type
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) that owns its migration set.
/// </summary>
public class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    // Read by the global query filters; EF parameterizes them per query, so one model serves every tenant.
    private Guid? _tenantId;
    private bool _crossTenant;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityProgressEntry> OpportunityProgress => Set<OpportunityProgressEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public TenantScope Scope { get; private set; } = TenantScope.None;

    public void SetScope(TenantScope scope)
    {
        Scope = scope;
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

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.HasIndex(u => u.OrganizationId);
            user.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            user.HasOne<AppUser>().WithMany().HasForeignKey(u => u.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Organization>(org =>
        {
            org.Property(o => o.Name).HasMaxLength(200);
            org.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            org.HasIndex(o => o.Name).IsUnique();
        });

        builder.Entity<AuditEntry>(audit =>
        {
            audit.Property(a => a.EntityType).HasMaxLength(64);
            audit.Property(a => a.EntityId).HasMaxLength(64);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.ActorName).HasMaxLength(100);
            audit.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
            audit.HasIndex(a => new { a.OrganizationId, a.AtUtc });
        });

        builder.Entity<CalendarDay>(day =>
        {
            day.HasKey(d => d.Date);
            day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            day.Property(d => d.Name).HasMaxLength(100);
        });

        builder.Entity<DataProtectionKey>(key => key.Property(k => k.FriendlyName).HasMaxLength(200));

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t =>
            t.Namespace?.StartsWith("BlazorPartner.Features", StringComparison.Ordinal) == true
            || t.Namespace?.StartsWith("BlazorPartner.Platform", StringComparison.Ordinal) == true);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(BuildTenantFilter(entityType.ClrType));
        }
    }

    private LambdaExpression BuildTenantFilter(Type entityType)
    {
        // e => this._crossTenant || e.OrganizationId == this._tenantId
        var entity = Expression.Parameter(entityType, "e");
        // Typed as AppDbContext: the private fields live on this base type, not on the provider-specific subclass.
        var context = Expression.Constant(this, typeof(AppDbContext));
        var crossTenant = Expression.Field(context, typeof(AppDbContext).GetField(nameof(_crossTenant), BindingFlags.NonPublic | BindingFlags.Instance)!);
        var tenantId = Expression.Field(context, typeof(AppDbContext).GetField(nameof(_tenantId), BindingFlags.NonPublic | BindingFlags.Instance)!);
        var organizationId = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.OrganizationId)), typeof(Guid?));
        return Expression.Lambda(Expression.OrElse(crossTenant, Expression.Equal(organizationId, tenantId)), entity);
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

/// <summary>Rows two users may edit at once carry a version that SaveChanges bumps and checks (optimistic concurrency).</summary>
public interface IVersioned
{
    int Version { get; set; }
}
