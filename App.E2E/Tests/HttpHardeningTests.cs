using System.Net;
using BlazorPartner.E2E.Infrastructure;

namespace BlazorPartner.E2E.Tests;

/// <summary>Security headers, no Server banner and the not-found page, over plain HTTP against the real app (Kestrel).</summary>
[Collection(E2ECollection.Name)]
public sealed class HttpHardeningTests(E2EHost host)
{
    private HttpClient Client(string? language = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static TheoryData<string, HttpStatusCode, bool> Responses => new()
    {
        { "account/login", HttpStatusCode.OK, true },                  // a page (static SSR)
        { "css/app.css", HttpStatusCode.OK, false },                   // a static file
        { "no-such-page", HttpStatusCode.NotFound, true },             // an unknown route
        { "sales/opportunities", HttpStatusCode.Found, false },        // a redirect (signed out → sign-in page)
        { "culture/set?culture=zh-CN&redirectUri=/", HttpStatusCode.Found, false }, // a minimal-API redirect
        { "_blazor/initializers", HttpStatusCode.OK, false },          // JSON the circuit fetches on every visit
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers_and_no_server_banner(string path, HttpStatusCode status, bool page)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        // A page gets the policy it runs under; anything else may load and run nothing at all.
        Assert.Contains(page ? "default-src 'self'" : "default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal(page, response.Headers.Contains("Permissions-Policy"));
        if (page)
        {
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        }

        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        // Development: no HSTS (it would pin localhost to HTTPS in the developer's browser).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_and_the_policy_allows_none()
    {
        using var client = Client();
        using var response = await client.GetAsync("account/login");
        var html = await response.Content.ReadAsStringAsync();

        // Every <script> is a same-origin file: an inline one would be refused by script-src 'self' (and is dead weight on
        // each page, which is why the unused import map went; ADR 0012).
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<script(?![^>]*\\ssrc=)[^>]*>"), html);
        Assert.Contains("script-src 'self';", Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    public async Task A_request_for_another_host_name_is_refused_so_mail_links_cannot_point_elsewhere(string host)
    {
        // Invitation and follow-up links in mails are built from the request's address (the public apply forms send them to
        // any address), so the app must not answer a forged Host header.
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "apply/reseller");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("en-US", "Page not found", "There is no page at this address.")]
    [InlineData("zh-CN", "找不到页面", "此地址没有对应的页面。")]
    public async Task Unknown_route_answers_404_with_the_localized_not_found_page(string language, string title, string body)
    {
        using var client = Client(language);
        using var response = await client.GetAsync("no-such-page");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($">{title}</h1>", html);
        Assert.Contains(body, html);
        // Signed out: the way on is the sign-in page.
        Assert.Contains("href=\"account/login\"", html);
        // ...and no circuit: the page is static for signed-out visitors (no server component markers for blazor.web.js).
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
