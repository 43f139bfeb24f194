using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Playwright;

namespace BlazorPartner.Benchmarks;

internal sealed record CircuitPage(string Path, string Role, string Email)
{
    public string Label => $"{Path} ({Role})";

    public static CircuitPage Parse(string spec)
    {
        var at = spec.LastIndexOf('@');
        var path = at > 0 ? spec[..at] : spec;
        var role = at > 0 ? spec[(at + 1)..] : path.StartsWith("/vendor", StringComparison.Ordinal) ? "vendor" : "partner";
        return role switch
        {
            "partner" => new CircuitPage(path, "partner admin", "admin@partner-a.demo"),
            "vendor" => new CircuitPage(path, "vendor operator", "operator@vendor.demo"),
            "distributor" => new CircuitPage(path, "distributor reviewer", "reviewer@partner-b.demo"),
            _ => throw new ArgumentException($"Unknown role '{role}' in '{spec}' (use @partner, @vendor or @distributor)."),
        };
    }
}

internal sealed record PageMemory(CircuitPage Page, int Circuits, ServerMemory Before, ServerMemory After, string? HeapDump)
{
    public double WorkingSetPerCircuit => (After.WorkingSetBytes - Before.WorkingSetBytes) / (double)Circuits;

    public double ManagedPerCircuit => (After.ManagedBytes - Before.ManagedBytes) / (double)Circuits;
}

/// <summary>
/// Server memory per circuit: for each page, a fresh app process, a few warm-up tabs, a baseline after a full GC, then N more
/// tabs of the page held open, another full GC, and the growth divided by N. Each page gets its own process so that
/// disconnected circuits retained from an earlier page (kept up to 3 minutes) and its caches never count against the next.
/// </summary>
internal static class CircuitBenchmark
{
    private const string Password = "Partner#2026";
    internal const string ChromiumPath = "/usr/bin/chromium";
    private const string InteractiveSelector = "html[data-interactive='true']";

    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static async Task<int> RunAsync(CircuitOptions options, CancellationToken ct = default)
    {
        var pages = options.Pages.Select(CircuitPage.Parse).ToList();
        if (!pages.Any(p => p.Path == CircuitOptions.HomePage && p.Role == "partner admin"))
        {
            pages.Insert(0, CircuitPage.Parse(CircuitOptions.HomePage));
        }

        var report = new Report("BlazorPartner server memory per circuit") { FirstColumn = "Role" };
        report.Context($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
            $"{Format.MB(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM, {RuntimeInformation.FrameworkDescription}");
        report.Context($"{options.Circuits} circuits per page over {options.Contexts} browser contexts ({options.Parallel} loading at once) after {options.Warmup} warm-up tabs; " +
            "each page in a fresh app process (published Release build, Production environment, workstation GC, SQLite with the demo data, auto-reject off)");
        report.Context("Per circuit = growth after a forced full compacting GC in the server, divided by the circuits opened; resident = the server process's working set (RSS)");
        report.Context($"Load average at start: {LoadAverage()}");

        var work = Directory.CreateTempSubdirectory("blazorpartner-circuits-").FullName;
        try
        {
            var appDir = options.AppDir ?? Path.Combine(work, "app");
            if (options.AppDir is null)
            {
                Console.WriteLine($"Publishing App (Release) to {appDir}...");
                await AppServer.PublishAsync(RepoRoot(), appDir, ct);
            }

            var database = Path.Combine(work, "blazorpartner.db");
            var log = Path.Combine(work, "app.log");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });

            // The first process seeds the database; the sign-in cookies stay valid in later processes because the
            // data-protection key ring lives in that same database.
            var cookies = new Dictionary<string, string>();
            string? detailPath = null;
            string? customerDetailPath = null;
            await using (var first = await AppServer.StartAsync(appDir, database, log, ct))
            {
                foreach (var email in pages.Select(p => p.Email).Distinct())
                {
                    cookies[email] = await SignInAsync(browser, first.BaseAddress, email);
                }

                if (pages.Any(p => p.Path == CircuitOptions.DetailPlaceholder))
                {
                    detailPath = await FirstOpportunityPathAsync(browser, first.BaseAddress, cookies[pages.First(p => p.Path == CircuitOptions.DetailPlaceholder).Email]);
                    report.Context($"{CircuitOptions.DetailPlaceholder} = {detailPath} (the first row of the partner admin's pending list)");
                }

                if (pages.FirstOrDefault(p => p.Path == CircuitOptions.CustomerDetailPlaceholder) is { } customerPage)
                {
                    customerDetailPath = await FirstLinkPathAsync(browser, first.BaseAddress, cookies[customerPage.Email], "sales/customers", "sales/customers/");
                    report.Context($"{CircuitOptions.CustomerDetailPlaceholder} = {customerDetailPath} (the first row of the partner admin's customer list)");
                }
            }

            var results = new List<PageMemory>();
            foreach (var page in pages)
            {
                var path = page.Path == CircuitOptions.DetailPlaceholder ? detailPath!
                    : page.Path == CircuitOptions.CustomerDetailPlaceholder ? customerDetailPath! : page.Path;
                Console.WriteLine($"== {page.Label}");
                await using var server = await AppServer.StartAsync(appDir, database, log, ct);
                results.Add(await MeasurePageAsync(browser, server, page, path, cookies[page.Email], options, ct));
            }

            var home = results.First(r => r.Page.Path == CircuitOptions.HomePage && r.Page.Role == "partner admin");
            foreach (var result in results)
            {
                var value = $"{Format.MB((long)result.WorkingSetPerCircuit)} resident, {Format.MB((long)result.ManagedPerCircuit)} managed per circuit";
                var line = $"{Label(result)}: {result.Circuits} circuits";
                if (ReferenceEquals(result, home))
                {
                    report.Info(result.Page.Role, line, value + " (the reference)");
                    continue;
                }

                var ratio = result.WorkingSetPerCircuit / home.WorkingSetPerCircuit;
                var managedRatio = result.ManagedPerCircuit / home.ManagedPerCircuit;
                report.Check(result.Page.Role, line,
                    $"{value}; {Ratio(ratio)} home resident, {Ratio(managedRatio)} home managed",
                    $"<= {Ratio(options.TargetRatio)} home ({Format.MB((long)(home.WorkingSetPerCircuit * options.TargetRatio))})",
                    ratio <= options.TargetRatio);
            }

            foreach (var result in results)
            {
                report.Appendix($"Raw figures: {Label(result)}",
                    $"before: {Describe(result.Before)}\nafter:  {Describe(result.After)}");
            }

            if (options.HeapDir is not null)
            {
                HeapBreakdown.AddToReport(report, results, home, options.HeapTop);
            }

            report.Context($"Load average at end: {LoadAverage()} (other work on the machine shows up as noise in resident figures)");
            report.WriteConsole(Console.Out);
            if (options.Out is { } outPath)
            {
                await File.WriteAllTextAsync(outPath, report.ToMarkdown(), ct);
                Console.WriteLine($"Markdown written to {Path.GetFullPath(outPath)}");
            }

            return report.AnyMiss ? 1 : 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<PageMemory> MeasurePageAsync(IBrowser browser, AppServer server, CircuitPage page, string path, string storageState,
        CircuitOptions options, CancellationToken ct)
    {
        var contexts = new List<IBrowserContext>();
        try
        {
            for (var i = 0; i < options.Contexts; i++)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = server.BaseAddress.ToString(),
                    Locale = "en-US",
                    StorageState = storageState,
                    ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
                });
                context.SetDefaultTimeout(60_000);
                contexts.Add(context);
            }

            var url = path.TrimStart('/');
            await OpenTabsAsync(contexts, url, options.Warmup, options.Parallel);
            var before = await server.MeasureAsync(ct);
            Console.WriteLine($"  baseline: {Describe(before)}");
            string? dump = null;
            if (options.HeapDir is { } heapDir)
            {
                dump = await HeapBreakdown.DumpAsync(server.ProcessId, heapDir, page, "before", ct);
                await server.MeasureAsync(ct);
            }

            await OpenTabsAsync(contexts, url, options.Circuits, options.Parallel);
            var after = await server.MeasureAsync(ct);
            Console.WriteLine($"  after {options.Circuits} circuits: {Describe(after)}");
            var expected = before.OpenCircuits + options.Circuits;
            if (after.OpenCircuits != expected)
            {
                throw new InvalidOperationException($"{page.Label}: the server holds {after.OpenCircuits} circuits, expected {expected}.");
            }

            if (options.HeapDir is { } dumpDir)
            {
                await HeapBreakdown.DumpAsync(server.ProcessId, dumpDir, page, "after", ct);
            }

            return new PageMemory(page with { Path = path }, options.Circuits, before, after, dump);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>Opens <paramref name="count"/> tabs round-robin over the contexts and waits until each is interactive and drawn.</summary>
    private static async Task OpenTabsAsync(IReadOnlyList<IBrowserContext> contexts, string url, int count, int parallel)
    {
        using var gate = new SemaphoreSlim(parallel);
        var opened = 0;
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var tab = await contexts[i % contexts.Count].NewPageAsync();
                await tab.GotoAsync(url);
                await tab.WaitForSelectorAsync(InteractiveSelector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
                if (tab.Url.Contains("/account/", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{url} redirected to {tab.Url}: the sign-in cookie was not accepted.");
                }

                // Interactive is set by the layout's first render; the page's own data may still be loading.
                await tab.WaitForSelectorAsync(ReadySelector(url));
                if (Interlocked.Increment(ref opened) % 25 == 0)
                {
                    Console.WriteLine($"  {opened}/{count} tabs");
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    private static string ReadySelector(string url) =>
        url.EndsWith("opportunities", StringComparison.Ordinal) || url.EndsWith("customers", StringComparison.Ordinal) ? "tr.rz-data-row" : "h1";

    internal static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync(InteractiveSelector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        if (page.Url.Contains("/account/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed (still at {page.Url}).");
        }

        return await context.StorageStateAsync();
    }

    private static async Task<string> FirstOpportunityPathAsync(IBrowser browser, Uri baseAddress, string storageState)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), StorageState = storageState });
        var page = await context.NewPageAsync();
        await page.GotoAsync("sales/opportunities");
        var link = page.Locator("tr.rz-data-row a[href^='opportunities/']").First;
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("No opportunity link on the list.");
        return "/" + href;
    }

    private static async Task<string> FirstLinkPathAsync(IBrowser browser, Uri baseAddress, string storageState, string listPath, string hrefPrefix)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), StorageState = storageState });
        var page = await context.NewPageAsync();
        await page.GotoAsync(listPath);
        var link = page.Locator($"tr.rz-data-row a[href^='{hrefPrefix}']").First;
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No link on {listPath}.");
        return "/" + href;
    }

    private static string Label(PageMemory result) => $"{result.Page.Path} as {result.Page.Role}";

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Describe(ServerMemory m) =>
        $"{m.OpenCircuits} circuits, working set {Format.MB(m.WorkingSetBytes)}, private {Format.MB(m.PrivateBytes)}, managed {Format.MB(m.ManagedBytes)}, " +
        $"GC heap {Format.MB(m.HeapSizeBytes)}, committed {Format.MB(m.CommittedBytes)}{(m.ServerGc ? ", SERVER GC" : "")}";

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlazorPartner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find BlazorPartner.sln above the benchmark's folder; pass --app-dir with a published app.");
    }
}
