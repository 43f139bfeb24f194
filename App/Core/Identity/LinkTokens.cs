using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace BlazorPartner.Core.Identity;

/// <summary>
/// Tokens for links sent by mail (customer invitations R16, member invitations R2): 32 random bytes (256 bits) from the OS CSPRNG, base64url in the link. Only the SHA-256
/// hash is stored, so a leaked database or backup holds no working link; lookups are by hash under a unique index.
/// </summary>
public static class LinkTokens
{
    public const int TokenBytes = 32;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Lower-case hex SHA-256 of the token as it appears in the link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token this app could have issued: base64url of 32 bytes (43 characters). Anything else is "missing".</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
