using BlazorPartner.Core.Errors;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Components.Shared;

/// <summary>Turns a refused request into a message in the user's language, with its vendor-style code.</summary>
public static class ErrorText
{
    public static string Describe(IStringLocalizer localizer, BusinessException error)
    {
        // Enum arguments (a status, a stage) are shown with their own localized names.
        var arguments = error.Arguments
            .Select(a => a is Enum value ? (object)localizer[$"{value.GetType().Name}.{value}"].Value : a)
            .ToArray();
        var text = localizer[error.ResourceKey, arguments];
        return text.ResourceNotFound ? $"{error.Message} ({error.Code})" : $"{text.Value} ({error.Code})";
    }

    public static Dictionary<string, string> FieldErrors(IStringLocalizer localizer, ValidationException error) =>
        error.FieldErrors.ToDictionary(e => e.Key, e => localizer[e.Value].Value);
}
