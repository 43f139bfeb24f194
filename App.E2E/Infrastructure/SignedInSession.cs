using System.Runtime.CompilerServices;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// A class fixture that signs one demo account in once and keeps its browser context (and so its auth cookie);
/// each test opens its own page in it.
/// </summary>
public abstract class SignedInSession(E2EHost host, string email, string organizationName) : IAsyncLifetime
{
    private IBrowserContext? context;

    public string Email { get; } = email;

    public string OrganizationName { get; } = organizationName;

    public IBrowserContext Context => context ?? throw new InvalidOperationException("The session is not signed in.");

    public async Task InitializeAsync()
    {
        context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(Email, DemoAccounts.Password, OrganizationName);
        }
        catch
        {
            await SaveScreenshotAsync(page, $"{GetType().Name}-sign-in");
            throw;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Runs a test body on a new page of this session; on failure keeps a full-page screenshot in e2e-artifacts/.</summary>
    public async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        var page = await Context.NewPageAsync();
        try
        {
            await host.RunWithScreenshotOnFailureAsync(page, test, testName);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Opens a new page of this session for tests that drive two sessions at once; the caller closes it.</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    public Task SaveScreenshotAsync(IPage page, string name) => host.SaveScreenshotAsync(page, name);

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }
    }
}

/// <summary>Partner A's administrator (admin@partner-a.demo): owns the ~60 seeded opportunities, may accept, reject and export.</summary>
public sealed class PartnerAAdminSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerAAdmin, DemoAccounts.PartnerAName);

/// <summary>Partner B's administrator (admin@partner-b.demo): another tenant.</summary>
public sealed class PartnerBAdminSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerBAdmin, DemoAccounts.PartnerBName);

/// <summary>The vendor's operator (operator@vendor.demo): shares opportunities with partners.</summary>
public sealed class VendorOperatorSession(E2EHost host) : SignedInSession(host, DemoAccounts.VendorOperator, DemoAccounts.VendorName);
