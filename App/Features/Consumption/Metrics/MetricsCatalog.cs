using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption.Metrics;

/// <summary>A calendar quarter (Beijing months).</summary>
public sealed record MetricQuarter(int Year, int Quarter)
{
    public DateOnly FirstMonth => new(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly LastMonth => FirstMonth.AddMonths(2);

    public MetricQuarter Previous => Of(FirstMonth.AddMonths(-3));

    public string Label => $"{Year}-Q{Quarter}";

    public static MetricQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public override string ToString() => Label;
}

public enum MetricValueKind
{
    Money,
    Percent,
    Count,
}

/// <summary>One line of the metrics page (R35); the keys are resource keys, the value one of money, percent or count.</summary>
public sealed record MetricRow(
    string Code,
    string NameKey,
    string MethodKey,
    string PeriodLabel,
    string ReconciliationKey,
    MetricValueKind Kind,
    Money? Money,
    decimal? Percent,
    int? Count);

public sealed record MetricsResult(Guid PartnerId, MetricQuarter Quarter, IReadOnlyList<MetricRow> Rows);

/// <summary>
/// R35: a small catalog of metrics computed from the monthly consumption rollup (never the detail) and the customers'
/// association times, for the whole partner (the page is for partner admins, finance and the vendor operator). Months
/// outside the R33 window count as no data.
/// </summary>
public sealed class MetricsCatalog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string ResaleConsumption = "resale.consumption";
    public const string ConsultativeConsumption = "consultative.consumption";
    public const string ConsultativeGrowth = "consultative.growth";
    public const string TotalConsumption = "total.consumption";
    public const string NewCustomers = "customers.new";
    public const string ActiveCustomers = "customers.active";

    /// <summary>The quarters that overlap the R33 window, newest first (the period picker).</summary>
    public IReadOnlyList<MetricQuarter> Quarters()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quarters = new List<MetricQuarter>();
        for (var q = MetricQuarter.Of(ConsumptionWindow.CurrentMonth(now)); q.LastMonth >= ConsumptionWindow.EarliestMonth(now); q = q.Previous)
        {
            quarters.Add(q);
        }

        return quarters;
    }

    public async Task<MetricsResult> ComputeAsync(Actor actor, Guid? partnerId, MetricQuarter quarter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ConsumptionQueries.ResolvePartnerAsync(db, actor, partnerId, ct, ConsumptionPermissions.ViewMetrics);
        if (quarter.Quarter is < 1 or > 4 || !Quarters().Contains(quarter))
        {
            throw new ValidationException(nameof(quarter), "Metrics.Error.Quarter");
        }

        var rollup = db.ConsumptionMonthly.AsNoTracking().Where(m => m.OrganizationId == partner);
        var byMode = await SumsByModeAsync(rollup, quarter, ct);
        var previous = await SumsByModeAsync(rollup, quarter.Previous, ct);
        var (from, to) = Months(quarter);
        var active = await rollup.Where(m => m.Month >= from && m.Month <= to)
            .GroupBy(m => m.CustomerId).Where(g => g.Sum(m => m.AmountDueFen) > 0).CountAsync(ct);
        var start = BeijingTime.StartOfDayUtc(quarter.FirstMonth);
        var end = BeijingTime.StartOfDayUtc(quarter.LastMonth.AddMonths(1));
        var newCustomers = await db.Customers.AsNoTracking()
            .CountAsync(c => c.OrganizationId == partner && c.AssociatedAtUtc >= start && c.AssociatedAtUtc < end, ct);

        var resale = byMode.GetValueOrDefault(AssociationMode.Resale);
        var consultative = byMode.GetValueOrDefault(AssociationMode.Consultative);
        var growth = ConsumptionChange.Of(consultative, previous.GetValueOrDefault(AssociationMode.Consultative));
        const string NextMonth = "Metrics.Reconciliation.NextMonth";
        const string QuarterEnd = "Metrics.Reconciliation.QuarterEnd";
        var period = quarter.Label;
        return new MetricsResult(partner, quarter,
        [
            MoneyRow(TotalConsumption, period, NextMonth, resale + consultative),
            MoneyRow(ResaleConsumption, period, NextMonth, resale),
            MoneyRow(ConsultativeConsumption, period, NextMonth, consultative),
            new(ConsultativeGrowth, NameKey(ConsultativeGrowth), MethodKey(ConsultativeGrowth), period, QuarterEnd, MetricValueKind.Percent, null, growth.Percent, null),
            CountRow(NewCustomers, period, QuarterEnd, newCustomers),
            CountRow(ActiveCustomers, period, QuarterEnd, active),
        ]);
    }

    private static MetricRow MoneyRow(string code, string period, string reconciliation, long fen) =>
        new(code, NameKey(code), MethodKey(code), period, reconciliation, MetricValueKind.Money, new Money(fen), null, null);

    private static MetricRow CountRow(string code, string period, string reconciliation, int count) =>
        new(code, NameKey(code), MethodKey(code), period, reconciliation, MetricValueKind.Count, null, null, count);

    public static string NameKey(string code) => $"Metric.{code}.Name";

    public static string MethodKey(string code) => $"Metric.{code}.Method";

    /// <summary>The quarter's months inside the R33 window (possibly none: then From is after To).</summary>
    private (DateOnly From, DateOnly To) Months(MetricQuarter quarter)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var earliest = ConsumptionWindow.EarliestMonth(now);
        var current = ConsumptionWindow.CurrentMonth(now);
        return (quarter.FirstMonth < earliest ? earliest : quarter.FirstMonth, quarter.LastMonth > current ? current : quarter.LastMonth);
    }

    private async Task<Dictionary<AssociationMode, long>> SumsByModeAsync(IQueryable<ConsumptionMonthly> rollup, MetricQuarter quarter, CancellationToken ct)
    {
        var (from, to) = Months(quarter);
        return await rollup.Where(m => m.Month >= from && m.Month <= to)
            .GroupBy(m => m.AssociationMode).Select(g => new { g.Key, Due = g.Sum(m => m.AmountDueFen) })
            .ToDictionaryAsync(g => g.Key, g => g.Due, ct);
    }
}
