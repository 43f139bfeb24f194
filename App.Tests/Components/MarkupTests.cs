using System.Globalization;
using BlazorPartner.Components.Shared;
using BlazorPartner.Features.Opportunities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace BlazorPartner.Tests.Components;

/// <summary>Markup of small components, rendered with the framework's HtmlRenderer (bUnit is not available here).</summary>
public class MarkupTests
{
    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters, string culture = "en-US")
        where TComponent : IComponent
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddLocalization(o => o.ResourcesPath = "Resources")
                .AddSingleton<IJSRuntime, NoJavaScript>()
                .BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return await renderer.Dispatcher.InvokeAsync(async () =>
                System.Net.WebUtility.HtmlDecode((await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>Radzen components inject IJSRuntime; static rendering never calls it.</summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new NotSupportedException(identifier);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new NotSupportedException(identifier);
    }

    private static readonly DateTime Deadline = new(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3, "Auto-rejects in 3 working days", false)]
    [InlineData(1, "Auto-rejects in 1 working day", true)]
    [InlineData(0, "Auto-rejects at the end of today", true)]
    public async Task R10_countdown_says_how_many_working_days_remain_and_highlights_the_last_one(int daysLeft, string text, bool urgent)
    {
        var html = await RenderAsync<DeadlineCountdown>(new() { ["DeadlineUtc"] = Deadline, ["WorkingDaysLeft"] = daysLeft });

        Assert.True(html.Contains(text, StringComparison.Ordinal), html);
        Assert.Equal(urgent, html.Contains("bp-countdown--urgent", StringComparison.Ordinal));
        Assert.Contains("2026-11-26 00:00 (GMT+08:00)", html);
    }

    [Fact]
    public async Task R10_overdue_countdown_is_marked_overdue()
    {
        var html = await RenderAsync<DeadlineCountdown>(new() { ["DeadlineUtc"] = Deadline, ["WorkingDaysLeft"] = -1 });

        Assert.Contains("bp-countdown--overdue", html);
        Assert.Contains("Deadline passed", html);
    }

    [Fact]
    public async Task Countdown_speaks_Chinese_in_zh_CN()
    {
        var html = await RenderAsync<DeadlineCountdown>(new() { ["DeadlineUtc"] = Deadline, ["WorkingDaysLeft"] = 2 }, "zh-CN");

        Assert.Contains("2 个工作日后自动拒绝", html);
    }

    [Theory]
    [InlineData(OpportunityStatus.PendingAcceptance, "Pending acceptance", "rz-badge-warning")]
    [InlineData(OpportunityStatus.AutoRejected, "Rejected automatically", "rz-badge-danger")]
    [InlineData(OpportunityStatus.Delivered, "Delivered", "rz-badge-success")]
    public async Task Status_badge_shows_the_localized_status_with_its_colour(OpportunityStatus status, string text, string cssClass)
    {
        var html = await RenderAsync<BlazorPartner.Features.Opportunities.Components.OpportunityStatusBadge>(new() { ["Status"] = status });

        Assert.Contains(text, html);
        Assert.Contains(cssClass, html);
        Assert.Contains($"data-status=\"{status}\"", html);
    }

    [Fact]
    public async Task Masked_text_hides_the_value_until_revealed()
    {
        var html = await RenderAsync<MaskedText>(new() { ["Value"] = "13812345678", ["Masked"] = "138****5678" });

        Assert.Contains("138****5678", html);
        Assert.DoesNotContain("13812345678", html);
    }
}
