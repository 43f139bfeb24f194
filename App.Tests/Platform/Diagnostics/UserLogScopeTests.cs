using System.Security.Claims;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlazorPartner.Tests.Platform.Diagnostics;

/// <summary>Log entries name their user, organization and circuit (issue 9 §5).</summary>
public class UserLogScopeTests
{
    [Fact]
    public void The_scope_names_the_user_signed_in_by_the_time_an_entry_is_written_and_the_circuit()
    {
        var http = new DefaultHttpContext();
        var scopes = new LoggerExternalScopeProvider();
        var written = new List<object?>();

        // Opened first (as the middleware is, before authentication ran), read when the entry is written.
        using (scopes.Push(new UserLogScope(() => http.User, circuitId: "circuit-1")))
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "user-7"), new Claim(AppClaimTypes.OrganizationId, "org-3")], "test"));
            scopes.ForEachScope((scope, list) => list.Add(scope), written);
        }

        var scope = Assert.IsType<UserLogScope>(Assert.Single(written));
        var values = scope.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("user-7", values["UserId"]);
        Assert.Equal("org-3", values["OrganizationId"]);
        Assert.Equal("circuit-1", values["CircuitId"]);
        Assert.Equal("UserId:user-7, OrganizationId:org-3, CircuitId:circuit-1", scope.ToString());
    }

    [Fact]
    public void An_anonymous_request_has_no_user_and_no_circuit_in_its_scope()
    {
        var scope = new UserLogScope(() => new DefaultHttpContext().User);

        Assert.Equal([new("UserId", null), new("OrganizationId", null)], scope.ToList());
        Assert.Equal("", scope.ToString());
    }
}
