using System.Globalization;
using BlazorPartner.Core.Errors;

namespace BlazorPartner.Core.Validation;

/// <summary>
/// Collects field errors for one command and throws them together, so a form shows every problem at once.
/// The first problem found for a field wins. Checks shared by every slice live here, so the same input gets the same
/// message everywhere.
/// </summary>
public sealed class InputErrors
{
    public const int MaxEmail = 254;

    private readonly Dictionary<string, FieldMessage> _messages = new();

    public bool Any => _messages.Count > 0;

    public bool Has(string field) => _messages.ContainsKey(field);

    public InputErrors Add(string field, string key, params object[] arguments)
    {
        _messages.TryAdd(field, new FieldMessage(key, arguments));
        return this;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(new Dictionary<string, FieldMessage>(_messages));
        }
    }

    /// <summary>Required text of at most <paramref name="maxLength"/> characters, free of control and direction-override characters.</summary>
    public string Text(string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, "Validation.Required");
            }
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, "Validation.TooLong", maxLength);
        }
        else if (HasHiddenCharacters(trimmed))
        {
            Add(field, "Validation.InvalidCharacters");
        }

        return trimmed;
    }

    /// <summary>A phone number: digits with optional +, spaces, hyphens and parentheses, 7 to 15 digits.</summary>
    /// <summary>An e-mail address as one mailbox, trimmed: no display name, no hidden characters, a dot in the domain.</summary>
    public string Email(string field, string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, "Validation.Required");
        }
        else if (trimmed.Length > MaxEmail)
        {
            Add(field, "Validation.TooLong", MaxEmail);
        }
        else if (HasHiddenCharacters(trimmed) || !System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            Add(field, "Registration.EmailInvalid");
        }

        return trimmed;
    }

    public string Phone(string field, string? value, bool required = true)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, "Validation.Required");
            }

            return trimmed;
        }

        var digits = trimmed.Count(char.IsAsciiDigit);
        var allowed = trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')');
        if (!allowed || digits is < 7 or > 15 || trimmed.Length > 20 || trimmed.IndexOf('+', 1) >= 0)
        {
            Add(field, "Validation.PhoneInvalid");
        }

        return trimmed;
    }

    /// <summary>A required date within [<paramref name="earliest"/>, <paramref name="latest"/>] (no 9999-12-31).</summary>
    public DateOnly Date(string field, DateOnly? value, DateOnly earliest, DateOnly latest)
    {
        if (value is not { } date)
        {
            Add(field, "Validation.Required");
            return default;
        }

        if (date < earliest || date > latest)
        {
            Add(field, "Validation.DateOutOfRange", earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return date;
    }

    /// <summary>
    /// Bidirectional overrides/isolates can make a name display as something else (e.g. in an audit log or a
    /// confirmation); other control characters have no business in a one-line name either.
    /// </summary>
    public static bool HasHiddenCharacters(string value) =>
        value.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C');
}
