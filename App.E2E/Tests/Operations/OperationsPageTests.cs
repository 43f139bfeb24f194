using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Operations;

/// <summary>The vendor operator's counters (issue 9 §5) count the circuit that shows them and the host's running jobs.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class OperationsPageTests(VendorOperatorSession vendor) : IClassFixture<VendorOperatorSession>
{
    [Fact]
    public async Task The_counters_count_this_circuit_and_list_the_running_jobs()
    {
        await vendor.RunAsync(async page =>
        {
            await page.GotoInteractiveAsync("vendor/operations");
            var circuits = page.GetByTestId("operations-circuits");
            await Expect(circuits).ToHaveTextAsync(CircuitsText());
            var text = await circuits.InnerTextAsync();
            var open = int.Parse(CircuitsText().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(open >= 1, $"This page's own circuit is open: {text}");
            await Expect(page.GetByTestId("operations-exports")).ToContainTextAsync("waiting");
        });
    }

    [GeneratedRegex(@"^(\d+) open, (\d+) connected$")]
    private static partial Regex CircuitsText();
}
