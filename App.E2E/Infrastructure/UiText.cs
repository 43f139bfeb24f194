using System.Globalization;
using System.Resources;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// The app's own strings (Resources/SharedResource*.resx) in a given culture, so a test that runs in both languages finds
/// buttons and dialogs by the text the user sees without copying translations into the tests.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new("BlazorPartner.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key, string culture, params object[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(culture))
            ?? throw new InvalidOperationException($"SharedResource has no '{key}' for {culture}.");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(culture), text, arguments);
    }
}
