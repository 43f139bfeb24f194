using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption.Import;

/// <summary>Upload, background validation, the operator's choice, idempotent import, attribution (R18), rollups, permissions.</summary>
public class ConsumptionImportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static string Line(string code, string day, string resource, decimal list = 10m, decimal discount = 1.5m, string product = "ECS", string type = "Compute", string mode = "OnDemand", string sub = "") =>
        string.Join(',', code, day, product, type, "cn-north-4", mode, resource, sub, list.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            discount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), (list - discount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

    private static Stream Csv(params string[] lines) => new MemoryStream(Encoding.UTF8.GetBytes(ConsumptionFileReaderTests.Header + "\n" + string.Join("\n", lines)));

    private static async Task<Guid> UploadAndValidateAsync(ConsumptionImportWorld w, params string[] lines)
    {
        using var csv = Csv(lines);
        var id = await w.Imports.UploadAsync(w.World.Vendor, "consumption.csv", csv, csv.Length);
        Assert.Equal(1, await w.Runner.RunOnceAsync());
        return id;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_with_an_error_imports_nothing_unless_valid_rows_only_is_chosen(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var id = await UploadAndValidateAsync(w,
            Line(customer.CreditCode, "2026-11-01", "ecs-1"),
            Line(customer.CreditCode, "2026-11-02", "ecs-1"),
            Line("91000000000000000X", "2026-11-02", "ecs-1"));

        var validated = await w.Imports.GetAsync(w.World.Vendor, id);
        Assert.Equal(ConsumptionImportStatus.Validated, validated.Status);
        Assert.Equal((3, 2, 1), (validated.TotalRows, validated.ValidRows, validated.ErrorRows));
        var error = Assert.Single(await w.Imports.ErrorsAsync(w.World.Vendor, id));
        Assert.Equal((4, ConsumptionColumns.CustomerCreditCode, "ConsumptionImport.Error.UnknownCustomer", "91000000000000000X"), (error.RowNumber, error.Column, error.Code, error.RawValue));

        // The error report is a workbook with the row, the localized message and the raw value.
        using (var report = new MemoryStream())
        {
            Assert.Equal(1, await w.Imports.WriteErrorReportAsync(w.World.Vendor, id, report, TestWorld.Localizer));
            report.Position = 0;
            using var document = SpreadsheetDocument.Open(report, false);
            var text = document.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            Assert.Contains("91000000000000000X", text);
        }

        var refused = await Assert.ThrowsAsync<BusinessException>(() => w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing));
        Assert.Equal("ConsumptionImport.HasErrors", refused.ResourceKey);
        Assert.Equal(0, await w.Runner.RunOnceAsync());
        Assert.Empty(await w.RecordsAsync());

        await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.ValidRowsOnly);
        Assert.Equal(1, await w.Runner.RunOnceAsync());
        var done = await w.Imports.GetAsync(w.World.Vendor, id);
        Assert.Equal(ConsumptionImportStatus.Completed, done.Status);
        Assert.Equal((2L, 0L), (done.InsertedRows, done.SkippedRows));
        Assert.Equal(2, (await w.RecordsAsync()).Count);
        Assert.Equal(1, await w.World.AuditCountAsync(id, ConsumptionAuditActions.Import));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Re_importing_the_same_file_inserts_nothing_and_reports_the_rows_as_skipped(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        string[] lines = [Line(customer.CreditCode, "2026-10-01", "ecs-1"), Line(customer.CreditCode, "2026-11-01", "ecs-1", 20m, 0m)];

        var first = await UploadAndValidateAsync(w, lines);
        await w.Imports.ConfirmAsync(w.World.Vendor, first, ConsumptionImportMode.AllOrNothing);
        await w.Runner.RunOnceAsync();
        var rollupsAfterFirst = await w.RollupsAsync();

        var second = await UploadAndValidateAsync(w, lines);
        await w.Imports.ConfirmAsync(w.World.Vendor, second, ConsumptionImportMode.AllOrNothing);
        await w.Runner.RunOnceAsync();

        var view = await w.Imports.GetAsync(w.World.Vendor, second);
        Assert.Equal((ConsumptionImportStatus.Completed, 0L, 2L), (view.Status, view.InsertedRows, view.SkippedRows));
        Assert.Equal(2, (await w.RecordsAsync()).Count);
        Assert.Equal(rollupsAfterFirst.Sum(r => r.AmountDueFen), (await w.RollupsAsync()).Sum(r => r.AmountDueFen));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_an_import_attributes_days_before_a_mid_month_reassignment_to_the_old_manager_and_after_to_the_new(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        // Reassigned on 2026-10-15 at 15:00 Beijing: that whole day still counts for the old manager.
        await w.ReassignAsync(customer.Id, w.World.Manager2A.UserId, new DateTime(2026, 10, 15, 7, 0, 0, DateTimeKind.Utc));
        var id = await UploadAndValidateAsync(w,
            Line(customer.CreditCode, "2026-10-14", "ecs-1"),
            Line(customer.CreditCode, "2026-10-15", "ecs-1"),
            Line(customer.CreditCode, "2026-10-16", "ecs-1"),
            Line(customer.CreditCode, "2026-10-31", "ecs-1"));
        await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing);
        await w.Runner.RunOnceAsync();

        var byDay = (await w.RecordsAsync()).ToDictionary(r => r.Day, r => r.AccountManagerUserId);
        Assert.Equal(w.World.Manager1A.UserId, byDay[new DateOnly(2026, 10, 14)]);
        Assert.Equal(w.World.Manager1A.UserId, byDay[new DateOnly(2026, 10, 15)]);
        Assert.Equal(w.World.Manager2A.UserId, byDay[new DateOnly(2026, 10, 16)]);
        Assert.Equal(w.World.Manager2A.UserId, byDay[new DateOnly(2026, 10, 31)]);

        // The month's rollup keeps the split: two rows of two days each.
        var october = (await w.RollupsAsync()).Where(r => r.Month == new DateOnly(2026, 10, 1)).ToDictionary(r => r.AccountManagerUserId!, r => r.RecordCount);
        Assert.Equal(2, october[w.World.Manager1A.UserId]);
        Assert.Equal(2, october[w.World.Manager2A.UserId]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rollups_equal_the_sums_of_the_detail_after_an_import(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var a = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var b = await w.CustomerAsync(w.World.PartnerB);
        var lines = new List<string>();
        for (var d = 1; d <= 40; d++)
        {
            var day = new DateOnly(2026, 9, 20).AddDays(d).ToString("yyyy-MM-dd");
            lines.Add(Line(a.CreditCode, day, "ecs-1", 10m + d, d % 3));
            lines.Add(Line(b.CreditCode, day, "obs-1", 3m, 0m, "OBS", "Storage", "包年/包月"));
        }

        var id = await UploadAndValidateAsync(w, [.. lines]);
        await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing);
        await w.Runner.RunOnceAsync();

        var detail = (await w.RecordsAsync())
            .GroupBy(r => (r.OrganizationId, Month: ConsumptionWindow.MonthOf(r.Day)))
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.ListPriceFen), g.Sum(r => r.DiscountFen), g.Sum(r => r.AmountDueFen), g.Count()));
        var rollups = (await w.RollupsAsync())
            .GroupBy(r => (r.OrganizationId, r.Month))
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.ListPriceFen), g.Sum(r => r.DiscountFen), g.Sum(r => r.AmountDueFen), g.Sum(r => r.RecordCount)));
        Assert.Equal(80, detail.Values.Sum(v => v.Item4));
        Assert.Equal(detail.OrderBy(k => k.Key).ToList(), rollups.OrderBy(k => k.Key).ToList());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_is_refused_for_roles_other_than_the_vendor_operator_and_stores_nothing(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var before = await w.World.CountRowsAsync();
        foreach (var actor in new[] { w.World.AdminA, w.World.FinanceA, w.World.Manager1A, w.World.AdminB })
        {
            using var csv = Csv(Line(customer.CreditCode, "2026-11-01", "ecs-1"));
            await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.UploadAsync(actor, "c.csv", csv, csv.Length));
            await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.ListAsync(actor));
        }

        var id = await UploadAndValidateAsync(w, Line(customer.CreditCode, "2026-11-01", "ecs-1"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.ConfirmAsync(w.World.AdminA, id, ConsumptionImportMode.AllOrNothing));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.ErrorsAsync(w.World.FinanceA, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.WriteErrorReportAsync(w.World.AdminA, id, new MemoryStream(), TestWorld.Localizer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Imports.CancelAsync(w.World.AdminA, id));

        Assert.Equal(before, await w.World.CountRowsAsync());
        Assert.Equal(ConsumptionImportStatus.Validated, (await w.Imports.GetAsync(w.World.Vendor, id)).Status);
        Assert.Empty(await w.RecordsAsync());
        await using var db = await w.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.ConsumptionImports.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_wrong_type_or_an_empty_file_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => w.Imports.UploadAsync(w.World.Vendor, "c.txt", new MemoryStream([1]), 1));
        Assert.Equal("ConsumptionImport.File.WrongType", wrong.FieldErrors["file"]);
        await Assert.ThrowsAsync<ValidationException>(() => w.Imports.UploadAsync(w.World.Vendor, "c.csv", new MemoryStream(), 0));
        await using var db = await w.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.ConsumptionImports.CountAsync());
        Assert.Equal(0, await db.ConsumptionImportChunks.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_missing_column_fails_the_import_with_a_file_level_message(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        using var csv = new MemoryStream("CustomerCreditCode,Day\nx,y"u8.ToArray());
        var id = await w.Imports.UploadAsync(w.World.Vendor, "c.csv", csv, csv.Length);
        await w.Runner.RunOnceAsync();
        var view = await w.Imports.GetAsync(w.World.Vendor, id);
        Assert.Equal((ConsumptionImportStatus.Failed, "ConsumptionImport.File.MissingColumn", "ProductCode"), (view.Status, view.FailureKey, view.FailureArgument));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_concurrent_runners_process_one_import_once(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var lines = Enumerable.Range(1, 200).Select(i => Line(customer.CreditCode, "2026-11-01", $"ecs-{i}")).ToArray();
        using var csv = Csv(lines);
        var id = await w.Imports.UploadAsync(w.World.Vendor, "c.csv", csv, csv.Length);
        var second = new ConsumptionImportRunner(w.Factory, w.Clock, Microsoft.Extensions.Options.Options.Create(new ConsumptionImportOptions { BatchSize = 50 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsumptionImportRunner>.Instance);

        var validations = await Task.WhenAll(Task.Run(() => w.Runner.RunOnceAsync()), Task.Run(() => second.RunOnceAsync()));
        Assert.Equal(1, validations.Sum());
        await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing);
        var imports = await Task.WhenAll(Task.Run(() => w.Runner.RunOnceAsync()), Task.Run(() => second.RunOnceAsync()));
        Assert.Equal(1, imports.Sum());

        var view = await w.Imports.GetAsync(w.World.Vendor, id);
        Assert.Equal((ConsumptionImportStatus.Completed, 200L, 0L), (view.Status, view.InsertedRows, view.SkippedRows));
        Assert.Equal(1, await w.World.AuditCountAsync(id, ConsumptionAuditActions.Import));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_clean_file_whose_customer_is_unbound_after_validation_stores_nothing_and_keeps_rows_already_there(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var kept = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var unbound = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var earlier = await UploadAndValidateAsync(w, Line(kept.CreditCode, "2026-11-01", "ecs-1"));
        await w.Imports.ConfirmAsync(w.World.Vendor, earlier, ConsumptionImportMode.AllOrNothing);
        await w.Runner.RunOnceAsync();
        var rollupsBefore = await w.RollupsAsync();

        // Rows of the first customer come first, so batches of 50 are written before the now unknown customer's row is met.
        var lines = Enumerable.Range(1, 120).Select(i => Line(kept.CreditCode, "2026-11-01", $"ecs-{i}"))
            .Append(Line(unbound.CreditCode, "2026-11-02", "ecs-x")).ToArray();
        var runner = new ConsumptionImportRunner(w.Factory, w.Clock, Microsoft.Extensions.Options.Options.Create(new ConsumptionImportOptions { BatchSize = 50 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsumptionImportRunner>.Instance);
        using var csv = Csv(lines);
        var id = await w.Imports.UploadAsync(w.World.Vendor, "late.csv", csv, csv.Length);
        Assert.Equal(1, await runner.RunOnceAsync());
        await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing);
        await using (var db = await w.Factory.CreateSystemAsync())
        {
            await db.Customers.Where(c => c.Id == unbound.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CustomerStatus.Unbound));
        }

        Assert.Equal(1, await runner.RunOnceAsync());

        var view = await w.Imports.GetAsync(w.World.Vendor, id);
        Assert.Equal((ConsumptionImportStatus.Failed, "ConsumptionImport.Failed.ChangedSinceValidation"), (view.Status, view.FailureKey));
        var record = Assert.Single(await w.RecordsAsync());
        Assert.Equal(earlier, record.ImportId);
        Assert.Equal(rollupsBefore.Sum(r => r.AmountDueFen), (await w.RollupsAsync()).Sum(r => r.AmountDueFen));
        Assert.Equal(0, await w.World.AuditCountAsync(id, ConsumptionAuditActions.Import));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_cancelled_upload_is_never_validated_or_imported(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA);
        using var csv = Csv(Line(customer.CreditCode, "2026-11-01", "ecs-1"));
        var id = await w.Imports.UploadAsync(w.World.Vendor, "c.csv", csv, csv.Length);
        await w.Imports.CancelAsync(w.World.Vendor, id);

        Assert.Equal(0, await w.Runner.RunOnceAsync());
        Assert.Equal(ConsumptionImportStatus.Cancelled, (await w.Imports.GetAsync(w.World.Vendor, id)).Status);
        await Assert.ThrowsAsync<BusinessException>(() => w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.ValidRowsOnly));
        await using var db = await w.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.ConsumptionImportChunks.CountAsync());
    }
}
