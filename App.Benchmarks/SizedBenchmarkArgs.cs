using System.Globalization;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The common command line of the slice benchmarks that seed N rows and time first pages: named sizes (e.g. --lines,
/// --applications), --iterations, --warmup, and which databases (SQLite unless --skip-sqlite, PostgreSQL with --postgres).
/// </summary>
internal sealed class SizedBenchmarkArgs
{
    private readonly Dictionary<string, int> sizes;

    private SizedBenchmarkArgs(Dictionary<string, int> sizes) => this.sizes = sizes;

    public int Iterations { get; private set; } = 200;

    public int Warmup { get; private set; } = 20;

    public string? Postgres { get; private set; }

    public bool SkipSqlite { get; private set; }

    public int this[string size] => sizes[size];

    /// <param name="defaults">Each accepted size option without its dashes, with its default.</param>
    public static SizedBenchmarkArgs Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, int> defaults)
    {
        var parsed = new SizedBenchmarkArgs(new Dictionary<string, int>(defaults));
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            var name = args[i].TrimStart('-');
            switch (args[i])
            {
                case "--iterations": parsed.Iterations = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--warmup": parsed.Warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--postgres": parsed.Postgres = Value(); break;
                case "--skip-sqlite": parsed.SkipSqlite = true; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal) && parsed.sizes.ContainsKey(name):
                    parsed.sizes[name] = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return parsed;
    }

    /// <summary>The databases to run on, each created fresh when its turn comes.</summary>
    public IReadOnlyList<Func<Task<BenchmarkDatabase>>> Databases()
    {
        var databases = new List<Func<Task<BenchmarkDatabase>>>();
        if (!SkipSqlite)
        {
            databases.Add(() => Task.FromResult<BenchmarkDatabase>(SqliteBenchmarkDatabase.CreateTemporary()));
        }

        if (Postgres is { } connection)
        {
            databases.Add(async () => await PostgresBenchmarkDatabase.RecreateAsync(connection));
        }

        return databases;
    }
}
