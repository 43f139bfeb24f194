using System.Net;
using System.Text.Json;
using BlazorPartner.E2E.Infrastructure;

namespace BlazorPartner.E2E.Tests.Operations;

/// <summary>Liveness and readiness (issue 9 §5) from the running app, as a proxy or an orchestrator would ask.</summary>
[Collection(E2ECollection.Name)]
public sealed class HealthEndpointTests(E2EHost host)
{
    [Fact]
    public async Task Live_answers_without_asking_anything_and_ready_reports_database_migrations_and_jobs()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var live = await client.GetAsync("health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());

        using var ready = await client.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        // The jobs this host runs have started; a pass that failed would be "Degraded", a stopped loop "Unhealthy" (503).
        Assert.Contains(checks.GetProperty("jobs").GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
    }
}
