namespace BlazorPartner.Core.Validation;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies a Chinese company: 18 characters
/// from a 31-letter alphabet (no I, O, S, V, Z), the last a weighted mod-31 check character. Customer registration (R15)
/// and partner applications (R40) both key on it, so typos must be caught before they collide or slip past a duplicate.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims; does not validate.</summary>
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string? value)
    {
        var code = Normalize(value);
        if (code.Length != Length)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var digit = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            sum += digit * Weights[i];
        }

        return code[^1] == CheckCharacter(sum);
    }

    /// <summary>Completes a 17-character body with its check character (demo data, tests).</summary>
    public static string WithCheckCharacter(string body17)
    {
        var body = Normalize(body17);
        if (body.Length != Length - 1)
        {
            throw new ArgumentException("A credit code body has 17 characters.", nameof(body17));
        }

        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new ArgumentException($"'{body[i]}' is not a credit code character.", nameof(body17));
            }

            sum += digit * Weights[i];
        }

        return body + CheckCharacter(sum);
    }

    private static char CheckCharacter(int weightedSum)
    {
        var check = (31 - weightedSum % 31) % 31;
        return Alphabet[check];
    }
}
