using System.Globalization;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>One row-level problem: the file row, the column, a resource key for the message and the raw cell text.</summary>
public sealed record ConsumptionRowError(int RowNumber, string Column, string Code, string RawValue);

/// <summary>An associated customer a file row may name by its credit code.</summary>
public sealed record ImportCustomer(Guid CustomerId, Guid OrganizationId, AssociationMode Mode);

/// <summary>
/// Checks one file row and turns it into a <see cref="ConsumptionRecord"/> (without the account manager, resolved later
/// by <see cref="ConsumptionAttribution"/>). Rules: the credit code names an associated customer; the day is
/// <c>yyyy-MM-dd</c> (or an Excel date), inside the R33 window and not after today (Beijing); the product is in the
/// catalog and the service type is its type; region and resource id are present; the charge mode is a code or its
/// Chinese label; amounts are yuan with at most two decimals, none negative, and amount due = list price − discount.
/// A natural key seen earlier in the same file is an error on the later row. Holds one small key per valid row.
/// </summary>
public sealed class ConsumptionRowValidator(IReadOnlyDictionary<string, ImportCustomer> customers, DateTime utcNow)
{
    public const int MaxRegion = 64;
    public const int MaxResourceId = 128;
    public const int MaxSubUser = 64;

    private readonly DateOnly _earliest = ConsumptionWindow.EarliestMonth(utcNow);
    private readonly DateOnly _today = BeijingTime.DateOf(utcNow);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid, int, int, int, int, int)> _seen = [];

    private static readonly Dictionary<string, ChargeMode> ChargeModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YearlyMonthly"] = ChargeMode.YearlyMonthly,
        ["包年/包月"] = ChargeMode.YearlyMonthly,
        ["包年包月"] = ChargeMode.YearlyMonthly,
        ["包年"] = ChargeMode.YearlyMonthly,
        ["包月"] = ChargeMode.YearlyMonthly,
        ["OnDemand"] = ChargeMode.OnDemand,
        ["按需"] = ChargeMode.OnDemand,
        ["SavingsPlan"] = ChargeMode.SavingsPlan,
        ["节省计划"] = ChargeMode.SavingsPlan,
    };

    /// <summary>The record for a valid row (and no errors), or null with the row's errors added to <paramref name="errors"/>.</summary>
    public ConsumptionRecord? Validate(ConsumptionFileRow row, List<ConsumptionRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column) => Clean(row.Cells[Index(column)]);
        void Fail(string column, string code) => errors.Add(new ConsumptionRowError(row.RowNumber, column, code, Raw(row.Cells[Index(column)])));

        ImportCustomer? customer = null;
        var code = Cell(ConsumptionColumns.CustomerCreditCode).ToUpperInvariant();
        if (code.Length == 0)
        {
            Fail(ConsumptionColumns.CustomerCreditCode, "ConsumptionImport.Error.Required");
        }
        else if (!customers.TryGetValue(code, out customer))
        {
            Fail(ConsumptionColumns.CustomerCreditCode, "ConsumptionImport.Error.UnknownCustomer");
        }

        var day = ParseDay(row.Cells[Index(ConsumptionColumns.Day)]);
        if (day is null)
        {
            Fail(ConsumptionColumns.Day, Cell(ConsumptionColumns.Day).Length == 0 ? "ConsumptionImport.Error.Required" : "ConsumptionImport.Error.DayFormat");
        }
        else if (day < _earliest)
        {
            Fail(ConsumptionColumns.Day, "ConsumptionImport.Error.DayTooOld");
        }
        else if (day > _today)
        {
            Fail(ConsumptionColumns.Day, "ConsumptionImport.Error.DayInFuture");
        }

        var productText = Cell(ConsumptionColumns.ProductCode);
        var product = VoucherCatalog.Products.FirstOrDefault(p => string.Equals(p, productText, StringComparison.OrdinalIgnoreCase));
        if (product is null)
        {
            Fail(ConsumptionColumns.ProductCode, productText.Length == 0 ? "ConsumptionImport.Error.Required" : "ConsumptionImport.Error.UnknownProduct");
        }

        var serviceText = Cell(ConsumptionColumns.ServiceType);
        var serviceType = product is null ? null : VoucherCatalog.TypeOf(product);
        if (serviceText.Length == 0)
        {
            Fail(ConsumptionColumns.ServiceType, "ConsumptionImport.Error.Required");
        }
        else if (serviceType is not null && !string.Equals(serviceType, serviceText, StringComparison.OrdinalIgnoreCase))
        {
            Fail(ConsumptionColumns.ServiceType, "ConsumptionImport.Error.ServiceTypeMismatch");
        }

        var region = Cell(ConsumptionColumns.Region);
        RequireText(region, ConsumptionColumns.Region, MaxRegion, required: true);
        var mode = ChargeModes.TryGetValue(Cell(ConsumptionColumns.ChargeMode), out var parsedMode) ? parsedMode : (ChargeMode?)null;
        if (mode is null)
        {
            Fail(ConsumptionColumns.ChargeMode, Cell(ConsumptionColumns.ChargeMode).Length == 0 ? "ConsumptionImport.Error.Required" : "ConsumptionImport.Error.UnknownChargeMode");
        }

        var resource = Cell(ConsumptionColumns.ResourceId);
        RequireText(resource, ConsumptionColumns.ResourceId, MaxResourceId, required: true);
        var subUser = Cell(ConsumptionColumns.SubUserAccount);
        RequireText(subUser, ConsumptionColumns.SubUserAccount, MaxSubUser, required: false);

        var list = ParseMoney(ConsumptionColumns.ListPrice);
        var discount = ParseMoney(ConsumptionColumns.Discount);
        var due = ParseMoney(ConsumptionColumns.AmountDue);
        if (list is { } l && discount is { } d && due is { } a && l - d != a)
        {
            Fail(ConsumptionColumns.AmountDue, "ConsumptionImport.Error.AmountMismatch");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var key = (customer!.CustomerId, day!.Value.DayNumber, Intern(product!), (int)mode!.Value, Intern(resource), Intern(subUser));
        if (!_seen.Add(key))
        {
            Fail(ConsumptionColumns.ResourceId, "ConsumptionImport.Error.DuplicateInFile");
            return null;
        }

        return new ConsumptionRecord
        {
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.CustomerId,
            Day = day.Value,
            ProductCode = product!,
            ServiceType = serviceType!,
            Region = region,
            ChargeMode = mode.Value,
            ResourceId = resource,
            SubUserAccount = subUser,
            ListPriceFen = list!.Value.Fen,
            DiscountFen = discount!.Value.Fen,
            AmountDueFen = due!.Value.Fen,
            AssociationMode = customer.Mode,
        };

        void RequireText(string value, string column, int max, bool required)
        {
            if (required && value.Length == 0)
            {
                Fail(column, "ConsumptionImport.Error.Required");
            }
            else if (value.Length > max)
            {
                Fail(column, "ConsumptionImport.Error.TooLong");
            }
        }

        Money? ParseMoney(string column)
        {
            var raw = row.Cells[Index(column)];
            var text = Clean(raw);
            if (text.Length == 0)
            {
                Fail(column, "ConsumptionImport.Error.Required");
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var yuan))
            {
                Fail(column, "ConsumptionImport.Error.AmountFormat");
                return null;
            }

            // A numeric XLSX cell holds a binary double: 12.3 may arrive as 12.300000000000001.
            if (raw is not null && raw.StartsWith(ConsumptionFileReader.NumberPrefix, StringComparison.Ordinal) && Math.Abs(decimal.Round(yuan, 2) - yuan) < 0.000001m)
            {
                yuan = decimal.Round(yuan, 2);
            }

            if (!Money.TryParse(yuan, MoneyRule.NotNegative, out var money, out var key))
            {
                Fail(column, key == "Money.MustNotBeNegative" ? "ConsumptionImport.Error.AmountNegative" : key == "Money.TooManyDecimals" ? "ConsumptionImport.Error.AmountDecimals" : "ConsumptionImport.Error.AmountFormat");
                return null;
            }

            return money;
        }
    }

    private int Intern(string value)
    {
        if (!_strings.TryGetValue(value, out var id))
        {
            id = _strings.Count;
            _strings[value] = id;
        }

        return id;
    }

    private static DateOnly? ParseDay(string? raw)
    {
        if (raw is not null && raw.StartsWith(ConsumptionFileReader.NumberPrefix, StringComparison.Ordinal))
        {
            // An Excel date: a serial day number (whole, within a sane range).
            return double.TryParse(raw.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial == Math.Floor(serial) && serial is > 1 and < 2958466
                ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
                : null;
        }

        return DateOnly.TryParseExact(Clean(raw), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static int Index(string column)
    {
        for (var i = 0; i < ConsumptionColumns.All.Count; i++)
        {
            if (ReferenceEquals(ConsumptionColumns.All[i], column) || ConsumptionColumns.All[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(column));
    }

    private static string Clean(string? raw) =>
        raw is null ? "" : (raw.StartsWith(ConsumptionFileReader.NumberPrefix, StringComparison.Ordinal) ? raw[1..] : raw).Trim();

    /// <summary>The cell as the file had it (an XLSX number without its marker), cut to a length a report can show.</summary>
    public static string Raw(string? raw)
    {
        var text = raw is null ? "" : raw.StartsWith(ConsumptionFileReader.NumberPrefix, StringComparison.Ordinal) ? raw[1..] : raw;
        return text.Length > 200 ? text[..200] : text;
    }
}
