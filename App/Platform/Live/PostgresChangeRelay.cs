using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace BlazorPartner.Platform.Live;

/// <summary>
/// Instances on one PostgreSQL database tell each other what changed with LISTEN/NOTIFY on the database already deployed
/// (no new server). Sending is fire-and-forget through a queue, so a committed action never waits on it; a notification
/// lost while the listening connection is down costs a stale screen until the next page, never data, because every write
/// still checks versions (the version check stays the authority on who was first).
/// </summary>
public sealed class PostgresChangeRelay(string connectionString, ILogger<PostgresChangeRelay> logger) : BackgroundService, IChangeRelay
{
    public const string Channel = "blazorpartner_changes";

    // NOTIFY payloads stop at 8000 bytes; topics are short, so batches are cut well below that.
    private const int MaxPayload = 7000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<IReadOnlyList<string>> outgoing = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<string>>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Tells this instance's own notifications apart from the others'.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Where topics from other instances go (set once at startup: the feed and the relay need each other).</summary>
    public ChangeFeed? Feed { get; set; }

    public void Send(IReadOnlyList<string> topics) => outgoing.Writer.TryWrite(topics);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                logger.LogInformation("Listening for other instances' changes on {Channel}", Channel);
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning(error, "Lost the change channel; other instances' changes show on the next page until it is back");
                await Task.Delay(RetryDelay, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        while (await WaitForWorkAsync(ct))
        {
            if (!outgoing.Reader.TryRead(out var topics))
            {
                continue;
            }

            foreach (var payload in Payloads(topics))
            {
                try
                {
                    await using var notify = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", payload);
                    await notify.ExecuteNonQueryAsync(ct);
                }
                catch (Exception error) when (error is NpgsqlException or InvalidOperationException or System.IO.IOException)
                {
                    logger.LogWarning(error, "Could not tell other instances of a change; their screens catch up on the next page");
                }
            }
        }
    }

    private async Task<bool> WaitForWorkAsync(CancellationToken ct)
    {
        try
        {
            return await outgoing.Reader.WaitToReadAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<string> Payloads(IReadOnlyList<string> topics)
    {
        var payload = new System.Text.StringBuilder(InstanceId);
        foreach (var topic in topics)
        {
            if (payload.Length + topic.Length + 1 > MaxPayload)
            {
                yield return payload.ToString();
                payload.Clear().Append(InstanceId);
            }

            payload.Append('\n').Append(topic);
        }

        yield return payload.ToString();
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('\n');
        if (parts.Length < 2 || parts[0] == InstanceId)
        {
            // Our own: its subscribers were told when it was published.
            return;
        }

        Feed?.Deliver(parts.Skip(1));
    }
}

public static class LiveRegistration
{
    /// <summary>The change feed, with no relay: one process. Idempotent (every slice that publishes calls it).</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(ChangeFeed)))
        {
            return services;
        }

        services.AddSingleton<IChangeRelay, NoChangeRelay>();
        services.AddSingleton<ChangeFeed>();
        return services;
    }

    /// <summary>On PostgreSQL, instances sharing the database relay their changes to each other (issue 9 §2).</summary>
    public static IServiceCollection AddChangeRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChangeFeed();
        var database = configuration.GetSection(Database.DatabaseOptions.Section).Get<Database.DatabaseOptions>() ?? new Database.DatabaseOptions();
        if (database.Provider != Database.DatabaseProvider.Postgres
            || configuration.GetConnectionString(Database.DatabaseRegistration.PostgresConnectionName) is not { } connectionString)
        {
            return services;
        }

        services.AddSingleton(sp => new PostgresChangeRelay(connectionString, sp.GetRequiredService<ILogger<PostgresChangeRelay>>()));
        services.Replace(ServiceDescriptor.Singleton<IChangeRelay>(sp => sp.GetRequiredService<PostgresChangeRelay>()));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var relay = sp.GetRequiredService<PostgresChangeRelay>();
            var feed = new ChangeFeed(relay);
            relay.Feed = feed;
            return feed;
        }));
        services.AddHostedService(sp =>
        {
            sp.GetRequiredService<ChangeFeed>();
            return sp.GetRequiredService<PostgresChangeRelay>();
        });
        return services;
    }
}
