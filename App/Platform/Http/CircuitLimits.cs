using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Http;

/// <summary>Limits of the Blazor Server circuits (section <c>Circuits</c>); values and reasons in ADR 0007.</summary>
public sealed class CircuitLimitsOptions
{
    public const string Section = "Circuits";

    /// <summary>
    /// Largest message a browser may send over the circuit. A text input event carries the field's value twice (event and
    /// bound field), so 64 KB leaves room for the longest legitimate input (2,000 characters, 3 bytes each in UTF-8).
    /// A larger message closes the connection, so every text input also has a maxlength well below this.
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>Disconnected circuits kept in memory for their tab to reconnect to; older ones are dropped first.</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long a disconnected circuit waits for its tab to come back.</summary>
    public TimeSpan DisconnectedCircuitRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a call from .NET into the browser may take. The Excel download streams through such a call.</summary>
    public TimeSpan JSInteropDefaultCallTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Open circuits (tabs) one signed-in user may have on this app instance; 0 switches the cap off.</summary>
    public int MaxCircuitsPerUser { get; set; } = 8;
}

/// <summary>
/// Counts each signed-in user's admitted circuits on this instance (a singleton; the cap is per instance).
/// A circuit over the cap is not admitted and holds no slot, so reloading a tab after closing another one gets in.
/// </summary>
public sealed class UserCircuitRegistry(IOptionsMonitor<CircuitLimitsOptions> options)
{
    private readonly Dictionary<string, HashSet<string>> circuitsByUser = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Admits <paramref name="circuitId"/> for <paramref name="userId"/> unless the user is at the cap.</summary>
    public bool TryAdmit(string userId, string circuitId)
    {
        var max = options.CurrentValue.MaxCircuitsPerUser;
        lock (gate)
        {
            if (!circuitsByUser.TryGetValue(userId, out var circuits))
            {
                circuits = new HashSet<string>(StringComparer.Ordinal);
                circuitsByUser[userId] = circuits;
            }

            if (max > 0 && circuits.Count >= max && !circuits.Contains(circuitId))
            {
                if (circuits.Count == 0)
                {
                    circuitsByUser.Remove(userId);
                }

                return false;
            }

            circuits.Add(circuitId);
            return true;
        }
    }

    public void Release(string userId, string circuitId)
    {
        lock (gate)
        {
            if (circuitsByUser.TryGetValue(userId, out var circuits) && circuits.Remove(circuitId) && circuits.Count == 0)
            {
                circuitsByUser.Remove(userId);
            }
        }
    }

    public int CountFor(string userId)
    {
        lock (gate)
        {
            return circuitsByUser.TryGetValue(userId, out var circuits) ? circuits.Count : 0;
        }
    }
}

/// <summary>Whether this circuit got a slot (scoped: one per circuit). The main layout shows a message instead of the page when not.</summary>
public sealed class CircuitAdmission
{
    public bool IsRejected { get; internal set; }

    /// <summary>The cap the user hit, for the message.</summary>
    public int Limit { get; internal set; }
}

/// <summary>Admits each new circuit of a signed-in user against <see cref="CircuitLimitsOptions.MaxCircuitsPerUser"/>.</summary>
public sealed class UserCircuitLimitHandler(
    UserCircuitRegistry registry,
    CircuitAdmission admission,
    AuthenticationStateProvider authentication,
    IOptionsMonitor<CircuitLimitsOptions> options,
    ILogger<UserCircuitLimitHandler> logger) : CircuitHandler
{
    private string? admittedUserId;

    // Runs before the circuit renders anything, so the layout already knows the outcome on its first render.
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null)
        {
            // Anonymous circuits (the not-found page) are bounded by the retention limits only.
            return;
        }

        if (registry.TryAdmit(userId, circuit.Id))
        {
            admittedUserId = userId;
            return;
        }

        admission.Limit = options.CurrentValue.MaxCircuitsPerUser;
        admission.IsRejected = true;
        logger.LogWarning("User {UserId} is at the cap of {Limit} open circuits; circuit {CircuitId} shows the limit message", userId, admission.Limit, circuit.Id);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (admittedUserId is not null)
        {
            registry.Release(admittedUserId, circuit.Id);
            admittedUserId = null;
        }

        return Task.CompletedTask;
    }
}
