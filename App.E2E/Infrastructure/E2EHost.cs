using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// One app instance, one Playwright driver and one headless Debian chromium for the whole E2E collection.
/// Signed-in browser contexts live in the class fixtures (<see cref="SignedInSession"/>).
/// </summary>
public sealed class E2EHost : IAsyncLifetime
{
    /// <summary>Debian's chromium (apt). Never `playwright install`: it downloads a browser and fails on this machine kind.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly BlazorPartnerAppFactory app = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress => app.BaseAddress;

    /// <summary>The running app's services, for tests that arrange their own data (e.g. their own users) instead of sharing demo accounts.</summary>
    public IServiceProvider Services => app.Services;
    /// <summary>The app instance's SQLite file, for checks that need to know what the stored (user-entered) data is.</summary>
    public string DatabasePath => app.DatabasePath;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The E2E host is not initialized.");

    /// <summary>Screenshots of failed tests go here (under the test project's output folder).</summary>
    public string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "e2e-artifacts");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (see TOOLCHAIN.md).");
        }

        // Blazor Server answers over a websocket; give slow CI machines some room, still far below a hang.
        Assertions.SetDefaultExpectTimeout(15_000);
        app.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, signed-out browser context on the app (English UI, downloads allowed).</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-US",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>
    /// Runs a test body on a page of its own fresh, signed-out browser context (for sign-in tests, whose cookies must not leak
    /// into a shared session); on failure keeps a full-page screenshot in e2e-artifacts/.
    /// </summary>
    public async Task RunSignedOutAsync(Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        var context = await NewContextAsync();
        try
        {
            await RunWithScreenshotOnFailureAsync(await context.NewPageAsync(), test, testName);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Runs a test body on <paramref name="page"/>; on failure keeps a full-page screenshot, then rethrows.</summary>
    public async Task RunWithScreenshotOnFailureAsync(IPage page, Func<IPage, Task> test, string testName)
    {
        try
        {
            await test(page);
        }
        catch
        {
            await SaveScreenshotAsync(page, testName);
            throw;
        }
    }

    /// <summary>Best-effort full-page screenshot into <see cref="ArtifactsDirectory"/>.</summary>
    public async Task SaveScreenshotAsync(IPage page, string name)
    {
        try
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, $"{name}.png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page may already be gone; the original failure matters more than the screenshot.
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EHost>
{
    /// <summary>All browser tests share one app and run one after another (they change the same seeded data).</summary>
    public const string Name = "E2E";
}
