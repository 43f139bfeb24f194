using System.Security.Claims;
using System.Text;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity.Sessions;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Platform.Identity.Sessions;

public class DatabaseTicketStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static TestClock Clock() => new(DateTimeOffset.UtcNow);

    [Theory, MemberData(nameof(Providers))]
    public async Task The_database_holds_a_hash_of_the_key_and_an_encrypted_ticket(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new IdentityHost(database, Clock());
        var user = await app.CreateUserAsync("alice@sessions.test");

        var key = await app.Store.StoreAsync(await app.TicketForAsync(user));

        await using var db = await database.Factory.CreateDbContextAsync();
        var row = await db.Set<UserSession>().SingleAsync();
        Assert.True(SessionKeys.TryGetId(key, out var id));
        Assert.Equal(id, row.Id);
        Assert.NotEqual(key, row.Id);
        Assert.Equal(user.Id, row.UserId);
        Assert.DoesNotContain("alice@sessions.test", Encoding.UTF8.GetString(row.Ticket));

        var ticket = await app.Store.RetrieveAsync(key);
        Assert.NotNull(ticket);
        Assert.Equal(user.Id, ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(row.Id, UserSessions.SessionIdOf(ticket.Principal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_removed_session_is_refused_at_once_here_and_within_the_cache_time_on_other_instances(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var first = new IdentityHost(database, clock);
        await using var second = new IdentityHost(database, clock);
        await using var uncached = new IdentityHost(database, clock, cacheDuration: TimeSpan.Zero);
        var user = await first.CreateUserAsync("bob@sessions.test");
        var key = await first.Store.StoreAsync(await first.TicketForAsync(user));
        Assert.NotNull(await first.Store.RetrieveAsync(key));
        Assert.NotNull(await second.Store.RetrieveAsync(key)); // cached on the second instance now

        await first.Store.RemoveAsync(key);

        Assert.Null(await first.Store.RetrieveAsync(key));
        Assert.Null(await uncached.Store.RetrieveAsync(key));
        clock.Advance(new AppSessionOptions().CacheDuration);
        Assert.Null(await second.Store.RetrieveAsync(key));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_locked_out_user_is_refused_within_the_cache_time_and_the_session_resumes_when_the_lockout_ends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock);
        var user = await app.CreateUserAsync("carol@sessions.test");
        var key = await app.Store.StoreAsync(await app.TicketForAsync(user));
        Assert.NotNull(await app.Store.RetrieveAsync(key));

        await app.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, clock.GetUtcNow().AddMinutes(15)));
        clock.Advance(new AppSessionOptions().CacheDuration);

        Assert.Null(await app.Store.RetrieveAsync(key));
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.NotNull(await app.Store.RetrieveAsync(key));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_removed_user_loses_the_session_and_its_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock, cacheDuration: TimeSpan.Zero);
        var user = await app.CreateUserAsync("dave@sessions.test");
        var key = await app.Store.StoreAsync(await app.TicketForAsync(user));

        await app.WithUsersAsync(async users => await users.DeleteAsync((await users.FindByIdAsync(user.Id))!));

        Assert.Null(await app.Store.RetrieveAsync(key));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<UserSession>().CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_changed_security_stamp_ends_the_session_for_good(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock, cacheDuration: TimeSpan.Zero);
        var user = await app.CreateUserAsync("erin@sessions.test");
        var key = await app.Store.StoreAsync(await app.TicketForAsync(user));

        await app.WithUsersAsync(async users => await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!));

        Assert.Null(await app.Store.RetrieveAsync(key));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<UserSession>().CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ending_the_other_sessions_keeps_the_current_one_and_renewal_carries_the_new_stamp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock);
        var user = await app.CreateUserAsync("frank@sessions.test");
        var current = await app.Store.StoreAsync(await app.TicketForAsync(user));
        var other = await app.Store.StoreAsync(await app.TicketForAsync(user));
        var currentPrincipal = (await app.Store.RetrieveAsync(current))!.Principal;
        Assert.NotNull(await app.Store.RetrieveAsync(other)); // cached here

        // What the change-password page does: change the stamp, end the others, renew its own session.
        await app.WithUsersAsync(async users => await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!));
        Assert.Equal(1, await app.Sessions.EndOtherSessionsAsync(user.Id, currentPrincipal));
        await app.Store.RenewAsync(current, await app.TicketForAsync(user));

        Assert.Null(await app.Store.RetrieveAsync(other));
        Assert.NotNull(await app.Store.RetrieveAsync(current));
        Assert.True(await app.Sessions.IsActiveAsync((await app.Store.RetrieveAsync(current))!.Principal));
        // A circuit opened before the change (same session, old principal) follows the session, which was renewed.
        Assert.True(await app.Sessions.IsActiveAsync(currentPrincipal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_session_is_never_handed_over_to_another_user(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new IdentityHost(database, Clock());
        var attacker = await app.CreateUserAsync("mallory@sessions.test");
        var victim = await app.CreateUserAsync("victim@sessions.test");
        var planted = await app.Store.StoreAsync(await app.TicketForAsync(attacker));

        // The victim signs in on a browser that carries the attacker's cookie: the cookie handler renews that session.
        await app.Store.RenewAsync(planted, await app.TicketForAsync(victim));

        Assert.Null(await app.Store.RetrieveAsync(planted));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Circuits_see_sign_out_lockout_and_missing_session_claims(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock);
        var user = await app.CreateUserAsync("grace@sessions.test");
        var first = await app.Store.StoreAsync(await app.TicketForAsync(user));
        var second = await app.Store.StoreAsync(await app.TicketForAsync(user));
        var firstPrincipal = (await app.Store.RetrieveAsync(first))!.Principal;
        var secondPrincipal = (await app.Store.RetrieveAsync(second))!.Principal;
        Assert.True(await app.Sessions.IsActiveAsync(firstPrincipal));

        await app.Store.RemoveAsync(first);
        Assert.False(await app.Sessions.IsActiveAsync(firstPrincipal));

        Assert.True(await app.Sessions.IsActiveAsync(secondPrincipal));
        await app.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, clock.GetUtcNow().AddMinutes(15)));
        // No cache on this path: the very next revalidation sees the lockout.
        Assert.False(await app.Sessions.IsActiveAsync(secondPrincipal));

        Assert.False(await app.Sessions.IsActiveAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_expired_session_is_refused_and_purged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var app = new IdentityHost(database, clock);
        var user = await app.CreateUserAsync("heidi@sessions.test");
        var key = await app.Store.StoreAsync(await app.TicketForAsync(user, TimeSpan.FromMinutes(30)));

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await app.Store.RetrieveAsync(key));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<UserSession>().CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("not a key at all!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well-formed, never issued
    public async Task Keys_that_were_never_issued_are_refused_without_error(string key)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new IdentityHost(database, Clock());

        Assert.Null(await app.Store.RetrieveAsync(key));
        await app.Store.RemoveAsync(key);
        Assert.Null(await app.Store.RetrieveAsync(new string('A', 5000)));
    }

    [Fact]
    public void Defaults_end_access_within_a_minute()
    {
        var options = new AppSessionOptions();
        Assert.True(options.CacheDuration <= TimeSpan.FromSeconds(10));
        Assert.True(options.CircuitRevalidationInterval + options.CacheDuration < TimeSpan.FromMinutes(1));
    }
}
