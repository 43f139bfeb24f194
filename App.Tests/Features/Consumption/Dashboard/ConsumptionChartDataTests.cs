using BlazorPartner.Core.Currency;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Dashboard;

namespace BlazorPartner.Tests.Features.Consumption.Dashboard;

/// <summary>The ranked charts' bar widths: relative to the largest amount, culture-proof for CSS, no bar for nothing or refunds.</summary>
public class ConsumptionChartDataTests
{
    private static ConsumptionChartPoint Point(string category, long fen) => new(category, new Money(fen), new ConsumptionDrillDown { ProductCode = category });

    [Fact]
    public void Bars_are_a_percentage_of_the_largest_amount()
    {
        var widths = ConsumptionChartData.BarWidths([Point("ECS", 80_000), Point("OBS", 20_000), Point("EVS", 30_001)]);

        Assert.Equal(["100", "25", "37.5"], widths.Select(w => w.Percent));
        Assert.Equal(["ECS", "OBS", "EVS"], widths.Select(w => w.Point.Category));
    }

    [Fact]
    public void Zero_and_negative_amounts_draw_no_bar_and_an_all_zero_chart_divides_by_nothing()
    {
        Assert.Equal(["100", "0", "0"], ConsumptionChartData.BarWidths([Point("ECS", 500), Point("OBS", 0), Point("EVS", -200)]).Select(w => w.Percent));
        Assert.Equal(["0", "0"], ConsumptionChartData.BarWidths([Point("ECS", 0), Point("OBS", -1)]).Select(w => w.Percent));
        Assert.Empty(ConsumptionChartData.BarWidths([]));
    }

    [Fact]
    public void Widths_use_a_dot_whatever_the_thread_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("33.3", ConsumptionChartData.BarWidths([Point("ECS", 300), Point("OBS", 100)])[1].Percent);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}

/// <summary>The trend chart's geometry: stacked segments per month, a rounded value axis, refunds drawing nothing.</summary>
public class ConsumptionTrendLayoutTests
{
    private static readonly DateOnly September = new(2026, 9, 1);

    private static ConsumptionSummary Summary(DateOnly from, DateOnly to, params (DateOnly Month, ChargeMode Mode, long Fen)[] sums) =>
        new(Guid.NewGuid(), from, to, null!, Money.Zero, sums.Select(s => new ConsumptionTrendPoint(s.Month, s.Mode, new Money(s.Fen))).ToList(), [], [], [], null!);

    [Fact]
    public void Segments_stack_per_month_in_series_order_and_the_axis_rounds_up_to_a_nice_step()
    {
        var series = ConsumptionChartData.Trend(Summary(September, September.AddMonths(1),
            (September, ChargeMode.YearlyMonthly, 30_000_00), (September, ChargeMode.OnDemand, 10_000_00), (September.AddMonths(1), ChargeMode.OnDemand, 7_000_00)));

        var layout = ConsumptionChartData.LayoutTrend(series);

        // The largest column is 40,000 yuan: steps of 10,000 yuan, four of them.
        Assert.Equal([0m, 10_000m, 20_000m, 30_000m, 40_000m], layout.Axis.Select(t => t.Amount.Yuan));
        Assert.Equal(["2026-09", "2026-10"], layout.Months.Select(m => m.Text));

        var september = layout.Segments.Where(s => s.Point.DrillDown.Month == September).ToList();
        Assert.Equal([ChargeMode.YearlyMonthly, ChargeMode.OnDemand], september.Select(s => s.Mode));

        // The first segment sits on the axis; the second starts where the first ends; together they reach the top.
        double Number(string value) => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TrendChartLayout.PlotBottom, Number(september[0].Y) + Number(september[0].Height), 1);
        Assert.Equal(Number(september[0].Y), Number(september[1].Y) + Number(september[1].Height), 1);
        Assert.Equal(TrendChartLayout.PlotTop, Number(september[1].Y), 1);

        var october = Assert.Single(layout.Segments, s => s.Point.DrillDown.Month == September.AddMonths(1));
        Assert.Equal(ChargeMode.OnDemand, october.Point.DrillDown.ChargeMode);
    }

    [Fact]
    public void Refund_months_and_an_empty_range_draw_no_segments()
    {
        var layout = ConsumptionChartData.LayoutTrend(ConsumptionChartData.Trend(Summary(September, September.AddMonths(2), (September, ChargeMode.OnDemand, -500))));

        Assert.Empty(layout.Segments);
        Assert.Equal(3, layout.Months.Count);
        Assert.Equal([0m, 1m], layout.Axis.Select(t => t.Amount.Yuan));
    }

    [Fact]
    public void Eighteen_months_label_every_other_month()
    {
        var layout = ConsumptionChartData.LayoutTrend(ConsumptionChartData.Trend(Summary(September.AddMonths(-17), September)));

        Assert.Equal(9, layout.Months.Count);
        Assert.Equal("2025-04", layout.Months[0].Text);
    }
}
