using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Playwright;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// Issue 9 §4: bytes on the wire for the partner's opportunity list on the published app (Production): a first visit with
/// an empty browser cache (signed in, so only the page's own downloads count) and a second visit with that cache warm.
/// Targets: ≤ 1 MB and ≤ 50 KB. Also checks the caching headers of what the page loads.
/// </summary>
internal static class FirstVisitBenchmark
{
    public const string Mode = "first-visit";
    private const long FirstVisitBudget = 1_000_000;
    private const long SecondVisitBudget = 50_000;
    private const string ListPath = "sales/opportunities";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        string? appDir = null;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--app-dir" when i + 1 < args.Count: appDir = args[++i]; break;
                case "--out" when i + 1 < args.Count: output = args[++i]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: first-visit [--app-dir <published app>] [--out <report.md>]");
            }
        }

        var report = new Report("BlazorPartner first visit of the opportunity list") { FirstColumn = "Visit" };
        report.Context($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores; load average {CircuitBenchmark.LoadAverage()}");
        report.Context("Published Release build, Production environment, SQLite with the demo data; Debian Chromium (headless) as admin@partner-a.demo");
        report.Context("On the wire = every byte both ways through a counting TCP relay in front of the app (requests, responses, the circuit's WebSocket as sent, permessage-deflate compressed), from the page's load until it is interactive, its rows shown, its fonts loaded and the network idle");
        report.Context("As the browser saw it = Chromium's DevTools network events: each response's encoded size (0 from the cache) and the WebSocket frames' payloads before WebSocket compression");

        var work = Directory.CreateTempSubdirectory("blazorpartner-first-visit-").FullName;
        try
        {
            if (appDir is null)
            {
                appDir = Path.Combine(work, "app");
                Console.WriteLine($"Publishing App (Release) to {appDir}...");
                await AppServer.PublishAsync(CircuitBenchmark.RepoRoot(), appDir, ct);
            }

            await using var server = await AppServer.StartAsync(appDir, Path.Combine(work, "blazorpartner.db"), Path.Combine(work, "app.log"), ct);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = CircuitBenchmark.ChromiumPath,
                Headless = true,
                Args = CircuitBenchmark.ChromiumArgs,
            });
            await using var wire = new WireCounter(server.BaseAddress);
            var storageState = await CircuitBenchmark.SignInAsync(browser, wire.BaseAddress, "admin@partner-a.demo");

            // Cookies only: a context made from the sign-in's storage state starts with an empty HTTP cache.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = wire.BaseAddress.ToString(),
                Locale = "zh-CN",
                StorageState = storageState,
            });
            var (first, firstWire) = await VisitAsync(context, wire);
            report.Check("first", "Opportunity list, empty cache", $"{firstWire:N0} bytes on the wire", "<= 1 MB", firstWire <= FirstVisitBudget);
            report.Info("first", "as the browser saw it", first.Summary());
            var (second, secondWire) = await VisitAsync(context, wire);
            report.Check("second", "Opportunity list again, cache warm", $"{secondWire:N0} bytes on the wire", "<= 50 KB", secondWire <= SecondVisitBudget);
            report.Info("second", "as the browser saw it", second.Summary());
            report.Appendix("First visit, each response", first.Table());
            report.Appendix("Second visit, each response", second.Table());

            await CheckHeadersAsync(server.BaseAddress, first, report, ct);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        report.WriteConsole(Console.Out);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToMarkdown(), ct);
            Console.WriteLine($"Report written to {output}");
        }

        return report.AnyMiss ? 1 : 0;
    }

    private static async Task<(WireBytes Browser, long Wire)> VisitAsync(IBrowserContext context, WireCounter wire)
    {
        var page = await context.NewPageAsync();
        wire.Reset();
        var meter = await WireBytes.StartAsync(page);
        await page.GotoAsync(ListPath);

        await page.WaitForSelectorAsync("tr.rz-data-row");
        await page.WaitForSelectorAsync("html[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var bytes = wire.Total;
        await page.CloseAsync();
        return (meter, bytes);
    }

    /// <summary>Every static file of the page: compressed when it compresses, and fingerprinted ones cached for good.</summary>
    private static async Task CheckHeadersAsync(Uri baseAddress, WireBytes visit, Report report, CancellationToken ct)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = baseAddress };
        foreach (var url in visit.Urls.Where(u => u.Contains("/_content/", StringComparison.Ordinal) || u.Contains("/_framework/", StringComparison.Ordinal) || u.Contains("/css/", StringComparison.Ordinal) || u.Contains("/js/", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
            using var response = await client.SendAsync(request, ct);
            var path = new Uri(url).AbsolutePath;
            var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
            var caching = response.Headers.CacheControl?.ToString() ?? "(none)";
            var fingerprinted = path.Split('/')[^1].Count(c => c == '.') >= 2;
            var pass = (encoding.Length > 0 || path.EndsWith(".woff2", StringComparison.Ordinal))
                && (!fingerprinted || caching == "max-age=31536000, immutable");
            report.Check("headers", path, $"{(encoding.Length > 0 ? encoding : "identity")}; {caching}",
                fingerprinted ? "compressed, immutable" : "compressed (fonts are already)", pass);
        }
    }
}
