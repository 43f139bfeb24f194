using System.Globalization;

namespace BlazorPartner.Benchmarks;

/// <summary>Command line of the per-circuit memory benchmark (<c>circuits</c> mode).</summary>
internal sealed record CircuitOptions
{
    public const string Mode = "circuits";

    /// <summary>Placeholder in --pages for "the first opportunity on the partner admin's list" (ids are random per seed).</summary>
    public const string DetailPlaceholder = "/opportunities/{id}";

    /// <summary>Placeholder for "the first customer on the partner admin's customer list".</summary>
    public const string CustomerDetailPlaceholder = "/sales/customers/{id}";

    public const string HomePage = "/";

    public static readonly IReadOnlyList<string> DefaultPages =
    [
        HomePage,
        "/sales/opportunities",
        DetailPlaceholder,
        "/vendor/opportunities",
        "/vendor/opportunities/share",
        "/vendor/calendar",
        "/sales/customer-registrations",
        "/vendor/customer-registrations",
        "/vendor/outbox",
        "/sales/customers",
        CustomerDetailPlaceholder,
        "/finance/vouchers",
        "/finance/vouchers/log",
        "/vendor/voucher-quotas",
        "/vendor/voucher-quotas/log",
        "/vendor/consumption/import",
        "/finance/funds",
        "/vendor/funds/top-up",
        "/finance/bills",
        "/exports",
        "/sales/consumption",
        "/sales/metrics",
        "/organization/members",
        "/organization/roles",
        "/notifications",
        "/vendor/reseller-applications",
        "/vendor/resellers",
        "/organization/reseller-applications@distributor",
        "/todo@vendor",
        "/vendor/partner-applications",
        "/vendor/certifications",
        "/organization/certification",
        "/vendor/operations",
    ];

    public IReadOnlyList<string> Pages { get; init; } = DefaultPages;
    public int Circuits { get; init; } = 100;

    /// <summary>Browser contexts the tabs are spread over (each with the role's cookie), as several users' browsers would be.</summary>
    public int Contexts { get; init; } = 4;

    /// <summary>Tabs loading at once; more only queues on a 2-core machine.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Tabs of the page opened before the baseline, so one-time costs (JIT, caches, EF model) are not counted per circuit.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Published app to run instead of publishing App first (e.g. to compare two builds).</summary>
    public string? AppDir { get; init; }

    public string? Out { get; init; }

    /// <summary>Also dump the server after each page (createdump) and add a by-type heap breakdown per circuit.</summary>
    public string? HeapDir { get; init; }

    public int HeapTop { get; init; } = 30;

    public double TargetRatio { get; init; } = 2.0;

    public static CircuitOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CircuitOptions();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--pages":
                    var pages = new List<string>();
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        pages.Add(args[++i]);
                    }

                    options = options with { Pages = pages.Count > 0 ? pages : throw new ArgumentException("--pages needs at least one path.") };
                    break;
                case "--circuits": options = options with { Circuits = PositiveInt(name, Value()) }; break;
                case "--contexts": options = options with { Contexts = PositiveInt(name, Value()) }; break;
                case "--parallel": options = options with { Parallel = PositiveInt(name, Value()) }; break;
                case "--warmup": options = options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--app-dir": options = options with { AppDir = Value() }; break;
                case "--out": options = options with { Out = Value() }; break;
                case "--heap": options = options with { HeapDir = Value() }; break;
                case "--heap-top": options = options with { HeapTop = PositiveInt(name, Value()) }; break;
                case "--help" or "-h": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown argument '{name}'.\n{Usage}");
            }
        }

        return options;
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project App.Benchmarks -- circuits [options]
          --pages <path>...   pages to measure (default: every console page in DefaultPages above: opportunities, calendar,
                              customer registrations, outbox, customers, vouchers, funds, bills); /vendor/... pages sign in as operator@vendor.demo,
                              the others as admin@partner-a.demo; add @vendor, @partner or @distributor (reviewer@partner-b.demo)
                              to choose; the home page is always measured
          --circuits <n>      circuits (browser tabs) per page (default 100)
          --contexts <n>      browser contexts the tabs are spread over (default 4)
          --parallel <n>      tabs loading at once (default 4)
          --warmup <n>        tabs opened before the baseline (default 3)
          --app-dir <dir>     run this published app instead of publishing App (Release) to a temporary folder
          --heap <dir>        dump the server after each page (createdump) and add a by-type heap breakdown per circuit
          --heap-top <n>      types listed per page in the heap breakdown (default 30)
          --out <file.md>     also write the results as markdown
        Exit code: 0 every page within 2x the home page, 1 a page missed it, 2 bad arguments.
        """;

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");
}
