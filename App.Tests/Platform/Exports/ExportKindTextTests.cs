using System.Globalization;
using System.Resources;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Platform.Exports;

/// <summary>
/// "My exports" names each job by its kind (<c>ExportKind.{kind}</c>): a slice that registers an export definition
/// without that text would show a raw code in the list, and two definitions with one kind would make the center run
/// the wrong one.
/// </summary>
public sealed class ExportKindTextTests
{
    private static readonly ResourceManager Resources = new("BlazorPartner.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Every_registered_export_kind_is_unique_and_has_a_name(string culture)
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var kinds = world.Get<IEnumerable<IExportDefinition>>().Select(d => d.Kind).ToList();
        Assert.Contains("bills.lines", kinds);
        Assert.Contains("opportunities.list", kinds);
        Assert.Equal(kinds.Count, kinds.Distinct().Count());

        var missing = kinds.Where(k => string.IsNullOrWhiteSpace(Resources.GetString($"ExportKind.{k}", CultureInfo.GetCultureInfo(culture)))).ToList();
        Assert.True(missing.Count == 0, $"No {culture} name for export kinds: {string.Join(", ", missing)}");
    }
}
