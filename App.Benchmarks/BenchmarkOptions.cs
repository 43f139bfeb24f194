using System.Globalization;

namespace BlazorPartner.Benchmarks;

/// <summary>Command line. The export phase re-enters this program in a child process (see <see cref="ExportPhase"/>).</summary>
internal sealed record BenchmarkOptions
{
    public const string ExportPhase = "export";

    /// <summary>Carries the connection string to the child process, so a PostgreSQL password never shows in the process list.</summary>
    public const string ConnectionEnvironmentVariable = "BLAZORPARTNER_BENCH_CONNECTION";

    public int Rows { get; init; } = 100_000;
    public int Partners { get; init; } = 50;
    public int Iterations { get; init; } = 200;
    public int Warmup { get; init; } = 20;

    /// <summary>Each export runs in its own process; several runs show how much of a miss is noise on a shared machine.</summary>
    public int ExportRuns { get; init; } = 3;
    public string? Postgres { get; init; }
    public bool SkipSqlite { get; init; }
    public string? Out { get; init; }
    public bool Keep { get; init; }

    /// <summary>The export writes localized headers and labels; Chinese is what most users download.</summary>
    public string Culture { get; init; } = "zh-CN";

    // Child-process (export phase) arguments.
    public string? Phase { get; init; }
    public string? Provider { get; init; }
    public string? File { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--rows" => options with { Rows = PositiveInt(name, Value()) },
                "--partners" => options with { Partners = PositiveInt(name, Value()) },
                "--iterations" => options with { Iterations = PositiveInt(name, Value()) },
                "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--export-runs" => options with { ExportRuns = PositiveInt(name, Value()) },
                "--postgres" => options with { Postgres = Value() },
                "--skip-sqlite" => options with { SkipSqlite = true },
                "--out" => options with { Out = Value() },
                "--keep" => options with { Keep = true },
                "--culture" => options with { Culture = Value() },
                "--phase" => options with { Phase = Value() },
                "--provider" => options with { Provider = Value() },
                "--file" => options with { File = Value() },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{name}'.\n{Usage}"),
            };
        }

        return options;
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project App.Benchmarks -- [options]
          --rows <n>          opportunities to seed (default 100000)
          --partners <n>      partner organizations (default 50)
          --iterations <n>    timed page queries per actor (default 200)
          --warmup <n>        untimed page queries first (default 20)
          --export-runs <n>   exports per provider, each in a fresh process (default 3; median time, worst peak)
          --postgres <conn>   also run on PostgreSQL; the database named in <conn> is dropped and recreated
          --skip-sqlite       PostgreSQL only
          --culture <name>    UI culture of the export (default zh-CN)
          --out <file.md>     also write the results as markdown
          --keep              keep the benchmark databases afterwards
        Exit code: 0 all targets met, 1 a target missed, 2 bad arguments.
        """;

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");
}
