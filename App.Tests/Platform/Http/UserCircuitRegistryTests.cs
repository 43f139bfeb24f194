using BlazorPartner.Platform.Http;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Platform.Http;

public class UserCircuitRegistryTests
{
    private static UserCircuitRegistry Registry(int max) =>
        new(new StaticOptionsMonitor(new CircuitLimitsOptions { MaxCircuitsPerUser = max }));

    [Fact]
    public void Admits_up_to_the_cap_per_user_and_counts_users_separately()
    {
        var registry = Registry(2);

        Assert.True(registry.TryAdmit("ann", "c1"));
        Assert.True(registry.TryAdmit("ann", "c2"));
        Assert.False(registry.TryAdmit("ann", "c3"));
        Assert.True(registry.TryAdmit("bob", "c4"));
        Assert.Equal(2, registry.CountFor("ann"));
        Assert.Equal(1, registry.CountFor("bob"));
    }

    [Fact]
    public void A_refused_circuit_holds_no_slot_so_a_reload_after_closing_a_tab_gets_in()
    {
        var registry = Registry(1);
        Assert.True(registry.TryAdmit("ann", "tab1"));
        Assert.False(registry.TryAdmit("ann", "tab2"));

        registry.Release("ann", "tab2"); // the refused tab reloads: its old circuit closes (it was never counted)
        registry.Release("ann", "tab1"); // the user closes the first tab

        Assert.Equal(0, registry.CountFor("ann"));
        Assert.True(registry.TryAdmit("ann", "tab2-reloaded"));
    }

    [Fact]
    public void The_same_circuit_is_counted_once()
    {
        var registry = Registry(1);
        Assert.True(registry.TryAdmit("ann", "c1"));
        Assert.True(registry.TryAdmit("ann", "c1"));
        Assert.Equal(1, registry.CountFor("ann"));
    }

    [Fact]
    public void Zero_switches_the_cap_off()
    {
        var registry = Registry(0);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(registry.TryAdmit("ann", $"c{i}"));
        }
    }

    private sealed class StaticOptionsMonitor(CircuitLimitsOptions value) : IOptionsMonitor<CircuitLimitsOptions>
    {
        public CircuitLimitsOptions CurrentValue => value;

        public CircuitLimitsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CircuitLimitsOptions, string?> listener) => null;
    }
}
