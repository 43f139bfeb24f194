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

    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IDbContextFactory<AppDbContext>>())));
        return services;
    }
}
