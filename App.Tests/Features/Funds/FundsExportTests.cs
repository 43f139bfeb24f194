using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Funds;

public class FundsExportTests
{
    [Fact]
    public async Task R21_the_ledger_export_writes_every_matching_line_not_just_the_page()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var customer = await world.AddCustomerAsync(name: "Export Co.");
        await world.TopUpAsync(1_000m);
        for (var i = 0; i < 12; i++)
        {
            await world.AllocateAsync(customer, 1m);
        }

        var exporter = new FundsExporter(world.FundsQueries(), TestWorld.Localizer, world.Clock);
        using var file = new MemoryStream();
        var all = new LedgerQuery { View = LedgerView.All };

        var written = await exporter.ExportAsync(world.FinanceA, all, file);

        Assert.Equal(25, written);
        Assert.Equal(25, await world.FundsQueries().CountLedgerAsync(world.FinanceA, all));
        Assert.True(file.Length > 0);
        Assert.Equal(12, await world.FundsQueries().StreamLedgerAsync(world.AdminA, new LedgerQuery { Kind = LedgerEntryKind.Allocate }).CountAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => exporter.ExportAsync(world.Manager1A, all, new MemoryStream()));
    }
}
