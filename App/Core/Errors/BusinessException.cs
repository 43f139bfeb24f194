namespace BlazorPartner.Core.Errors;

/// <summary>
/// A request the rules refuse. Carries a vendor-style code (DOMAIN.md "Errors"), an English message for logs and
/// tests, and a resource key plus arguments so the UI shows it in the user's language.
/// </summary>
public class BusinessException(string code, string message, string resourceKey, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;
    public string ResourceKey { get; } = resourceKey;
    public object[] Arguments { get; } = arguments;
}

public static class ErrorCodes
{
    public const string ParameterError = "CBC.0100";
    public const string IllegalOperation = "CBC.0150";
    public const string AccessDenied = "CBC.0151";
    public const string NotFound = "CBC.0999";
    public const string AlreadyProcessed = "CBC.0155";
}

public sealed class AccessDeniedException(string what)
    : BusinessException(ErrorCodes.AccessDenied, $"Access denied: {what}.", "Error.AccessDenied");

public sealed class NotFoundException(string entity, object id)
    : BusinessException(ErrorCodes.NotFound, $"{entity} {id} was not found.", "Error.NotFound");

/// <summary>One field's problem: a resource key and its arguments (e.g. the maximum length).</summary>
public sealed record FieldMessage(string Key, params object[] Arguments);

/// <summary>Bad input: field-level messages, nothing was changed. Field names are the input record's property names.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, FieldMessage> messages)
    : BusinessException(ErrorCodes.ParameterError, "Invalid input: " + string.Join("; ", messages.Select(e => $"{e.Key}: {e.Value.Key}")), "Error.Validation")
{
    public ValidationException(string field, string key, params object[] arguments)
        : this(new Dictionary<string, FieldMessage> { [field] = new(key, arguments) })
    {
    }

    public IReadOnlyDictionary<string, FieldMessage> Messages { get; } = messages;

    /// <summary>Field name → resource key of the message.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = messages.ToDictionary(m => m.Key, m => m.Value.Key);
}
