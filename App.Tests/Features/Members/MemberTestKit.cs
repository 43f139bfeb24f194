using System.Text.RegularExpressions;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Features.Members;

/// <summary>The member slice's services on a test world, plus the Identity host that joining needs (UserManager).</summary>
internal static partial class MemberTestKit
{
    public const string BaseUri = "https://console.test/";

    public const string GoodPassword = "Join#Partner2026";

    public static MemberInvitations Invitations(this TestWorld world) => world.Get<MemberInvitations>();

    public static MemberDirectory Directory(this TestWorld world) => world.Get<MemberDirectory>();

    /// <summary>Runs <paramref name="use"/> with a <see cref="MemberJoin"/> built on an Identity host over the world's database.</summary>
    /// <param name="clock">The join's own clock, e.g. one that lets something happen while the join is under way.</param>
    public static async Task<T> WithJoinAsync<T>(this TestWorld world, Func<MemberJoin, Task<T>> use, TimeProvider? clock = null)
    {
        await using var host = new IdentityHost(world.Database, world.Clock);
        return await host.InScopeAsync(services => use(new MemberJoin(world.Factory, clock ?? world.Clock, services.GetRequiredService<UserManager<AppUser>>())));
    }

    /// <summary>
    /// The world's time, but the <paramref name="at"/>-th reading runs <paramref name="meanwhile"/> first. A join reads the
    /// time once before it loads the invitation and once after (is it expired?), so the second reading is the moment
    /// between opening the link and claiming it.
    /// </summary>
    public sealed class MeanwhileClock(TestClock clock, int at, Func<Task> meanwhile) : TimeProvider
    {
        private int _readings;

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _readings) == at)
            {
                // On the thread pool: blocking the test's synchronization context on its own continuations would deadlock.
                Task.Run(meanwhile).GetAwaiter().GetResult();
            }

            return clock.GetUtcNow();
        }
    }

    /// <summary>Invites <paramref name="email"/> as Partner A's admin; returns the invitation id and the link's token from the outbox mail.</summary>
    public static async Task<(Guid Id, string Token)> InviteAsync(this TestWorld world, string email, params string[] roles)
    {
        var id = await world.Invitations().InviteAsync(world.AdminA, new InviteMemberInput { Email = email, Roles = roles.Length == 0 ? [AppRoles.AccountManager] : roles }, BaseUri);
        return (id, await LatestTokenForAsync(world, email));
    }

    public static async Task<string> LatestTokenForAsync(this TestWorld world, string email)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var body = await db.Set<OutboxMessage>().Where(m => m.Recipient == email).OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
        return TokenIn(body);
    }

    public static string TokenIn(string body) => LinkPattern().Match(body).Groups[1].Value;

    public static Task<string> JoinAsync(this TestWorld world, string token, string name = "New Member", string password = GoodPassword) =>
        world.WithJoinAsync(join => join.JoinAsync(token, new JoinInput { DisplayName = name, Password = password, ConfirmPassword = password }));

    public static async Task<MemberInvitation> LoadInvitationAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public static async Task<MemberInvitationState> StateAsync(this TestWorld world, Guid id)
    {
        var page = await world.Directory().GetInvitationsAsync(world.AdminA, null, 0, 100);
        return page.Items.Single(i => i.Id == id).State;
    }

    [GeneratedRegex(@"https://console\.test/join/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
