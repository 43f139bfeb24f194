using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>
/// The cookie carries a random 256-bit key; the database row is addressed by the key's SHA-256, so the table alone
/// (a backup, a read-only SQL account) cannot be turned into a working cookie.
/// </summary>
public static class SessionKeys
{
    private const int KeyBytes = 32;

    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The row id of <paramref name="key"/>, or false for anything that is not a key this app issued.</summary>
    public static bool TryGetId(string? key, out string id)
    {
        id = "";
        if (string.IsNullOrEmpty(key) || key.Length > 64 || !Base64Url.IsValid(key, out var length) || length != KeyBytes)
        {
            return false;
        }

        id = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
        return true;
    }
}

/// <summary>Claims the session store adds to the principal it hands out.</summary>
public static class SessionClaimTypes
{
    /// <summary>The row id (never the cookie key) of the session a principal was read from; circuits re-check it.</summary>
    public const string SessionId = "blazorpartner:session";
}
