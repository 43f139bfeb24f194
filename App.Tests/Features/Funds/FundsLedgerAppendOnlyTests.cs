using BlazorPartner.Tests.Support;
using System.Reflection;
using System.Text.RegularExpressions;
using BlazorPartner.Features.Funds;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>R21: the ledger is append-only. No code path updates or deletes a line, and the services offer no such operation.</summary>
public partial class FundsLedgerAppendOnlyTests
{
    [Fact]
    public void R21_no_source_file_updates_or_deletes_a_ledger_line()
    {
        var app = Path.Combine(RepositoryFiles.Root, "App");
        var offenders = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(app, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => MutatesLedger().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(app, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Ledger lines must never change:\n" + string.Join("\n", offenders));
        // The scan does see the code that appends lines (so a renamed set would fail here rather than pass vacuously).
        var appends = Directory.EnumerateFiles(Path.Combine(app, "Features", "Funds"), "*.cs").Sum(f => File.ReadAllText(f).Split("LedgerEntries.Add(").Length - 1);
        Assert.True(appends >= 4, $"found {appends} appends");
    }

    [Fact]
    public void R21_the_funds_services_offer_no_update_or_delete()
    {
        var names = new[] { typeof(FundsCommands), typeof(FundsQueries) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.Name)
            .ToList();

        Assert.Contains(nameof(FundsCommands.AllocateAsync), names);
        Assert.DoesNotContain(names, n => n.Contains("Update", StringComparison.OrdinalIgnoreCase) || n.Contains("Delete", StringComparison.OrdinalIgnoreCase) || n.Contains("Remove", StringComparison.OrdinalIgnoreCase));
    }

    // LedgerEntries (or Set<LedgerEntry>) followed on the same line by an update, a removal or a bulk statement.
    [GeneratedRegex(@"(LedgerEntries|Set<LedgerEntry>\(\))\s*[\.\w\(\)<>=, ]*\.(Update|UpdateRange|Remove|RemoveRange|ExecuteUpdate\w*|ExecuteDelete\w*|Attach)\b")]
    private static partial Regex MutatesLedger();
}
