using System.Collections;
using System.Security.Claims;
using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlazorPartner.Platform.Diagnostics;

/// <summary>
/// Who a log entry is about (issue 9 §5): every entry written while a request or a circuit event is handled carries the
/// user and organization, and in a circuit the circuit's id, next to the request id ASP.NET Core already adds. The values
/// are read when an entry is written, so a scope opened before authentication still names the signed-in user.
/// </summary>
public sealed class UserLogScope(Func<ClaimsPrincipal?> user, string? circuitId = null) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private IReadOnlyList<KeyValuePair<string, object?>> Items
    {
        get
        {
            var principal = user();
            var items = new List<KeyValuePair<string, object?>>(3)
            {
                new("UserId", principal?.FindFirstValue(ClaimTypes.NameIdentifier)),
                new("OrganizationId", principal?.FindFirstValue(AppClaimTypes.OrganizationId)),
            };
            if (circuitId is not null)
            {
                items.Add(new("CircuitId", circuitId));
            }

            return items;
        }
    }

    public int Count => Items.Count;

    public KeyValuePair<string, object?> this[int index] => Items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", Items.Where(i => i.Value is not null).Select(i => $"{i.Key}:{i.Value}"));
}

/// <summary>Opens a <see cref="UserLogScope"/> around each inbound circuit activity (an event, a render, a JS call).</summary>
internal sealed class CircuitLogScopeHandler(AuthenticationStateProvider authentication, ILogger<CircuitLogScopeHandler> logger) : CircuitHandler
{
    private string? circuitId;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            // The circuit's current user (a completed task once authenticated), so a revalidated sign-out shows in its entries.
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            using (logger.BeginScope(new UserLogScope(() => user, circuitId ?? context.Circuit.Id)))
            {
                await next(context);
            }
        };
}

public static class LogScopes
{
    public static IServiceCollection AddUserLogScopes(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitLogScopeHandler>());
        return services;
    }

    /// <summary>Every request's log entries name its user and organization.</summary>
    public static IApplicationBuilder UseUserLogScopes(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("BlazorPartner.Requests");
        return app.Use(async (http, next) =>
        {
            using (logger.BeginScope(new UserLogScope(() => http.User)))
            {
                await next(http);
            }
        });
    }
}
