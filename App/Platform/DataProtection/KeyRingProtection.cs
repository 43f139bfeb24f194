using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.DataProtection;

/// <summary>
/// Settings under <c>DataProtection</c>: the key-encryption key (KEK) that encrypts the data-protection key ring at rest
/// (docs/decisions/0006-session-store-and-key-protection.md).
/// </summary>
public sealed class KeyRingProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>256-bit key, base64 (e.g. <c>openssl rand -base64 32</c>); environment variable <c>DataProtection__KeyEncryptionKey</c>.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Former KEKs, still accepted for decryption while keys they encrypted remain in the ring (rotation).</summary>
    public List<string> RetiredKeyEncryptionKeys { get; set; } = [];

    /// <summary>Set when no KEK is configured and the host is Development: a fixed, public key is used instead.</summary>
    public bool UsesDevelopmentKey { get; set; }
}

/// <summary>The configured KEKs, each known by a short id (a hash prefix) written next to what it encrypted.</summary>
public sealed class KeyEncryptionKeys
{
    /// <summary>
    /// Development-only, deliberately not secret (it is in the source): keeps a developer's several instances compatible.
    /// Never accepted outside the Development environment.
    /// </summary>
    internal static readonly byte[] DevelopmentKey = SHA256.HashData("BlazorPartner development key-encryption key (public, not a secret)"u8);

    private readonly Dictionary<string, byte[]> byId = new(StringComparer.Ordinal);

    public KeyEncryptionKeys(IOptions<KeyRingProtectionOptions> options)
    {
        var value = options.Value;
        Current = value.UsesDevelopmentKey ? DevelopmentKey : Parse(value.KeyEncryptionKey, "DataProtection:KeyEncryptionKey");
        CurrentId = IdOf(Current);
        byId[CurrentId] = Current;
        foreach (var retired in value.RetiredKeyEncryptionKeys)
        {
            var key = Parse(retired, "DataProtection:RetiredKeyEncryptionKeys");
            byId.TryAdd(IdOf(key), key);
        }
    }

    public byte[] Current { get; }

    public string CurrentId { get; }

    public byte[]? Find(string id) => byId.GetValueOrDefault(id);

    internal static bool IsValid(string? base64) => TryParse(base64, out _);

    private static byte[] Parse(string? base64, string setting) =>
        TryParse(base64, out var key) ? key : throw new InvalidOperationException($"{setting} must be a base64-encoded 256-bit key.");

    private static bool TryParse(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(base64.Trim());
            return key.Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
}

/// <summary>
/// Encrypts each data-protection key's secret with AES-256-GCM under the deployment's KEK before the key ring stores it.
/// Output: <c>&lt;aesGcmEncryptedKey kid="…"&gt;base64(nonce ‖ tag ‖ ciphertext)&lt;/aesGcmEncryptedKey&gt;</c>.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    internal const string ElementName = "aesGcmEncryptedKey";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keys.Current, TagSize))
        {
            aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(keys.CurrentId));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName, new XAttribute("kid", keys.CurrentId), new XAttribute("alg", "A256GCM"), Convert.ToBase64String(output));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    /// <summary>Binds the ciphertext to this format and to the KEK id, so neither can be swapped undetected.</summary>
    internal static byte[] AssociatedData(string kid) => Encoding.UTF8.GetBytes("BlazorPartner.DataProtection.KeyRing.v1:" + kid);
}

/// <summary>
/// Reverses <see cref="AesGcmXmlEncryptor"/>. Data protection creates decryptors by type name with the app's service provider,
/// hence the constructor shape. Keep this type's full name stable: stored keys name it.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<KeyEncryptionKeys>();
        var kid = (string?)encryptedElement.Attribute("kid") ?? throw new CryptographicException("The encrypted data-protection key names no key-encryption key.");
        var kek = keys.Find(kid) ?? throw new CryptographicException(
            $"The data-protection key was encrypted with key-encryption key {kid}, which is not configured (DataProtection:KeyEncryptionKey or RetiredKeyEncryptionKeys).");
        var input = Convert.FromBase64String(encryptedElement.Value);
        if (input.Length < AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize)
        {
            throw new CryptographicException("The encrypted data-protection key is truncated.");
        }

        var plaintext = new byte[input.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize];
        using (var aes = new AesGcm(kek, AesGcmXmlEncryptor.TagSize))
        {
            aes.Decrypt(
                input.AsSpan(0, AesGcmXmlEncryptor.NonceSize),
                input.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize),
                input.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize),
                plaintext,
                AesGcmXmlEncryptor.AssociatedData(kid));
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
