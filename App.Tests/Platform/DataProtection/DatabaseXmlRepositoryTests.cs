using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.DataProtection;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Platform.DataProtection;

public class DatabaseXmlRepositoryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static ServiceProvider AppInstance(TestDatabase database) =>
        KeyRingProtectionTests.AppInstance(database, IdentityHost.KeyEncryptionKey);

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_app_instances_on_one_database_share_the_key_ring(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = AppInstance(database);
        await using var second = AppInstance(database);

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("auth-cookie").Protect("signed-in user");
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("auth-cookie").Unprotect(cookie);

        Assert.Equal("signed-in user", read);
        await using var db = await database.Factory.CreateDbContextAsync();
        var key = Assert.Single(await db.Set<DataProtectionKey>().ToListAsync());
        Assert.Contains("<key ", key.Xml);
    }
}
