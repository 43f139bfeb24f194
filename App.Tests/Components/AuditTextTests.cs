using System.Globalization;
using BlazorPartner.Components.Shared;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Components;

public class AuditTextTests
{
    [Fact]
    public void History_shows_readable_localized_before_and_after_values_without_ids()
    {
        var before = AuditExtensions.Serialize(new { Status = OpportunityStatus.PendingAcceptance, AssignedToUserId = "3f2a", AssignedTo = (string?)null });
        var after = AuditExtensions.Serialize(new { Status = OpportunityStatus.InProgress, Stage = ProgressStage.Contacting, AssignedToUserId = "9b1c", AssignedTo = "Li Wei", EstimatedAmountFen = 12345 });

        var english = InCulture("en-US", () => AuditText.Changes(TestWorld.Localizer, before, after));
        var chinese = InCulture("zh-CN", () => AuditText.Changes(TestWorld.Localizer, before, after));

        Assert.Contains("Status: Pending acceptance → In progress", english);
        Assert.Contains("Assigned to: — → Li Wei", english);
        Assert.Contains("Estimated amount: ¥123.45", english);
        Assert.DoesNotContain(english, l => l.Contains("3f2a") || l.Contains("9b1c") || l.Contains('{'));
        Assert.Contains(chinese, l => l.StartsWith("状态：", StringComparison.Ordinal) || l.StartsWith("状态:", StringComparison.Ordinal));
        Assert.DoesNotContain(chinese, l => l.Contains("InProgress") || l.Contains("Pending"));
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
