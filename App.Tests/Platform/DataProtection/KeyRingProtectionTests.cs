using System.Security.Cryptography;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.DataProtection;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Platform.DataProtection;

public class KeyRingProtectionTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static string NewKek() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static ServiceProvider AppInstance(TestDatabase database, string? kek, string environment = "Production", params string[] retired)
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:KeyEncryptionKey"] = kek };
        for (var i = 0; i < retired.Length; i++)
        {
            settings[$"DataProtection:RetiredKeyEncryptionKeys:{i}"] = retired[i];
        }

        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new Environment(environment))
            .AddSingleton(database.Factory)
            .AddDatabaseKeyRing()
            .BuildServiceProvider();
    }

    private static string Protect(IServiceProvider app, string text) => app.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(text);

    private static string Unprotect(IServiceProvider app, string text) => app.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(text);

    [Theory, MemberData(nameof(Providers))]
    public async Task Stored_keys_carry_no_plaintext_secret_and_instances_with_the_same_key_encryption_key_share_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var kek = NewKek();
        await using var first = AppInstance(database, kek);
        await using var second = AppInstance(database, kek);

        var token = Protect(first, "secret");

        Assert.Equal("secret", Unprotect(second, token));
        await using var db = await database.Factory.CreateDbContextAsync();
        var stored = Assert.Single(await db.Set<DataProtectionKey>().ToListAsync()).Xml;
        Assert.Contains("<key ", stored);
        Assert.Contains("encryptedSecret", stored);
        Assert.Contains("aesGcmEncryptedKey", stored);
        Assert.DoesNotContain("masterKey", stored);
        Assert.DoesNotContain("<value>", stored);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_key_encryption_key_cannot_read_the_ring_but_a_retired_one_still_can(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var original = NewKek();
        await using var writer = AppInstance(database, original);
        var token = Protect(writer, "secret");

        await using var stranger = AppInstance(database, NewKek());
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(stranger, token));

        await using var rotated = AppInstance(database, NewKek(), "Production", original);
        Assert.Equal("secret", Unprotect(rotated, token));
    }

    [Fact]
    public void Tampered_ciphertext_is_rejected()
    {
        var keys = new KeyEncryptionKeys(Options.Create(new KeyRingProtectionOptions { KeyEncryptionKey = NewKek() }));
        var encrypted = new AesGcmXmlEncryptor(keys).Encrypt(System.Xml.Linq.XElement.Parse("<masterKey><value>c2VjcmV0</value></masterKey>")).EncryptedElement;
        var bytes = Convert.FromBase64String(encrypted.Value);
        bytes[^1] ^= 1;
        encrypted.Value = Convert.ToBase64String(bytes);
        var services = new ServiceCollection().AddSingleton(keys).BuildServiceProvider();

        Assert.ThrowsAny<CryptographicException>(() => new AesGcmXmlDecryptor(services).Decrypt(encrypted));
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Production", "")]
    [InlineData("Staging", null)]
    [InlineData("Production", "dG9vIHNob3J0")] // base64, but not 256 bits
    [InlineData("Production", "not base64 at all")]
    public async Task Outside_development_a_missing_or_bad_key_encryption_key_stops_the_app_with_a_clear_message(string environment, string? kek)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = AppInstance(database, kek, environment);

        var error = Assert.Throws<OptionsValidationException>(() => app.GetRequiredService<IOptions<KeyRingProtectionOptions>>().Value);
        Assert.Contains("DataProtection:KeyEncryptionKey", error.Message);
        Assert.Contains("DataProtection__KeyEncryptionKey", error.Message);
    }

    [Fact]
    public async Task Development_without_a_key_encryption_key_still_encrypts_with_the_public_development_key()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = AppInstance(database, kek: null, environment: "Development");

        Assert.True(app.GetRequiredService<IOptions<KeyRingProtectionOptions>>().Value.UsesDevelopmentKey);
        Assert.Equal("secret", Unprotect(app, Protect(app, "secret")));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.DoesNotContain("masterKey", Assert.Single(await db.Set<DataProtectionKey>().ToListAsync()).Xml);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "BlazorPartner";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
