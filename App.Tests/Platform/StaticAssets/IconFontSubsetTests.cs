using System.Text.RegularExpressions;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Features;
using BlazorPartner.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Platform.StaticAssets;

/// <summary>
/// The icon font is a subset (issue 9 §4, ADR 0012): an icon the app shows but the subset lacks would be spelled out as text.
/// Every icon the menu, the start page and the markup name must be on the subset's list (the E2E IconFontTests prove the
/// font draws every name on that list). Adding an icon without re-running scripts/subset-icon-font.py fails here.
/// </summary>
public sealed partial class IconFontSubsetTests
{
    private static readonly Lazy<HashSet<string>> Subset = new(() => File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "App", "Platform", "StaticAssets", "icon-font-subset.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Every_menu_group_link_and_home_tile_icon_is_in_the_subset()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAppCore().AddFeatures(configuration);
        var links = services.Where(d => d.ServiceType == typeof(MenuLink)).Select(d => (MenuLink)d.ImplementationInstance!).ToList();
        var tiles = services.Where(d => d.ServiceType == typeof(HomeTile)).Select(d => (HomeTile)d.ImplementationInstance!).ToList();
        var groups = typeof(NavGroups).GetFields().Select(f => (NavGroup)f.GetValue(null)!).ToList();
        Assert.NotEmpty(links);
        Assert.NotEmpty(tiles);

        var icons = links.Select(l => l.Icon).Concat(tiles.Select(t => t.Icon)).Concat(groups.Select(g => g.Icon)).Distinct().ToList();
        Assert.All(icons, i => Assert.Contains(i, Subset.Value));
    }

    [Fact]
    public void Every_icon_named_in_markup_is_in_the_subset()
    {
        var app = Path.Combine(RepositoryFiles.Root, "App");
        var icons = Directory.EnumerateFiles(app, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => IconAttribute().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .Distinct()
            .ToList();
        Assert.Contains("search", icons);
        Assert.All(icons, i => Assert.Contains(i, Subset.Value));
    }

    [Fact]
    public void The_icons_radzens_own_components_draw_are_in_the_subset()
    {
        // A sample of what Radzen renders by itself (dropdown arrow, dialog close, pager, sort, date picker, checkbox, alerts).
        string[] radzen = ["arrow_drop_down", "close", "first_page", "last_page", "chevron_left", "chevron_right", "calendar_today", "check", "info", "warning", "error", "expand_more", "filter_alt", "search"];
        Assert.All(radzen, i => Assert.Contains(i, Subset.Value));
    }

    [GeneratedRegex(@"\bIcon=""(?<name>[a-z][a-z0-9_]*)""")]
    private static partial Regex IconAttribute();
}
