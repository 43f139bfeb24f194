using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Billing;

/// <summary>The slice's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class BillingData
{
    extension(AppDbContext db)
    {
        public DbSet<Bill> Bills => db.Set<Bill>();

        public DbSet<BillLine> BillLines => db.Set<BillLine>();

        public DbSet<BillAdjustment> BillAdjustments => db.Set<BillAdjustment>();
    }
}
