using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Platform.DataProtection;
using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Support;

/// <summary>
/// One "app instance" of the identity and session services on a test database, wired as Program wires them (without HTTP).
/// Several instances on one database behave like several app servers.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly ServiceProvider provider;

    public IdentityHost(TestDatabase database, TimeProvider clock, TimeSpan? cacheDuration = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyEncryptionKey"] = KeyEncryptionKey,
            ["Sessions:CacheDuration"] = (cacheDuration ?? new AppSessionOptions().CacheDuration).ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(database.Factory)
            .AddScoped(_ => database.Factory.CreateDbContext())
            .AddSingleton(clock)
            .AddHttpContextAccessor()
            .AddDatabaseKeyRing()
            .AddAppSessions(configuration);
        services.AddAuthentication();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager();
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    public IServiceProvider Services => provider;

    public DatabaseTicketStore Store => provider.GetRequiredService<DatabaseTicketStore>();

    public UserSessions Sessions => provider.GetRequiredService<UserSessions>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = provider.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>Creates a user (in a fresh organization) with a password; returns it.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string password = "Correct#Horse1")
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organization = new Organization { Id = Guid.NewGuid(), Name = "Org " + email, Kind = OrganizationKind.SolutionProvider, CreatedUtc = DateTime.UtcNow };
        db.SetScope(TenantScope.System);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email, OrganizationId = organization.Id };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A ticket as the Identity cookie handler would hand it to the session store at sign-in.</summary>
    public async Task<AuthenticationTicket> TicketForAsync(AppUser user, TimeSpan? lifetime = null)
    {
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync((await users.FindByIdAsync(user.Id))!);
        var now = Clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + (lifetime ?? TimeSpan.FromHours(10)) };
        return new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
    }

    public async Task WithUsersAsync(Func<UserManager<AppUser>, Task> use)
    {
        await using var scope = provider.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
