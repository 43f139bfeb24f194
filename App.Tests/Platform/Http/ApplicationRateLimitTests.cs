using System.Net;
using System.Threading.RateLimiting;
using BlazorPartner.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace BlazorPartner.Tests.Platform.Http;

/// <summary>The anonymous application forms (R40, R5) share one limit per client address; the console is not limited.</summary>
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

        // The partner-network form is the same budget: switching forms does not get round it.
        using (var otherForm = limiter.AttemptAcquire(Post("/apply/partner", "203.0.113.7")))
        {
            Assert.False(otherForm.IsAcquired);
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
