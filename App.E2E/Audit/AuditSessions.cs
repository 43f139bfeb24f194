using System.Runtime.CompilerServices;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// A class fixture with one browser context per account (signed in once, on first use) and one signed-out context. The
/// culture is a cookie of the context, so <see cref="RunAsync"/> switches it through the app's own culture endpoint when the
/// next audited page wants the other language.
/// </summary>
public sealed class AuditSessions(E2EHost host) : IAsyncLifetime
{
    private readonly Dictionary<string, (IBrowserContext Context, string Culture)> contexts = [];

    public E2EHost Host => host;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Opens <paramref name="audited"/> in <paramref name="culture"/> on a new page and runs the check on it.</summary>
    public async Task RunAsync(AuditedPage audited, string culture, Func<IPage, Task> check, [CallerMemberName] string testName = "")
    {
        var context = await ContextAsync(audited.Account, culture);
        var page = await context.NewPageAsync();
        try
        {
            await host.RunWithScreenshotOnFailureAsync(page, async p =>
            {
                await audited.OpenAsync(p, culture);
                await check(p);
            }, $"{testName}-{Slug(audited.Name)}-{culture}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowserContext> ContextAsync(AuditAccount? account, string culture)
    {
        var key = account?.Email ?? "signed-out";
        if (!contexts.TryGetValue(key, out var entry))
        {
            var context = await host.NewContextAsync();
            if (account is not null)
            {
                var signIn = await context.NewPageAsync();
                try
                {
                    var login = new LoginPage(signIn);
                    await login.GotoAsync();
                    await login.SignInAsync(account.Email, DemoAccounts.Password, account.Organization);
                }
                finally
                {
                    await signIn.CloseAsync();
                }
            }

            entry = (context, AuditedPages.English); // a new context has no culture cookie: English
            contexts[key] = entry;
        }

        if (entry.Culture != culture)
        {
            var page = await entry.Context.NewPageAsync();
            try
            {
                // The switch redirects back to a static page, which is cheap to load and needs no circuit.
                await page.GotoAsync($"culture/set?culture={culture}&redirectUri=/account/access-denied");
            }
            finally
            {
                await page.CloseAsync();
            }

            entry = (entry.Context, culture);
            contexts[key] = entry;
        }

        return entry.Context;
    }

    private static string Slug(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    public async Task DisposeAsync()
    {
        foreach (var (context, _) in contexts.Values)
        {
            await context.CloseAsync();
        }
    }
}
