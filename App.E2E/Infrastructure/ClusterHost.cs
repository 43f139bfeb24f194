using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Npgsql;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// The cluster of scripts/run-cluster.sh, for browser tests (issue 9 §1): a fresh PostgreSQL database, two app instances
/// as child processes (<c>dotnet BlazorPartner.dll</c> from the App project's build output) sharing it and one
/// key-encryption key, and nginx in front, configured from the script's own template (scripts/cluster/nginx.conf.template).
/// Instances run in Development because only there are static web assets served from build output (a published build
/// would cost a publish per test run); the database, the data-protection key ring and the proxy are as in production.
/// </summary>
public sealed class ClusterHost : IAsyncLifetime
{
    public const string NginxPath = "/usr/sbin/nginx";

    private static readonly string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=partner;Password=partner;Database=postgres";

    private readonly string _work = Path.Combine(Path.GetTempPath(), "blazorpartner-cluster-e2e", Guid.NewGuid().ToString("N"));
    private readonly string _database = $"bp_cluster_{Guid.NewGuid():N}";
    private readonly string _keyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly Dictionary<string, ChildProcess> _instances = new(StringComparer.Ordinal);
    private ChildProcess? _nginx;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the cluster tests cannot run here, or null. In CI they always run (.ci/run installs nginx and sets the
    /// PostgreSQL variable).</summary>
    public static string? SkipReason
    {
        get
        {
            if (IsCi)
            {
                return null;
            }

            if (!File.Exists(NginxPath))
            {
                return $"{NginxPath} is absent: apt-get install -y nginx to run the cluster tests (CI installs it).";
            }

            // As the PostgreSQL data tests: a developer without a server is not failed, CI (which sets it) always runs them.
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("BLAZORPARTNER_TEST_POSTGRES")))
            {
                return "BLAZORPARTNER_TEST_POSTGRES is not set: the cluster tests need a PostgreSQL server (README, Test it).";
            }

            return null;
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("BLAZORPARTNER_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultPostgres;

    /// <summary>The proxy, e.g. http://127.0.0.1:41234/ — what a user's browser opens.</summary>
    public Uri ProxyAddress { get; private set; } = null!;

    /// <summary>Instance name ("a", "b") → its own address, for requests that must bypass the proxy.</summary>
    public IReadOnlyDictionary<string, Uri> InstanceAddresses => _instances.ToDictionary(i => i.Key, i => i.Value.Address!);

    public string ConnectionString { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The cluster host is not initialized.");

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(_work);
        await CreateDatabaseAsync();
        // Both at once on the empty database: startup migrates and seeds under a PostgreSQL advisory lock
        // (DatabaseInitializer), so one instance does it and the other waits and finds it done. This start is its test.
        await Task.WhenAll(StartInstanceAsync("a"), StartInstanceAsync("b"));
        await StartNginxAsync();

        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = E2EHost.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context whose relative URLs go to <paramref name="baseAddress"/> (the proxy by default).</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? ProxyAddress).ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>The instance whose address is <paramref name="upstream"/> (nginx's X-BlazorPartner-Upstream, "127.0.0.1:port").</summary>
    public string InstanceAt(string upstream) =>
        _instances.Single(i => upstream.Trim().EndsWith($":{i.Value.Address!.Port}", StringComparison.Ordinal)).Key;

    /// <summary>Kills an instance the hard way (SIGKILL), as a crash or an OOM kill would: no graceful shutdown.</summary>
    public async Task KillInstanceAsync(string name)
    {
        var instance = _instances[name];
        instance.Process.Kill(entireProcessTree: true);
        await instance.Process.WaitForExitAsync();
    }

    public bool IsRunning(string name) => !_instances[name].Process.HasExited;

    /// <summary>Everything the instances and nginx wrote, for a failure message.</summary>
    public string Logs() => string.Join("\n", _instances.Select(i => $"--- instance {i.Key}\n{i.Value.Output}")) + $"\n--- nginx\n{_nginx?.Output}";

    private async Task CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database }.ToString();
    }

    /// <summary>Starts again (same port, so nginx finds it) every instance a test killed; the tests may run in any order.</summary>
    public async Task EnsureAllRunningAsync()
    {
        foreach (var (name, instance) in _instances.ToList())
        {
            if (instance.Process.HasExited)
            {
                instance.Process.Dispose();
                await StartInstanceAsync(name, instance.Address!.Port);
            }
        }
    }

    private async Task StartInstanceAsync(string name, int? port = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var app = AppBuildOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder as content root (as `dotnet run` does): appsettings.json and wwwroot from source.
            WorkingDirectory = Path.Combine(RepositoryRoot(), "App"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        environment["Database__Provider"] = "Postgres";
        environment["ConnectionStrings__Partner"] = ConnectionString;
        environment["Database__SeedDemoData"] = "true";
        environment["Http__FailedSignInLimit"] = "0";
        environment["DataProtection__KeyEncryptionKey"] = _keyEncryptionKey;
        environment["Http__KnownProxies__0"] = "127.0.0.1";
        // The background auto-reject must not race the tests, as in the single-instance E2E host.
        environment["Opportunities__AutoRejectEnabled"] = "false";
        // As in the single-instance E2E host: a seeded list goes to the export center, whose file the other instance serves.
        environment["Exports__BackgroundThresholdRows"] = BlazorPartnerAppFactory.ExportThresholdRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Logging__LogLevel__Default"] = "Warning";

        var process = ChildProcess.Start(start, address);
        lock (_instances)
        {
            _instances[name] = process;
        }

        await WaitUntilAsync(address, "health/ready", process, TimeSpan.FromSeconds(150), $"instance {name}");
    }

    private async Task StartNginxAsync()
    {
        var port = FreePort();
        var prefix = Path.Combine(_work, "nginx");
        Directory.CreateDirectory(prefix);
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "scripts", "cluster", "nginx.conf.template"));
        var config = template
            .Replace("@PREFIX@", prefix, StringComparison.Ordinal)
            .Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("@INSTANCE_A@", $"127.0.0.1:{_instances["a"].Address!.Port}", StringComparison.Ordinal)
            .Replace("@INSTANCE_B@", $"127.0.0.1:{_instances["b"].Address!.Port}", StringComparison.Ordinal);
        var configPath = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var start = new ProcessStartInfo(NginxPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", prefix, "-c", configPath })
        {
            start.ArgumentList.Add(argument);
        }

        ProxyAddress = new Uri($"http://127.0.0.1:{port}/");
        _nginx = ChildProcess.Start(start, ProxyAddress);
        await WaitUntilAsync(ProxyAddress, "health/live", _nginx, TimeSpan.FromSeconds(20), "nginx");
    }

    /// <summary>
    /// `nginx -s quit` lets the master stop and reap its worker; killing the master would orphan the worker (nobody
    /// reaps it in a container without an init). The hard kill remains the fallback.
    /// </summary>
    private async Task StopNginxAsync(ChildProcess nginx)
    {
        if (!nginx.Process.HasExited)
        {
            var prefix = Path.Combine(_work, "nginx");
            var quit = new ProcessStartInfo(NginxPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-s", "quit" })
            {
                quit.ArgumentList.Add(argument);
            }

            using (var signal = Process.Start(quit)!)
            {
                await signal.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await nginx.Process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // Falls through to the hard stop below.
            }
        }

        await nginx.StopAsync();
    }

    private static async Task WaitUntilAsync(Uri address, string path, ChildProcess process, TimeSpan limit, string what)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (process.Process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {process.Process.ExitCode}:\n{process.Output}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting (migrations, seeding).
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} not ready at {address}{path} after {limit}:\n{process.Output}");
            }

            // Polling a readiness endpoint: the condition is the answer, the pause only spaces the polls.
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlazorPartner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BlazorPartner.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The App project's own build output of this configuration (built with the tests: a project reference).</summary>
    private static string AppBuildOutput()
    {
        var configuration = typeof(ClusterHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "App", "bin", configuration, "net10.0", "BlazorPartner.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the App project first: {path} is missing.", path);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_nginx is not null)
        {
            await StopNginxAsync(_nginx);
        }

        foreach (var process in _instances.Values)
        {
            await process.StopAsync();
        }

        if (_instances.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    /// <summary>A child process with its output kept (read continuously, so a full pipe never blocks it).</summary>
    private sealed class ChildProcess
    {
        private readonly StringBuilder _output = new();

        private ChildProcess(Process process, Uri? address)
        {
            Process = process;
            Address = address;
        }

        public Process Process { get; }

        public Uri? Address { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    // The end is what explains a failure; keep messages short.
                    return _output.Length > 8000 ? _output.ToString(_output.Length - 8000, 8000) : _output.ToString();
                }
            }
        }

        public static ChildProcess Start(ProcessStartInfo start, Uri? address)
        {
            var process = new Process { StartInfo = start };
            var child = new ChildProcess(process, address);
            process.OutputDataReceived += (_, e) => child.Append(e.Data);
            process.ErrorDataReceived += (_, e) => child.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return child;
        }

        public async Task StopAsync()
        {
            if (!Process.HasExited)
            {
                // The whole tree: nginx's worker would otherwise outlive its master.
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>A browser test of the cluster: skipped (with the reason) only outside CI when nginx is not installed.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (ClusterHost.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterHost>
{
    /// <summary>The cluster tests share one cluster and run one after another (one of them kills an instance).</summary>
    public const string Name = "Cluster";
}

/// <summary>
/// Runs a class's tests in the order of their names, so the cluster tests that need both instances come before the one
/// that kills an instance (which would otherwise have to be started again, ~15 s). Order is an optimization only: every
/// test starts with <see cref="ClusterHost.EnsureAllRunningAsync"/>.
/// </summary>
public sealed class ByNameOrderer : Xunit.Sdk.ITestCaseOrderer
{
    public const string TypeName = "BlazorPartner.E2E.Infrastructure.ByNameOrderer";

    public const string AssemblyName = "BlazorPartner.E2E";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : Xunit.Abstractions.ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
