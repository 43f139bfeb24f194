using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// The real app on a real (random) port, in-process, on its own fresh SQLite file with the demo data seeded.
/// <para>
/// <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel(int)"/> must be called here, in the constructor: on a
/// <c>WithWebHostBuilder</c> copy it would bind :5000. Settings go in with <c>UseSetting</c> (host configuration, handed to
/// the app as command-line arguments) because Program reads <c>builder.Configuration</c> before <c>Build()</c>, where
/// <c>ConfigureAppConfiguration</c> would come too late.
/// </para>
/// </summary>
public sealed class BlazorPartnerAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The E2E host's export-center threshold (rows): low, so a seeded list goes to the background.</summary>
    public const int ExportThresholdRows = 45;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "blazorpartner-e2e", Guid.NewGuid().ToString("N"));

    public BlazorPartnerAppFactory()
    {
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.Combine(dataDirectory, $"e2e-{Guid.NewGuid():N}.db");
        UseKestrel(0);
    }

    /// <summary>Absolute path of this app instance's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/ (valid after <see cref="Start"/>).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts Kestrel and checks the app really uses the fresh database (never the developer's data/blazorpartner.db).</summary>
    public void Start()
    {
        StartServer();
        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException(
                $"The app did not create its E2E database at {DatabasePath}: the Database:* settings were not applied.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Static web assets (blazor.web.js, Radzen's css/js) are served from build output only in Development.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqlitePath", DatabasePath);
        builder.UseSetting("Database:SeedDemoData", "true");
        // Every fixture signs in from 127.0.0.1, and the lockout tests fail on purpose; the per-address limit of failed
        // sign-ins has its own unit test.
        builder.UseSetting("Http:FailedSignInLimit", "0");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        // The background auto-reject job must not race the tests.
        builder.UseSetting("Opportunities:AutoRejectEnabled", "false");
        // Partner A's "All" opportunities (60+) go to the export center; its pending tab (~25) still downloads at once.
        builder.UseSetting("Exports:BackgroundThresholdRows", ExportThresholdRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
