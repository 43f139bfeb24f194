using System.Net;
using BlazorPartner.E2E.Infrastructure;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// The app in Production, pointed at a PostgreSQL port where nothing listens: fresh page loads answer 503 with the localized
/// "database cannot be reached" page, /health is unhealthy, and HTTPS redirection, HSTS and forwarded headers behave as behind
/// a TLS-terminating proxy.
/// </summary>
public sealed class DatabaseDownTests : IClassFixture<DatabaseDownTests.App>
{
    private readonly App app;

    public DatabaseDownTests(App app) => this.app = app;

    /// <summary>One app instance for the class; started once (its startup must tolerate the outage).</summary>
    public sealed class App : IAsyncLifetime
    {
        public DatabaseDownAppFactory Factory { get; } = new();

        public Task InitializeAsync()
        {
            Factory.Start();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Client(string? language = null, bool viaHttpsProxy = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Factory.BaseAddress };
        if (viaHttpsProxy)
        {
            // The test is the TLS-terminating proxy on loopback (a known proxy by default); HSTS skips localhost names.
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Host = "partner.example";
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    [Theory]
    [InlineData("en-US", "account/login", "The database cannot be reached")]
    [InlineData("zh-CN", "account/login", "无法连接数据库")]
    public async Task A_fresh_page_load_answers_503_with_the_localized_message_and_a_retry(string language, string path, string title)
    {
        using var client = Client(language);
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains($"<a href=\"/{path}\">", html); // the retry link reloads the same page
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task An_unknown_address_still_answers_404_for_a_signed_out_visitor()
    {
        // The not-found page is static for signed-out visitors (no circuit, so no protected component state): it needs
        // nothing from the database, and says "not found" rather than blaming an outage.
        using var client = Client("en-US");
        using var response = await client.GetAsync("no-such-page");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(">Page not found</h1>", html);
    }

    [Fact]
    public async Task Health_reports_unhealthy()
    {
        using var client = Client();
        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_with_the_security_headers()
    {
        using var client = Client(viaHttpsProxy: false);
        using var response = await client.GetAsync("account/login?x=1");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{app.Factory.BaseAddress.Host}:{DatabaseDownAppFactory.PublicHttpsPort}/account/login?x=1", response.Headers.Location?.ToString());
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Https_through_a_known_proxy_gets_hsts_and_no_redirect()
    {
        using var client = Client();
        using var response = await client.GetAsync("culture/set?culture=zh-CN&redirectUri=/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.StartsWith("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }
}
