using System.Globalization;
using System.Resources;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Platform.Localization;

/// <summary>
/// Every permission a slice declares has its one-line description in both languages: the role editor (R1) lists them
/// by capability, so a slice that adds a permission without its text would show a raw key to partner admins.
/// </summary>
public sealed class PermissionTextTests
{
    private static readonly ResourceManager Resources = new("BlazorPartner.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Every_declared_permission_has_a_description(string culture)
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var catalog = world.Get<PermissionCatalog>();
        Assert.NotEmpty(catalog.All);

        var missing = catalog.All
            .Where(p => string.IsNullOrWhiteSpace(Resources.GetString(p.DescriptionKey, CultureInfo.GetCultureInfo(culture))))
            .Select(p => p.DescriptionKey)
            .ToList();
        Assert.True(missing.Count == 0, $"No {culture} description for: {string.Join(", ", missing)}");
    }
}
