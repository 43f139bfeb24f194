using BlazorPartner.E2E.Infrastructure;

namespace BlazorPartner.E2E.Tests.StaticAssets;

/// <summary>
/// The app draws icons from a subset of Radzen's Material Symbols (issue 9 §4, ADR 0012). An icon the subset lacks would
/// show as its name spelled out; this proves the font really holds every name the subset list promises (App.Tests check
/// that every icon the app and Radzen use is on that list).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class IconFontTests(PartnerAAdminSession session) : IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public async Task Every_icon_kept_in_the_subset_font_draws_as_one_glyph_and_a_dropped_name_would_show_as_text()
    {
        const string notAnIcon = "not_an_icon_name";
        var names = File.ReadAllLines(Path.Combine(RepositoryRoot(), "App", "Platform", "StaticAssets", "icon-font-subset.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Append(notAnIcon)
            .ToArray();
        Assert.True(names.Length > 100);

        await session.RunAsync(async page =>
        {
            await page.GotoInteractiveAsync("");
            // A name the font draws is one glyph, 1em wide; a name it lacks is spelled out in letters, many em wide.
            var wide = await page.EvaluateAsync<string[]>(
                """
                async names => {
                    await document.fonts.load('24px "BP Symbols"');
                    const probe = document.createElement('i');
                    probe.className = 'rzi';
                    probe.style.cssText = 'width:auto;height:auto;font-size:24px;display:inline-block';
                    document.body.appendChild(probe);
                    const wide = names.filter(name => { probe.textContent = name; return probe.getBoundingClientRect().width > 36; });
                    probe.remove();
                    return wide;
                }
                """,
                names);
            Assert.Equal([notAnIcon], wide);
        });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BlazorPartner.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
