namespace BlazorPartner.Components.Forms;

/// <summary>
/// Longest text a user may type into a free-text field that has no column behind it. Columns have their own limits
/// (the entity configurations); every text input carries one of them as maxlength, far below the circuit's message size.
/// </summary>
public static class InputLimits
{
    /// <summary>Search terms: longer than any opportunity number, customer name or city they are matched against.</summary>
    public const int Search = 100;

    /// <summary>E-mail addresses (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>Passwords: generous for pass phrases, bounded so hashing cost stays small.</summary>
    public const int Password = 128;
}
