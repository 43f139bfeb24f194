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

    private static async Task<bool> SignInAsync(IdentityHost app, string userName, string password) =>
        await OutcomeAsync(app, userName, password, "203.0.113.1") == SignInOutcome.SignedIn;

    private static Task<SignInOutcome> OutcomeAsync(IdentityHost app, string userName, string password, string address) =>
        app.InScopeAsync(services => services.GetRequiredService<AccountSignIn>().PasswordSignInAsync(userName, password, address));

    [Fact]
    public async Task An_address_past_its_failed_sign_ins_is_refused_before_any_account_is_touched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new IdentityHost(database, clock);
        var victim = await app.CreateUserAsync("victim@signin.test", Password);
        var attacker = "198.51.100.9";

        // 20 failures against unknown names (the default limit)...
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(SignInOutcome.Refused, await OutcomeAsync(app, $"guess{i}@signin.test", "Wrong#Password1", attacker));
        }

        // ...then this address is refused before any account is looked at: the victim's failure count does not move, so it
        // cannot be locked from here (a correct password would wait for the window too).
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(SignInOutcome.TooManyFailures, await OutcomeAsync(app, victim.UserName!, "Wrong#Password1", attacker));
        }

        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(victim.Id))!;
            Assert.Equal((0, false), (await users.GetAccessFailedCountAsync(user), await users.IsLockedOutAsync(user)));
        });
        // Another address is not held back, and this one is heard again after the window.
        Assert.Equal(SignInOutcome.Refused, await OutcomeAsync(app, victim.UserName!, "Wrong#Password1", "192.0.2.44"));
        clock.Advance(FailedSignInLimit.Window);
        Assert.Equal(SignInOutcome.Refused, await OutcomeAsync(app, victim.UserName!, "Wrong#Password1", attacker));
        await app.WithUsersAsync(async users => Assert.Equal(2, await users.GetAccessFailedCountAsync((await users.FindByIdAsync(victim.Id))!)));
    }

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
