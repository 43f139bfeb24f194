using System.Diagnostics;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Platform.Identity;

public class AccountSignInTests
{
    private const string Password = "Correct#Horse1";

    private sealed class CountingHasher : PasswordHasher<AppUser>
    {
        public int Verifications;

        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static Task<bool> SignInAsync(IdentityHost app, string userName, string password) =>
        app.InScopeAsync(services => services.GetRequiredService<AccountSignIn>().PasswordSignInAsync(userName, password));

    [Fact]
    public async Task Unknown_locked_and_wrong_password_attempts_each_verify_one_password_hash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var hasher = new CountingHasher();
        await using var app = new IdentityHost(database, TimeProvider.System, configure: s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        var user = await app.CreateUserAsync("ivan@signin.test", Password);

        hasher.Verifications = 0;
        Assert.False(await SignInAsync(app, "nobody@signin.test", Password));
        Assert.Equal(1, hasher.Verifications);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            hasher.Verifications = 0;
            Assert.False(await SignInAsync(app, user.UserName!, "Wrong#Password1"));
            Assert.Equal(1, hasher.Verifications);
        }

        // Five failures lock the account (15 minutes); the right password is refused, at the same cost.
        await app.WithUsersAsync(async users => Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!)));
        hasher.Verifications = 0;
        Assert.False(await SignInAsync(app, user.UserName!, Password));
        Assert.Equal(1, hasher.Verifications);
        await app.WithUsersAsync(async users =>
        {
            var end = await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!);
            Assert.InRange(end!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        });
    }

    [Fact]
    public async Task An_unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new IdentityHost(database, TimeProvider.System);
        var user = await app.CreateUserAsync("judy@signin.test", Password);
        await SignInAsync(app, "warm-up@signin.test", Password); // first use creates the decoy hash

        var unknown = new List<double>();
        var known = new List<double>();
        for (var round = 0; round < 3; round++) // 3 failures stay below the lockout
        {
            unknown.Add(await TimeAsync(() => SignInAsync(app, $"nobody{round}@signin.test", "Wrong#Password1")));
            known.Add(await TimeAsync(() => SignInAsync(app, user.UserName!, "Wrong#Password1")));
        }

        // Without the decoy verification an unknown address answered 10–100x faster; allow for a busy machine.
        Assert.True(Median(unknown) >= Median(known) / 3, $"unknown {Median(unknown):F1} ms vs known {Median(known):F1} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<bool>> attempt)
    {
        var watch = Stopwatch.StartNew();
        Assert.False(await attempt());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
