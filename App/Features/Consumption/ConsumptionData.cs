using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption;

/// <summary>The slice's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class ConsumptionData
{
    extension(AppDbContext db)
    {
        public DbSet<ConsumptionRecord> ConsumptionRecords => db.Set<ConsumptionRecord>();

        public DbSet<ConsumptionMonthly> ConsumptionMonthly => db.Set<ConsumptionMonthly>();

        public DbSet<ConsumptionFreshness> ConsumptionFreshness => db.Set<ConsumptionFreshness>();
    }
}
