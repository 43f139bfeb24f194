using System.Globalization;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Platform.Exports;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Exports;

/// <summary>The list exports moved onto the export center: queued with the page's query, written as the requester, a valid workbook.</summary>
public sealed class ListExportDefinitionTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_opportunity_export_runs_in_the_background_with_the_grids_query(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        await world.ShareAsync(customer: "Alpha Cloud");
        await world.ShareAsync(customer: "Beta Cloud");
        await world.ShareAsync(partner: world.PartnerB, customer: "Gamma Cloud");
        var query = new OpportunityQuery { Search = "Cloud", Skip = 10, Take = 10 };

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Guid id;
        try
        {
            // Finance may not export opportunities: refused now, nothing stored.
            await Assert.ThrowsAsync<AccessDeniedException>(() => rig.Center.EnqueueAsync(world.FinanceA, OpportunityExportDefinition.KindCode, OpportunityExportDefinition.Parameters(query)));
            Assert.Equal((0, 0), await rig.CountAsync());
            id = await rig.Center.EnqueueAsync(world.AdminA, OpportunityExportDefinition.KindCode, OpportunityExportDefinition.Parameters(query));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(1, await rig.Worker.DrainAsync());
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Completed, job.Status);
        Assert.Equal(2, job.TotalRows); // Partner A's two, every page (the grid's skip is dropped), not Partner B's
        Assert.StartsWith("Opportunities-", job.FileName);
        var rows = ExportCenterTests.ReadRows(await rig.ReadFileAsync(id));
        Assert.Equal("Number", rows[0][0]);
        Assert.Equal(["Alpha Cloud", "Beta Cloud"], rows.Skip(1).Select(r => r[2]).Order().ToArray());
        Assert.NotNull(await rig.Center.FindDownloadAsync(world.AdminA, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_customer_funds_and_voucher_log_exports_run_as_jobs(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var jobs = new[]
        {
            await rig.Center.EnqueueAsync(world.AdminA, CustomerExportDefinition.KindCode, CustomerExportDefinition.ToParameters(new CustomerQuery())),
            await rig.Center.EnqueueAsync(world.AdminA, FundsExportDefinition.KindCode, FundsExportDefinition.ToParameters(new LedgerQuery())),
            await rig.Center.EnqueueAsync(world.AdminA, VoucherLogExportDefinition.KindCode, VoucherLogExportDefinition.ToParameters(new OperationLogQuery())),
        };

        Assert.Equal(3, await rig.Worker.DrainAsync());
        foreach (var id in jobs)
        {
            var job = await rig.LoadAsync(id);
            Assert.True(job.Status == ExportJobStatus.Completed, $"{job.Kind}: {job.Status} {job.ErrorCode} {job.ErrorKey}");
            var rows = ExportCenterTests.ReadRows(await rig.ReadFileAsync(id));
            Assert.Single(rows); // the header: the test world has no customers, ledger entries or voucher operations
        }

        await Assert.ThrowsAsync<ValidationException>(() => rig.Center.EnqueueAsync(world.AdminA, FundsExportDefinition.KindCode, "not json"));
    }
}
