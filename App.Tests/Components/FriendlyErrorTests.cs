using BlazorPartner.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace BlazorPartner.Tests.Components;

/// <summary>
/// FriendlyError outside a circuit (the prerender of a fresh page load): a database outage must escape to the middleware,
/// which answers 503; anything else keeps the generic message. The interactive side is covered in App.E2E.
/// </summary>
public class FriendlyErrorTests
{
    private static async Task<string> RenderAsync(Exception error)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<FriendlyError>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Error"] = error }))).ToHtmlString());
    }

    [Fact]
    public async Task While_prerendering_a_database_outage_is_rethrown_for_the_503_page()
    {
        var outage = new DbUpdateException("save failed", new SqliteException("unable to open database file", 14));

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => RenderAsync(outage));

        Assert.Same(outage, thrown);
    }

    [Fact]
    public async Task Other_failures_still_render_the_generic_message()
    {
        var html = await RenderAsync(new InvalidOperationException("bug"));

        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("database", html, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new NotSupportedException(identifier);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new NotSupportedException(identifier);
    }
}
