using BlazorPartner.Core.Errors;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Components.Shared;

/// <summary>Turns a refused request into a message in the user's language, with its vendor-style code.</summary>
public static class ErrorText
{
    public static string Describe(IStringLocalizer localizer, BusinessException error)
    {
        var text = localizer[error.ResourceKey, Localize(localizer, error.Arguments)];
        return text.ResourceNotFound ? $"{error.Message} ({error.Code})" : $"{text.Value} ({error.Code})";
    }

    public static Dictionary<string, string> FieldErrors(IStringLocalizer localizer, ValidationException error) =>
        error.Messages.ToDictionary(e => e.Key, e => localizer[e.Value.Key, Localize(localizer, e.Value.Arguments)].Value);

    // Enum arguments (a status, a stage) are shown with their own localized names.
    private static object[] Localize(IStringLocalizer localizer, object[] arguments) =>
        arguments.Select(a => a is Enum value ? (object)localizer[$"{value.GetType().Name}.{value}"].Value : a).ToArray();
}
