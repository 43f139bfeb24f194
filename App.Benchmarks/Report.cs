using System.Text;

namespace BlazorPartner.Benchmarks;

internal enum Verdict
{
    Info,
    Pass,
    Miss,
}

internal sealed record ResultLine(string Provider, string Measure, string Value, string Target, Verdict Verdict);

/// <summary>The results table (printed and, with --out, written as markdown), plus context and query plans.</summary>
internal sealed class Report(string title = "BlazorPartner benchmark")
{
    private readonly List<ResultLine> _lines = [];
    private readonly List<string> _context = [];
    private readonly List<(string Title, string Body)> _appendix = [];

    /// <summary>What the first column groups by: the database provider, or for the circuit benchmark the signed-in role.</summary>
    public string FirstColumn { get; init; } = "Provider";

    public bool AnyMiss => _lines.Any(l => l.Verdict == Verdict.Miss);

    public void Context(string line) => _context.Add(line);

    public void Info(string provider, string measure, string value) => Add(new ResultLine(provider, measure, value, "", Verdict.Info));

    public void Check(string provider, string measure, string value, string target, bool pass) =>
        Add(new ResultLine(provider, measure, value, target, pass ? Verdict.Pass : Verdict.Miss));

    public void Appendix(string title, string body) => _appendix.Add((title, body));

    public void WriteConsole(TextWriter output)
    {
        string[] header = [FirstColumn, "Measure", "Result", "Target", "Status"];
        var rows = _lines.Select(l => new[] { l.Provider, l.Measure, l.Value, l.Target, Status(l.Verdict) }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

        output.WriteLine();
        foreach (var line in _context)
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }

        output.WriteLine();
        output.WriteLine(AnyMiss ? "RESULT: at least one target MISSED" : "RESULT: all targets met");
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        foreach (var line in _context)
        {
            md.Append("- ").AppendLine(line);
        }

        md.AppendLine().AppendLine($"| {FirstColumn} | Measure | Result | Target | Status |").AppendLine("|---|---|---|---|---|");
        foreach (var l in _lines)
        {
            md.AppendLine($"| {l.Provider} | {l.Measure} | {l.Value} | {l.Target} | {Status(l.Verdict)} |");
        }

        md.AppendLine().AppendLine(AnyMiss ? "**At least one target missed.**" : "**All targets met.**");
        foreach (var (heading, body) in _appendix)
        {
            md.AppendLine().Append("## ").AppendLine(heading).AppendLine().AppendLine("```").AppendLine(body.TrimEnd()).AppendLine("```");
        }

        return md.ToString();
    }

    private void Add(ResultLine line)
    {
        _lines.Add(line);
        Console.WriteLine($"  [{line.Provider}] {line.Measure}: {line.Value}{(line.Target.Length > 0 ? $" (target {line.Target}: {Status(line.Verdict)})" : "")}");
    }

    private static string Status(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Miss => "MISS",
        _ => "info",
    };
}
