using System.Xml.Linq;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.DataProtection;

/// <summary>
/// Keeps the data-protection key ring in the app database, so sign-in cookies and antiforgery tokens issued by one app
/// instance are valid on another (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore is not served here).
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<AppDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionRegistration
{
    public const string ApplicationName = "BlazorPartner";

    /// <summary>
    /// The key ring in the database, each key's secret encrypted with the deployment's key-encryption key
    /// (<c>DataProtection:KeyEncryptionKey</c>). Without one, only the Development environment starts (with a public key);
    /// anywhere else startup fails with a message naming the setting.
    /// </summary>
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyRingProtectionOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                provider.GetService<IConfiguration>()?.GetSection(KeyRingProtectionOptions.Section).Bind(options);
                var development = provider.GetService<IHostEnvironment>()?.IsDevelopment() == true;
                options.UsesDevelopmentKey = development && string.IsNullOrWhiteSpace(options.KeyEncryptionKey);
            })
            .Validate(
                options => options.UsesDevelopmentKey || KeyEncryptionKeys.IsValid(options.KeyEncryptionKey),
                "DataProtection:KeyEncryptionKey is missing or is not a base64-encoded 256-bit key. Outside Development the data-protection " +
                "key ring is stored encrypted and the deployment must supply this key, e.g. the environment variable " +
                "DataProtection__KeyEncryptionKey=$(openssl rand -base64 32), the same on every instance (docs/decisions/0006-session-store-and-key-protection.md).")
            .ValidateOnStart();
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IDbContextFactory<AppDbContext>>());
            options.XmlEncryptor = new AesGcmXmlEncryptor(provider.GetRequiredService<KeyEncryptionKeys>());
        }));
        services.AddHostedService<DevelopmentKeyWarning>();
        return services;
    }
}

/// <summary>Says once at startup that the public development key-encryption key is in use.</summary>
internal sealed class DevelopmentKeyWarning(IOptions<KeyRingProtectionOptions> options, ILogger<DevelopmentKeyWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UsesDevelopmentKey)
        {
            logger.LogWarning("DataProtection:KeyEncryptionKey is not set: the key ring is encrypted with the public development key. Never use this outside Development.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
