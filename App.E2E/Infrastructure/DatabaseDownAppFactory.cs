using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// The app in Production mode (exception handler, HSTS, HTTPS redirection) on a real port, pointed at a PostgreSQL port where
/// nothing listens: every page needs the database (data-protection key ring, sign-in), so every page is a database outage.
/// Startup does not touch the database when migrations are off and nothing is seeded.
/// </summary>
public sealed class DatabaseDownAppFactory : WebApplicationFactory<Program>
{
    public DatabaseDownAppFactory() => UseKestrel(0);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>The public HTTPS port the app redirects plain HTTP to.</summary>
    public const int PublicHttpsPort = 8443;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production requires the deployment's key-encryption key for the key ring (ADR 0006); a fresh one per run.
        builder.UseSetting("DataProtection:KeyEncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Partner", "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=none;Timeout=3");
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Opportunities:AutoRejectEnabled", "false");
        // As a deployment would: its public host name (the tests' TLS proxy sends it) besides loopback.
        builder.UseSetting("AllowedHosts", "partner.example;127.0.0.1;localhost");
        builder.UseSetting("Http:HttpsPort", PublicHttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Starts Kestrel (the host's startup must tolerate the unreachable database).</summary>
    public void Start() => StartServer();
}
