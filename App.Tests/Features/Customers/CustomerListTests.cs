using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>The list's filters, search, sort, paging and low-balance flag, and the export of the filtered list.</summary>
public class CustomerListTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly string OkCode = CustomerFactory.CreditCodeFor(777_000_001);

    private sealed record Seeded(Guid Ok, Guid Low, Guid Zero, Guid Arrears, Guid NoThreshold, Guid Consultative, Guid Unbound);

    private static async Task<Seeded> SeedAsync(TestWorld world)
    {
        var now = world.Clock.GetUtcNow().UtcDateTime;
        var ok = await world.AddCustomerAsync("余额充足公司", world.Manager1A, balanceFen: 50_000_00, thresholdFen: 1_000_00, associatedAtUtc: now.AddDays(-7), creditCode: OkCode);
        var low = await world.AddCustomerAsync("余额不足公司", world.Manager1A, balanceFen: 500_00, thresholdFen: 1_000_00, associatedAtUtc: now.AddDays(-6));
        var zero = await world.AddCustomerAsync("余额为零公司", world.Manager2A, balanceFen: 0, thresholdFen: 1_000_00, associatedAtUtc: now.AddDays(-5));
        var arrears = await world.AddCustomerAsync("欠费公司", world.Manager2A, balanceFen: 0, thresholdFen: 1_000_00, arrearsFen: 88_00, associatedAtUtc: now.AddDays(-4));
        var noThreshold = await world.AddCustomerAsync("无阈值公司", world.Manager2A, balanceFen: 1_00, associatedAtUtc: now.AddDays(-3));
        var consultative = await world.AddCustomerAsync("顾问销售公司", world.Manager1A, mode: AssociationMode.Consultative, associatedAtUtc: now.AddDays(-2));
        var unbound = await world.AddCustomerAsync("已解绑公司", world.Manager1A, balanceFen: 100_00, associatedAtUtc: now.AddDays(-1));
        await world.Get<CustomerUnbinding>().UnbindAsync(world.AdminA, new CustomerTarget(unbound));
        return new Seeded(ok, low, zero, arrears, noThreshold, consultative, unbound);
    }

    private static async Task<Guid[]> IdsAsync(TestWorld world, CustomerQuery query) =>
        (await world.Get<CustomerQueries>().ListAsync(world.AdminA, query with { Take = 200 })).Items.Select(r => r.Id).ToArray();

    [Theory, MemberData(nameof(Providers))]
    public async Task Filters_by_mode_manager_balance_state_status_and_search_on_the_server(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var s = await SeedAsync(world);

        Assert.Equal([s.Consultative], await IdsAsync(world, new CustomerQuery { Mode = AssociationMode.Consultative }));
        Assert.Equal(new[] { s.Ok, s.Low, s.Consultative, s.Unbound }.Order(), (await IdsAsync(world, new CustomerQuery { AccountManagerUserId = world.Manager1A.UserId })).Order());
        Assert.Equal([s.Low], await IdsAsync(world, new CustomerQuery { BalanceState = CustomerBalanceState.Low }));
        Assert.Equal([s.Zero], await IdsAsync(world, new CustomerQuery { BalanceState = CustomerBalanceState.Zero, Status = CustomerStatus.Associated }));
        Assert.Equal([s.Arrears], await IdsAsync(world, new CustomerQuery { BalanceState = CustomerBalanceState.Arrears }));
        Assert.Equal(new[] { s.Ok, s.NoThreshold }.Order(), (await IdsAsync(world, new CustomerQuery { BalanceState = CustomerBalanceState.Ok, Status = CustomerStatus.Associated })).Order());
        Assert.Equal([s.Unbound], await IdsAsync(world, new CustomerQuery { Status = CustomerStatus.Unbound }));
        Assert.Equal(6, (await IdsAsync(world, new CustomerQuery { Status = CustomerStatus.Associated })).Length);
        Assert.Equal([s.Low], await IdsAsync(world, new CustomerQuery { Search = "不足" }));
        Assert.Equal([s.Ok], await IdsAsync(world, new CustomerQuery { Search = " " + OkCode[..15].ToLowerInvariant() + " " }));
        Assert.Equal([s.Low], await IdsAsync(world, new CustomerQuery { Search = "余额", BalanceState = CustomerBalanceState.Low, Mode = AssociationMode.Resale }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sorts_pages_and_flags_low_balances(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var s = await SeedAsync(world);
        var queries = world.Get<CustomerQueries>();

        // Default: newest association first, ten a page.
        var first = await queries.ListAsync(world.AdminA, new CustomerQuery { Take = 3 });
        Assert.Equal(7, first.TotalCount);
        Assert.Equal([s.Unbound, s.Consultative, s.NoThreshold], first.Items.Select(r => r.Id));
        var second = await queries.ListAsync(world.AdminA, new CustomerQuery { Take = 3, Skip = 3 });
        Assert.Equal([s.Arrears, s.Zero, s.Low], second.Items.Select(r => r.Id));
        var byBalance = await IdsAsync(world, new CustomerQuery { Sort = CustomerSort.Balance, Descending = true });
        Assert.Equal(s.Ok, byBalance[0]);

        var rows = (await queries.ListAsync(world.AdminA, new CustomerQuery { Take = 200 })).Items.ToDictionary(r => r.Id);
        Assert.True(rows[s.Low].IsLowBalance);
        Assert.True(rows[s.Zero].IsLowBalance);
        Assert.False(rows[s.Ok].IsLowBalance);
        Assert.False(rows[s.NoThreshold].IsLowBalance);
        Assert.False(rows[s.Consultative].IsLowBalance);
        Assert.Null(rows[s.Consultative].BalanceState);
        Assert.Equal(CustomerBalanceState.Arrears, rows[s.Arrears].BalanceState);
        Assert.Equal("Manager One", rows[s.Low].AccountManagerName);
        Assert.Equal(CustomerQuery.DefaultPageSize, new CustomerQuery().Take);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Export_writes_every_row_of_the_filter_with_names_phones_and_emails_masked(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var s = await SeedAsync(world);

        using var file = new MemoryStream();
        // Admin holds the reveal permission: the file is masked all the same.
        var written = await world.CustomerExporter().ExportAsync(world.AdminA, new CustomerQuery { Mode = AssociationMode.Resale, Status = CustomerStatus.Associated, Sort = CustomerSort.AssociatedAt, Descending = false, Take = 2 }, file);

        Assert.Equal(5, written);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(6, rows.Count);
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal(["Customer name", "Credit code", "Association mode"], header.Take(3));
        Assert.Equal("Phone", header[10]);
        var first = rows[1].Elements<Cell>().Select(Text).ToList();
        Assert.Equal("余*****", first[0]);
        Assert.Equal(OkCode, first[1]);
        Assert.Equal("Resale", first[2]);
        Assert.Equal("50000", first[5]);
        Assert.Equal("张*", first[9]);
        Assert.Equal("138****5678", first[10]);
        Assert.Equal("z***@example.cn", first[11]);
        var all = string.Join("|", rows.SelectMany(r => r.Elements<Cell>()).Select(Text));
        Assert.DoesNotContain("13812345678", all);
        Assert.DoesNotContain("zhang.wei", all);
        Assert.DoesNotContain("余额充足", all);
        Assert.DoesNotContain("顾问", all);
        Assert.Equal("Below threshold", Text(rows[2].Elements<Cell>().ElementAt(8)));
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
