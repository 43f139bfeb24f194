using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Tests.Core.Tenancy;

public class OrganizationNamesTests
{
    [Theory]
    [InlineData("Partner A", "partner a")]
    [InlineData("Partner A", " Partner\u00A0 A. ")]
    [InlineData("Partner A", "Partner \u0410")]          // Cyrillic А
    [InlineData("Partner A", "\uFF30\uFF41rtner A")]     // full-width letters
    [InlineData("Partner A", "Partner\u200B A")]         // zero-width space
    [InlineData("Café Systems", "Cafe Systems")]
    [InlineData("上海云帆科技有限公司", "上海云帆科技（有限公司）")]
    [InlineData("上海云帆科技有限公司", "上海 云帆科技有限公司。")]
    public void Names_a_person_would_take_for_the_same_share_a_key(string name, string lookAlike)
    {
        Assert.Equal(OrganizationNames.LookAlikeKey(name), OrganizationNames.LookAlikeKey(lookAlike));
    }

    [Theory]
    [InlineData("Partner A", "Partner B")]
    [InlineData("Partner A", "Partners A")]
    [InlineData("上海云帆科技有限公司", "上海云帆信息有限公司")]
    public void Different_names_keep_different_keys(string name, string other)
    {
        Assert.NotEqual(OrganizationNames.LookAlikeKey(name), OrganizationNames.LookAlikeKey(other));
    }
}
