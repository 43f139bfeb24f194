using System.Globalization;
using System.Resources;
using Radzen;

namespace BlazorPartner.Platform.Localization;

/// <summary>
/// The one place that gives Radzen's built-in texts (pager summary, "items per page", the aria-labels of the breadcrumb,
/// pager, profile menu, sidebar toggle, dialogs, date picker, drop-downs…) in the user's language. Radzen 12 asks an
/// <see cref="ILocalizer"/> from DI before falling back to its English defaults, so no component needs a text parameter.
/// The texts live in SharedResource under "Radzen.{key}" (Radzen's own key, e.g. Radzen.Pager_PageSizeText), so the
/// resource parity test covers them like every other text.
/// </summary>
public sealed class RadzenLocalizer : ILocalizer
{
    public const string KeyPrefix = "Radzen.";

    private static readonly ResourceManager Strings = new("BlazorPartner.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Null (Radzen's English default) for a key the app has not translated.</summary>
    public string? Get(string key, CultureInfo culture) => Strings.GetString(KeyPrefix + key, culture);
}

public static class RadzenLocalizationRegistration
{
    public static IServiceCollection AddRadzenLocalization(this IServiceCollection services) =>
        services.AddSingleton<ILocalizer, RadzenLocalizer>();
}
