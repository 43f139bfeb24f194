using BlazorPartner.Core.Data;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption.Import;

public class ConsumptionBulkWriterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Bulk_writer_inserts_new_rows_ignores_existing_natural_keys_and_round_trips_through_ef(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var held = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId, mode: AssociationMode.Consultative);
        var nobody = await w.CustomerAsync(w.World.PartnerA);
        var importId = Guid.NewGuid();
        var records = Enumerable.Range(0, 40).Select(i => new ConsumptionRecord
        {
            OrganizationId = w.World.PartnerA,
            CustomerId = i % 2 == 0 ? held.Id : nobody.Id,
            Day = new DateOnly(2026, 10, 1).AddDays(i % 20),
            ProductCode = "ECS",
            ServiceType = "Compute",
            Region = "cn-north-4",
            ChargeMode = (ChargeMode)(i % 3),
            ResourceId = $"ecs-{i:D3}",
            SubUserAccount = i % 4 == 0 ? "ops" : "",
            ListPriceFen = 10_000 + i,
            DiscountFen = i,
            AmountDueFen = 10_000,
            AccountManagerUserId = i % 2 == 0 ? w.World.Manager1A.UserId : null,
            AssociationMode = i % 2 == 0 ? AssociationMode.Consultative : AssociationMode.Resale,
            ImportId = i < 20 ? importId : null,
        }).ToList();

        await using (var db = await w.Factory.CreateSystemAsync())
        {
            Assert.Equal(40, await ConsumptionBulkWriter.WriteAsync(db, records));
        }

        await using (var db = await w.Factory.CreateSystemAsync())
        {
            Assert.Equal(0, await ConsumptionBulkWriter.WriteAsync(db, records));
        }

        var stored = await w.RecordsAsync();
        Assert.Equal(40, stored.Count);
        foreach (var (expected, actual) in records.Zip(stored.OrderBy(r => r.ListPriceFen)))
        {
            Assert.Equal(expected.OrganizationId, actual.OrganizationId);
            Assert.Equal(expected.CustomerId, actual.CustomerId);
            Assert.Equal(expected.Day, actual.Day);
            Assert.Equal(expected.ChargeMode, actual.ChargeMode);
            Assert.Equal(expected.ResourceId, actual.ResourceId);
            Assert.Equal(expected.SubUserAccount, actual.SubUserAccount);
            Assert.Equal(expected.ListPriceFen, actual.ListPriceFen);
            Assert.Equal(expected.DiscountFen, actual.DiscountFen);
            Assert.Equal(expected.AmountDueFen, actual.AmountDueFen);
            Assert.Equal(expected.AccountManagerUserId, actual.AccountManagerUserId);
            Assert.Equal(expected.AssociationMode, actual.AssociationMode);
            Assert.Equal(expected.ImportId, actual.ImportId);
        }

        // EF queries by Guid and DateOnly find the bulk-written rows (same stored representation).
        await using (var db = await w.Factory.CreateSystemAsync())
        {
            var day = new DateOnly(2026, 10, 3);
            Assert.Equal(2, await db.ConsumptionRecords.CountAsync(r => r.CustomerId == held.Id && r.Day == day));
            Assert.Equal(20, await db.ConsumptionRecords.CountAsync(r => r.ImportId == importId));
        }

        // A new row mixed with known ones: only it is inserted.
        var extra = records[0];
        extra.ResourceId = "ecs-new";
        await using (var db = await w.Factory.CreateSystemAsync())
        {
            Assert.Equal(1, await ConsumptionBulkWriter.WriteAsync(db, records));
        }
    }
}
