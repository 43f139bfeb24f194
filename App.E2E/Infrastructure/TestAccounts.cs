using System.Runtime.CompilerServices;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// Accounts a test creates for itself through the running app's own services, so tests that lock, sign out or change passwords
/// never disturb the demo accounts other tests sign in with.
/// </summary>
public static class TestAccounts
{
    public const string Password = "Session#Test2026";

    /// <summary>A new Partner A account (PartnerAdmin by default) with <see cref="Password"/>; returns its email (also its user name).</summary>
    public static async Task<string> CreateUserAsync(this E2EHost host, string role = AppRoles.PartnerAdmin, [CallerMemberName] string test = "")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid organizationId;
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            organizationId = await db.Organizations.Where(o => o.Name == DemoAccounts.PartnerAName).Select(o => o.Id).SingleAsync();
        }

        var email = $"{test.ToLowerInvariant()[..Math.Min(test.Length, 24)]}-{Guid.NewGuid():N}@e2e.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "E2E " + test, OrganizationId = organizationId };
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
