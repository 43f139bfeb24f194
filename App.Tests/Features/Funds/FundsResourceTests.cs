using BlazorPartner.Features.Funds;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>Every funds enum the UI shows has its text in both languages (the shared parity test does not list slice enums).</summary>
public class FundsResourceTests
{
    public static TheoryData<Type, string> Enums => new()
    {
        { typeof(LedgerEntryKind), "LedgerEntryKind" },
        { typeof(LedgerAccount), "LedgerAccount" },
        { typeof(LedgerView), "LedgerView" },
    };

    [Theory, MemberData(nameof(Enums))]
    public void Every_funds_enum_value_has_a_text_in_both_languages(Type enumType, string prefix)
    {
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            try
            {
                foreach (var value in Enum.GetNames(enumType))
                {
                    var text = TestWorld.Localizer[$"{prefix}.{value}"];
                    Assert.False(text.ResourceNotFound, $"{prefix}.{value} has no {culture} text");
                }
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    [Fact]
    public void Every_funds_permission_and_audit_action_has_a_text()
    {
        var keys = FundsPermissions.All.Select(p => p.DescriptionKey)
            .Concat(typeof(FundsAuditActions).GetFields().Select(f => $"AuditAction.{f.GetValue(null)}"));
        Assert.All(keys, key => Assert.False(TestWorld.Localizer[key].ResourceNotFound, key));
    }
}
