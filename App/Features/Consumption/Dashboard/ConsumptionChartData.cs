using BlazorPartner.Features.Customers;

namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>A chart point: the label on the axis, the amount in yuan (decimal from fen) and what clicking it drills into.</summary>
public sealed record ConsumptionChartPoint(string Category, Core.Currency.Money Amount, ConsumptionDrillDown DrillDown)
{
    /// <summary>The chart's value: yuan as a decimal, exact from fen.</summary>
    public decimal Yuan => Amount.Yuan;
}

/// <summary>Turns a summary into chart series; the components only render them.</summary>
public static class ConsumptionChartData
{
    /// <summary>One series per charge mode, a point per month of the range (zero where nothing was consumed), for stacking.</summary>
    public static IReadOnlyList<(ChargeMode Mode, IReadOnlyList<ConsumptionChartPoint> Points)> Trend(ConsumptionSummary summary)
    {
        var months = new List<DateOnly>();
        for (var month = summary.FromMonth; month <= summary.ToMonth; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        var sums = summary.Trend.ToDictionary(t => (t.Month, t.ChargeMode), t => t.Amount.Fen);
        return Enum.GetValues<ChargeMode>()
            .Select(mode => (mode, (IReadOnlyList<ConsumptionChartPoint>)months
                .Select(m => new ConsumptionChartPoint(m.ToString("yyyy-MM"), new Core.Currency.Money(sums.GetValueOrDefault((m, mode))), new ConsumptionDrillDown { Month = m, ChargeMode = mode }))
                .ToList()))
            .ToList();
    }

    public static IReadOnlyList<ConsumptionChartPoint> Products(ConsumptionSummary summary) =>
        summary.TopProducts.Select(p => new ConsumptionChartPoint(p.Label, p.Amount, new ConsumptionDrillDown { ProductCode = p.Key })).ToList();

    public static IReadOnlyList<ConsumptionChartPoint> Customers(ConsumptionSummary summary) =>
        summary.TopCustomers.Select(c => new ConsumptionChartPoint(c.Label, c.Amount, new ConsumptionDrillDown { CustomerId = Guid.Parse(c.Key) })).ToList();

    public static IReadOnlyList<ConsumptionChartPoint> Managers(ConsumptionSummary summary, string unattributed) =>
        summary.ByManager.Select(m => new ConsumptionChartPoint(m.Key == ConsumptionFilter.Unattributed ? unattributed : m.Label, m.Amount, new ConsumptionDrillDown { AccountManagerUserId = m.Key })).ToList();

    /// <summary>A drill-down on top of another: the newer click wins on the dimensions it sets.</summary>
    public static ConsumptionDrillDown Merge(ConsumptionDrillDown current, ConsumptionDrillDown clicked) => new()
    {
        Month = clicked.Month ?? current.Month,
        ProductCode = clicked.ProductCode ?? current.ProductCode,
        CustomerId = clicked.CustomerId ?? current.CustomerId,
        AccountManagerUserId = clicked.AccountManagerUserId ?? current.AccountManagerUserId,
        ChargeMode = clicked.ChargeMode ?? current.ChargeMode,
    };
}
