using System.Text;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// Return URLs come from query strings. Only same-site paths are followed, escaped so they are valid in a Location header
/// (non-ASCII text such as <c>?search=上海</c> works); anything else goes home.
/// </summary>
public static class SafeRedirect
{
    /// <summary>Longer return addresses are refused (a redirect header that proxies may reject is not worth following).</summary>
    public const int MaxLength = 2048;

    private const string Home = "/";

    // RFC 3986 unreserved and reserved characters, plus '%' (checked separately): kept as they are.
    private const string Allowed = "-._~:/?#[]@!$&'()*+,;=";

    public static string LocalOrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return Home;
        }

        var escaped = Escape(url);
        return escaped is not null && escaped.Length <= MaxLength && IsSameSitePath(escaped) ? escaped : Home;
    }

    private static string? Escape(string url)
    {
        var builder = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            // Browsers drop tabs and newlines inside URLs and read '\' as '/': "/\t/evil" and "/\evil" would become "//evil".
            if (char.IsControl(c) || c == '\\')
            {
                return null;
            }

            if (c == '%')
            {
                builder.Append(i + 2 < url.Length && char.IsAsciiHexDigit(url[i + 1]) && char.IsAsciiHexDigit(url[i + 2]) ? "%" : "%25");
            }
            else if (char.IsAsciiLetterOrDigit(c) || Allowed.Contains(c))
            {
                builder.Append(c);
            }
            else
            {
                var length = 1;
                if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
                {
                    length = 2;
                }
                else if (char.IsSurrogate(c))
                {
                    return null; // a lone surrogate has no UTF-8 form
                }

                var count = Encoding.UTF8.GetBytes(url.AsSpan(i, length), utf8);
                foreach (var b in utf8[..count])
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
        }

        return builder.ToString();
    }

    private static bool IsSameSitePath(string escaped)
    {
        // Percent-encoded slashes are not separators to a browser, but refusing them costs nothing and survives any decoding.
        var decoded = escaped;
        for (var round = 0; round < 3; round++)
        {
            if (decoded.Length > 1 && (decoded[1] == '/' || decoded[1] == '\\'))
            {
                return false;
            }

            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        // Last guard: resolved against a known origin, the address must stay on it.
        var origin = new Uri("https://app.invalid/");
        return Uri.TryCreate(origin, escaped, out var resolved)
            && resolved.Scheme == origin.Scheme
            && resolved.Authority == origin.Authority;
    }
}
