using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;

namespace BlazorPartner.Features.Consumption;

/// <summary>A customer the generator makes consumption for, with whom it is attributed to (see <see cref="ConsumptionAttribution"/>).</summary>
public sealed record GeneratedCustomer(Guid OrganizationId, Guid CustomerId, AssociationMode Mode, Func<DateOnly, string?> ManagerOn);

/// <summary>
/// Realistic demo consumption: each customer gets a size (log-normal, so a few are much larger than the rest), a few
/// products with resources and sub-users, monthly growth, seasonality (a Spring Festival dip in February, a peak around
/// Double 11 in November) and daily noise. Yearly/monthly resources are charged on the first of the month, on-demand and
/// savings-plan resources daily. Deterministic for a seed, and streamed: the demo data stores a few thousand rows, the
/// benchmark millions through a bulk writer.
/// </summary>
public static class ConsumptionGenerator
{
    public static readonly IReadOnlyList<string> Regions = ["cn-north-4", "cn-east-3", "cn-south-1", "cn-southwest-2", "ap-southeast-1"];

    private static readonly string[] SubUsers = ["", "", "dev-team", "ops", "data-analytics"];

    // The double only shapes the synthetic curve; every stored amount is whole fen and discounts are integer arithmetic.
    /// <summary>Yields every record from <paramref name="fromDay"/> to <paramref name="toDay"/> (inclusive) for the customers.</summary>
    public static IEnumerable<ConsumptionRecord> Generate(IReadOnlyList<GeneratedCustomer> customers, DateOnly fromDay, DateOnly toDay, int seed = 7)
    {
        var products = VoucherCatalog.Products;
        for (var c = 0; c < customers.Count; c++)
        {
            var customer = customers[c];
            // Not HashCode.Combine: it is randomized per process, which made "deterministic for a seed" true only within
            // one run (a test expecting the last day of consumption failed in the runs where customer 0 drew only
            // monthly-prepaid resources, which bill on the 1st).
            var random = new Random(unchecked((seed * 1_000_003) + c));

            // Log-normal size: median about 60 yuan a day per resource, one customer in twenty around ten times that.
            var size = Math.Exp(NextGaussian(random) * 0.9) * (random.NextDouble() < 0.05 ? 10 : 1);
            var growth = 0.005 + random.NextDouble() * 0.04;
            var resources = Enumerable.Range(0, 2 + random.Next(4)).Select(r =>
            {
                var product = products[random.Next(products.Count)];
                var mode = (ChargeMode)(random.Next(10) switch { < 3 => 0, < 8 => 1, _ => 2 });
                return new Resource(
                    product,
                    VoucherCatalog.TypeOf(product) ?? "Compute",
                    Regions[random.Next(Regions.Count)],
                    mode,
                    $"{product.ToLowerInvariant()}-{customer.CustomerId.ToString("N")[..8]}-{r:D2}",
                    SubUsers[random.Next(SubUsers.Length)],
                    6_000 * size * (0.5 + random.NextDouble()),
                    random.Next(0, 4) * 5);
            }).ToList();

            for (var day = fromDay; day <= toDay; day = day.AddDays(1))
            {
                var monthsIn = (day.Year - fromDay.Year) * 12 + day.Month - fromDay.Month;
                var trend = Math.Pow(1 + growth, monthsIn) * Seasonality(day.Month);
                foreach (var resource in resources)
                {
                    long listPrice;
                    if (resource.Mode == ChargeMode.YearlyMonthly)
                    {
                        if (day.Day != 1)
                        {
                            continue;
                        }

                        listPrice = (long)(resource.DailyFen * 30 * trend);
                    }
                    else
                    {
                        var noise = resource.Mode == ChargeMode.SavingsPlan ? 1 : 0.7 + random.NextDouble() * 0.6;
                        listPrice = (long)(resource.DailyFen * trend * noise);
                    }

                    listPrice = Math.Max(listPrice, 1);
                    var discount = listPrice * resource.DiscountPercent / 100;
                    yield return new ConsumptionRecord
                    {
                        OrganizationId = customer.OrganizationId,
                        CustomerId = customer.CustomerId,
                        Day = day,
                        ProductCode = resource.Product,
                        ServiceType = resource.ServiceType,
                        Region = resource.Region,
                        ChargeMode = resource.Mode,
                        ResourceId = resource.Id,
                        SubUserAccount = resource.SubUser,
                        ListPriceFen = listPrice,
                        DiscountFen = discount,
                        AmountDueFen = listPrice - discount,
                        AccountManagerUserId = customer.ManagerOn(day),
                        AssociationMode = customer.Mode,
                    };
                }
            }
        }
    }

    /// <summary>Spring Festival dip in February, a climb to the Double 11 peak in November, a quieter summer.</summary>
    private static double Seasonality(int month) => month switch
    {
        2 => 0.8,
        7 or 8 => 0.92,
        11 => 1.25,
        12 => 1.1,
        _ => 1.0,
    };

    private static double NextGaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private sealed record Resource(string Product, string ServiceType, string Region, ChargeMode Mode, string Id, string SubUser, double DailyFen, int DiscountPercent);
}
