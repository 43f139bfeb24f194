using BlazorPartner.Platform.Live;
using BlazorPartner.Tests.Support;
using BlazorPartner.Platform.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlazorPartner.Tests.Platform.Live;

/// <summary>Issue 9 §2: what changed reaches the consoles watching it, on this instance and (PostgreSQL) on the others.</summary>
public sealed class ChangeFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public void A_published_topic_reaches_its_subscribers_only_until_they_unsubscribe()
    {
        var feed = new ChangeFeed(new NoChangeRelay());
        var mine = 0;
        var other = 0;
        var subscription = feed.Subscribe("opportunities:a", () => mine++);
        using var _ = feed.Subscribe("opportunities:b", () => other++);

        feed.Publish("opportunities:a", "opportunities:a");
        Assert.Equal(1, mine);
        Assert.Equal(0, other);

        subscription.Dispose();
        feed.Publish("opportunities:a");
        Assert.Equal(1, mine);
    }

    [Fact]
    public async Task A_burst_of_changes_becomes_one_re_read_on_the_components_dispatcher()
    {
        var feed = new ChangeFeed(new NoChangeRelay());
        var reads = 0;
        var dispatched = 0;
        var done = new TaskCompletionSource();
        using var live = new LiveRefresh(feed, ["vouchers:x"], async work => { dispatched++; await work(); }, () =>
        {
            Interlocked.Increment(ref reads);
            done.TrySetResult();
            return Task.CompletedTask;
        }, NullLogger.Instance);

        for (var i = 0; i < 20; i++)
        {
            feed.Publish("vouchers:x");
        }

        await done.Task.WaitAsync(Patience);
        // Past the settle time nothing else is queued: the 20 changes were folded into one re-read.
        await Task.Delay(LiveRefresh.Settle * 3);
        Assert.Equal(1, reads);
        Assert.Equal(1, dispatched);
    }

    [Fact]
    public async Task A_disposed_watch_no_longer_re_reads()
    {
        var feed = new ChangeFeed(new NoChangeRelay());
        var reads = 0;
        var live = new LiveRefresh(feed, ["vouchers:y"], work => work(), () => { reads++; return Task.CompletedTask; }, NullLogger.Instance);
        live.Dispose();

        feed.Publish("vouchers:y");
        await Task.Delay(LiveRefresh.Settle * 3);
        Assert.Equal(0, reads);
    }

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public void The_app_relays_changes_between_instances_on_postgresql_and_keeps_them_in_process_on_sqlite(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider.ToString() };
        if (provider == DatabaseProvider.Postgres)
        {
            settings["ConnectionStrings:Partner"] = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddChangeFeed().AddChangeRelay(configuration).BuildServiceProvider();

        var relay = services.GetRequiredService<IChangeRelay>();
        Assert.IsType(provider == DatabaseProvider.Postgres ? typeof(PostgresChangeRelay) : typeof(NoChangeRelay), relay);
        Assert.Equal(provider == DatabaseProvider.Postgres ? 1 : 0, services.GetServices<IHostedService>().Count());
        if (relay is PostgresChangeRelay postgres)
        {
            Assert.Same(services.GetRequiredService<ChangeFeed>(), postgres.Feed);
        }
    }

    [Fact]
    public async Task On_postgresql_a_change_on_one_instance_reaches_the_other_and_not_its_own_subscribers_twice()
    {
        var connectionString = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Like every PostgreSQL test, this needs the test server (CI always has it); SQLite runs one process.
            return;
        }

        await using var a = await Instance.StartAsync(connectionString!);
        await using var b = await Instance.StartAsync(connectionString!);
        var topic = "opportunities:" + Guid.NewGuid().ToString("N");
        var onA = 0;
        var onB = new TaskCompletionSource();
        using var watchA = a.Feed.Subscribe(topic, () => Interlocked.Increment(ref onA));
        using var watchB = b.Feed.Subscribe(topic, () => onB.TrySetResult());

        // B listens once its LISTEN is in place; keep publishing until it hears (a NOTIFY before LISTEN is lost by design).
        var deadline = DateTime.UtcNow + Patience;
        var published = 0;
        while (!onB.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            a.Feed.Publish(topic);
            published++;
            await Task.WhenAny(onB.Task, Task.Delay(250));
        }

        Assert.True(onB.Task.IsCompleted, "instance B never heard of instance A's change");
        // A's own subscriber heard each publish once, locally; its own NOTIFY coming back is ignored.
        await Task.Delay(500);
        Assert.Equal(published, Volatile.Read(ref onA));
    }

    private sealed class Instance : IAsyncDisposable
    {
        private readonly PostgresChangeRelay relay;

        private Instance(PostgresChangeRelay relay, ChangeFeed feed)
        {
            this.relay = relay;
            Feed = feed;
        }

        public ChangeFeed Feed { get; }

        public static async Task<Instance> StartAsync(string connectionString)
        {
            var relay = new PostgresChangeRelay(connectionString, NullLogger<PostgresChangeRelay>.Instance);
            var feed = new ChangeFeed(relay);
            relay.Feed = feed;
            await relay.StartAsync(CancellationToken.None);
            return new Instance(relay, feed);
        }

        public async ValueTask DisposeAsync()
        {
            await relay.StopAsync(CancellationToken.None);
            relay.Dispose();
        }
    }
}
