using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace BlazorPartner.Benchmarks;

/// <summary>What the app's opt-in memory endpoint answers (BlazorPartner.Platform.Diagnostics.MemoryDiagnostics).</summary>
internal sealed record ServerMemory(
    long WorkingSetBytes,
    long PrivateBytes,
    long ManagedBytes,
    long HeapSizeBytes,
    long CommittedBytes,
    int OpenCircuits,
    bool ServerGc);

/// <summary>
/// The published app in a process of its own, Production environment, workstation GC, on a loopback port: the memory
/// measured is the server's alone, not shared with Playwright or this program.
/// </summary>
internal sealed class AppServer : IAsyncDisposable
{
    private static readonly string RunKeyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StreamWriter _log;
    private readonly string _logPath;

    private AppServer(Process process, Uri baseAddress, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        _logPath = logPath;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Publishes App in Release to <paramref name="outputDir"/>: publish output carries the static web assets, so the app can run as Production.</summary>
    public static async Task PublishAsync(string repoRoot, string outputDir, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(repoRoot, "App", "App.csproj"), "-c", "Release", "-o", outputDir, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = publish.StandardOutput.ReadToEndAsync(ct);
        var errors = publish.StandardError.ReadToEndAsync(ct);
        await publish.WaitForExitAsync(ct);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed (exit {publish.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public static async Task<AppServer> StartAsync(string appDir, string databasePath, string logPath, CancellationToken ct)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDir, "BlazorPartner.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        // The figures are for workstation GC; the Web SDK's default (server GC) sizes heaps per core and hides per-circuit growth.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__SqlitePath"] = databasePath;
        start.Environment["Database__SeedDemoData"] = "true";
        // The auto-reject job would change rows (and allocate) while circuits are measured.
        start.Environment["Opportunities__AutoRejectEnabled"] = "false";
        start.Environment["Diagnostics__MemoryEndpoint"] = "true";
        // Production needs the deployment's key-encryption key (ADR 0006); one per benchmark run, so every page's process
        // reads the key ring the first one wrote and the sign-in cookies stay valid.
        start.Environment["DataProtection__KeyEncryptionKey"] = RunKeyEncryptionKey;
        // Plain http on loopback, and one user holds all N circuits: no HTTPS redirect, no per-user tab cap (ADR 0007).
        start.Environment["Http__HttpsRedirection"] = "false";
        start.Environment["Circuits__MaxCircuitsPerUser"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, baseAddress, log, logPath);
        try
        {
            await server.WaitHealthyAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Full GC in the server, then its memory. Asked twice a second apart: the first also settles work still queued on circuits.</summary>
    public async Task<ServerMemory> MeasureAsync(CancellationToken ct)
    {
        ServerMemory? last = null;
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            using var response = await _http.PostAsync("_diagnostics/memory", content: null, ct);
            response.EnsureSuccessStatusCode();
            last = await response.Content.ReadFromJsonAsync<ServerMemory>(ct);
        }

        return last ?? throw new InvalidOperationException("The memory endpoint answered nothing.");
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        // Generous: on a shared 2-core machine under load, startup (migrations and seeding on the first run) can take minutes.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during startup:\n{LogTail()}");
            }

            try
            {
                using var response = await _http.GetAsync("health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"The app did not become healthy within 5 minutes:\n{LogTail()}");
    }

    private string LogTail()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(30));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
