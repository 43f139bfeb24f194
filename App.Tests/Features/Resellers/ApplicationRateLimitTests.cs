using System.Net;
using System.Threading.RateLimiting;
using BlazorPartner.Features.Resellers.Public;
using Microsoft.AspNetCore.Http;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>The anonymous application form (R40) is limited per client address; the console is not.</summary>
public class ApplicationRateLimitTests
{
    [Fact]
    public void Each_address_may_post_the_form_ten_times_per_window_then_is_refused_while_others_and_other_requests_pass()
    {
        using var limiter = PartitionedRateLimiter.Create<HttpContext, string>(ApplicationRateLimit.Partition);
        var first = Post("/apply/reseller", "203.0.113.7");
        for (var i = 0; i < ApplicationRateLimit.PermitLimit; i++)
        {
            using var lease = limiter.AttemptAcquire(i % 2 == 0 ? first : Post("/apply/reseller/some-token", "203.0.113.7"));
            Assert.True(lease.IsAcquired, $"post {i + 1} should pass");
        }

        using (var refused = limiter.AttemptAcquire(first))
        {
            Assert.False(refused.IsAcquired);
        }

        using (var otherAddress = limiter.AttemptAcquire(Post("/apply/reseller", "198.51.100.2")))
        {
            Assert.True(otherAddress.IsAcquired);
        }

        var page = Post("/apply/reseller", "203.0.113.7");
        page.Request.Method = HttpMethods.Get;
        using (var reading = limiter.AttemptAcquire(page))
        {
            Assert.True(reading.IsAcquired);
        }

        using (var console = limiter.AttemptAcquire(Post("/vendor/reseller-applications", "203.0.113.7")))
        {
            Assert.True(console.IsAcquired);
        }
    }

    private static DefaultHttpContext Post(string path, string address)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = path;
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }
}
