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

    /// <summary>
    /// Lays the stacked monthly trend out in a <see cref="TrendChartLayout.Width"/> x <see cref="TrendChartLayout.Height"/>
    /// SVG box: one column per month, a segment per charge mode with an amount (stacked in <paramref name="series"/> order),
    /// and a value axis rounded up to 1, 2 or 5 times a power of ten. Negative sums (refunds) draw nothing.
    /// </summary>
    public static TrendChartLayout LayoutTrend(IReadOnlyList<(ChargeMode Mode, IReadOnlyList<ConsumptionChartPoint> Points)> series)
    {
        var months = series.Count == 0 ? 0 : series[0].Points.Count;
        var totals = Enumerable.Range(0, months).Select(m => series.Sum(s => Math.Max(0, s.Points[m].Amount.Fen))).ToList();
        var (step, ticks) = NiceAxis(totals.Count == 0 ? 0 : totals.Max());
        var top = step * ticks;
        var plotHeight = TrendChartLayout.PlotBottom - TrendChartLayout.PlotTop;
        var band = months == 0 ? 0 : (TrendChartLayout.Width - TrendChartLayout.PlotLeft - TrendChartLayout.PlotRight) / (double)months;
        double Y(long fen) => TrendChartLayout.PlotBottom - (top == 0 ? 0 : plotHeight * (double)fen / top);

        var segments = new List<TrendSegment>();
        var labels = new List<TrendMonthLabel>();
        var labelEvery = months > 12 ? 2 : 1;
        for (var m = 0; m < months; m++)
        {
            var left = TrendChartLayout.PlotLeft + m * band + band * 0.15;
            long stacked = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var point = series[s].Points[m];
                if (point.Amount.Fen <= 0)
                {
                    continue;
                }

                var bottom = Y(stacked);
                stacked += point.Amount.Fen;
                segments.Add(new TrendSegment(s, series[s].Mode, point, Svg(left), Svg(Y(stacked)), Svg(band * 0.7), Svg(bottom - Y(stacked))));
            }

            if (m % labelEvery == 0)
            {
                labels.Add(new TrendMonthLabel(series[0].Points[m].Category, Svg(left + band * 0.35)));
            }
        }

        var axis = Enumerable.Range(0, ticks + 1).Select(i => new TrendAxisTick(new Core.Currency.Money(step * i), Svg(Y(step * i)))).ToList();
        return new TrendChartLayout(segments, labels, axis);
    }

    /// <summary>A value axis of at most five steps, each 1, 2 or 5 times a power of ten yuan (whole yuan at least).</summary>
    private static (long StepFen, int Ticks) NiceAxis(long maxFen)
    {
        if (maxFen <= 0)
        {
            return (100, 1);
        }

        long step = 100;
        while (true)
        {
            foreach (var factor in new[] { 1L, 2L, 5L })
            {
                if (step * factor * 5 >= maxFen)
                {
                    return (step * factor, (int)((maxFen + step * factor - 1) / (step * factor)));
                }
            }

            step *= 10;
        }
    }

    private static string Svg(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Each point with its bar's width as a percentage of the largest (invariant culture, for a CSS width); negative
    /// totals (refund-heavy rows) draw no bar.
    /// </summary>
    public static IReadOnlyList<(ConsumptionChartPoint Point, string Percent)> BarWidths(IReadOnlyList<ConsumptionChartPoint> points)
    {
        var largest = points.Count == 0 ? 0 : points.Max(p => p.Amount.Fen);
        return points
            .Select(p => (p, largest <= 0 || p.Amount.Fen <= 0 ? "0" : (p.Amount.Fen * 100m / largest).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

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

/// <summary>The trend chart drawn by the page itself: what the SVG needs, already in invariant-culture coordinates.</summary>
public sealed record TrendChartLayout(IReadOnlyList<TrendSegment> Segments, IReadOnlyList<TrendMonthLabel> Months, IReadOnlyList<TrendAxisTick> Axis)
{
    public const int Width = 760;
    public const int Height = 300;
    public const int PlotLeft = 72;
    public const int PlotRight = 8;
    public const int PlotTop = 24;
    public const int PlotBottom = 270;
}

/// <summary>One charge mode's part of one month's column; <see cref="SeriesIndex"/> picks the theme's series colour.</summary>
public sealed record TrendSegment(int SeriesIndex, ChargeMode Mode, ConsumptionChartPoint Point, string X, string Y, string Width, string Height);

public sealed record TrendMonthLabel(string Text, string X);

public sealed record TrendAxisTick(Core.Currency.Money Amount, string Y);
