using System.Text;
using BlazorPartner.E2E.Audit;
using BlazorPartner.E2E.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// Every page and dialog (<see cref="AuditedPages"/>), loaded once in 中文 (<see cref="AuditedPages.Cultures"/> says why
/// one language suffices): axe-core finds no serious or critical violation, and no English remains
/// (<see cref="TranslationCheck"/>). Both checks read the same page load; a failure reports every finding of both checks,
/// each violation with the rule, the element and axe's summary of what to fix.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PageAuditTests(AuditSessions sessions, ITestOutputHelper output) : IClassFixture<AuditSessions>
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in AuditedPages.Cultures)
        {
            foreach (var page in AuditedPages.Selected)
            {
                data.Add(page.Name, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Has_no_serious_or_critical_axe_violations_and_no_English_in_Chinese(string pageName, string culture) =>
        sessions.RunAsync(AuditedPages.Named(pageName), culture, async page =>
        {
            var result = await page.RunAxe();
            var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
            var nodes = blocking.Sum(v => v.Nodes.Length);
            Record(pageName, culture, blocking.Count, nodes);

            var english = culture == AuditedPages.Chinese
                ? await TranslationCheck.EnglishLeftAsync(page, sessions.Host.DatabasePath)
                : [];

            var findings = new List<string>();
            if (blocking.Count > 0)
            {
                findings.Add(Describe(pageName, culture, blocking));
            }

            if (english.Count > 0)
            {
                findings.Add($"English left on '{pageName}' in zh-CN:{Environment.NewLine}{string.Join(Environment.NewLine, english)}");
            }

            Assert.True(findings.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, findings));
        });

    private void Record(string pageName, string culture, int rules, int nodes)
    {
        var line = $"{culture}\t{pageName}\t{rules}\t{nodes}";
        output.WriteLine(line);
        // One line per audit, so a whole run's figures can be read as a table (rules violated, elements affected).
        Directory.CreateDirectory(sessions.Host.ArtifactsDirectory);
        File.AppendAllText(Path.Combine(sessions.Host.ArtifactsDirectory, "axe-summary.tsv"), line + Environment.NewLine);
    }

    private static string Describe(string pageName, string culture, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious/critical axe rule(s) violated on '{pageName}' ({culture}):");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append($"    {node.Target} {Truncate(node.Html)}: {Summary(node)}");
            }
        }

        return text.ToString();
    }

    private static string Truncate(string? html) => html is { Length: > 200 } ? html[..200] + "…" : html ?? "";

    private static string Summary(AxeResultNode node)
    {
        // axe's own wording: "any" checks fail only when none passes; every failed "all"/"none" check counts.
        var messages = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m));
        return string.Join(" | ", messages);
    }
}
