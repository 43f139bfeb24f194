using System.Net;
using BlazorPartner.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace BlazorPartner.Tests.Platform.Http;

public class SecurityHeadersTests
{
    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [Fact]
    public void Policy_runs_only_the_apps_own_scripts_and_cannot_be_framed()
    {
        var policy = Directives(SecurityHeaders.ContentSecurityPolicy());

        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        // Inline style attributes only (Radzen positions popups with them); never inline or foreign script.
        Assert.Equal("'self'", policy["style-src-elem"]);
        Assert.DoesNotContain(policy, d => d.Key.StartsWith("script", StringComparison.Ordinal) && d.Value.Contains("unsafe", StringComparison.Ordinal));
    }

    [Fact]
    public void Development_also_allows_the_browser_refresh_socket_of_dotnet_watch()
    {
        var policy = Directives(SecurityHeaders.ContentSecurityPolicy(allowDevelopmentTools: true));
        Assert.Equal("'self' ws://localhost:* wss://localhost:*", policy["connect-src"]);
        Assert.Equal("'self'", policy["script-src"]);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", true)]
    [InlineData("image/svg+xml", true)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("text/css", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)]
    [InlineData(null, false)]
    public void Pages_get_the_page_policy_and_everything_else_a_policy_that_allows_nothing(string? contentType, bool page)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        headers.ContentType = contentType;

        SecurityHeaders.Apply(headers, SecurityHeaders.ContentSecurityPolicy());

        Assert.Equal(page ? SecurityHeaders.ContentSecurityPolicy() : "default-src 'none'; frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString());
        Assert.Equal(page, headers.ContainsKey("Permissions-Policy"));
        Assert.Equal(("DENY", "nosniff"), (headers.XFrameOptions.ToString(), headers.XContentTypeOptions.ToString()));
    }

    [Fact]
    public void Forwarded_headers_believe_configured_proxies_and_networks_besides_loopback()
    {
        var forwarded = new ForwardedHeadersOptions();
        HttpHardening.ConfigureForwardedHeaders(forwarded, new HttpHardeningOptions
        {
            KnownProxies = ["10.1.2.3"],
            KnownNetworks = ["192.168.0.0/16"],
            ForwardLimit = 2,
        });

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, forwarded.ForwardedHeaders);
        Assert.Equal(2, forwarded.ForwardLimit);
        Assert.Contains(IPAddress.Parse("10.1.2.3"), forwarded.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, forwarded.KnownProxies);
        Assert.Contains(System.Net.IPNetwork.Parse("192.168.0.0/16"), forwarded.KnownIPNetworks);
    }
}
