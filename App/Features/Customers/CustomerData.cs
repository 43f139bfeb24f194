using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>The slice's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class CustomerData
{
    extension(AppDbContext db)
    {
        public DbSet<Customer> Customers => db.Set<Customer>();

        public DbSet<CustomerAssignment> CustomerAssignments => db.Set<CustomerAssignment>();
    }
}
