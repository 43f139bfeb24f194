namespace BlazorPartner.Platform.Live;

/// <summary>
/// A component's watch on some topics: a burst of changes (a batch accept of 50 rows, or two users at once) becomes one
/// re-read shortly after the first, run on the component's circuit. Disposing it stops the watch.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    /// <summary>Long enough to fold a burst into one re-read, short enough to feel immediate.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly IDisposable[] subscriptions;
    private readonly Func<Func<Task>, Task> dispatch;
    private readonly Func<Task> refresh;
    private readonly ILogger logger;
    private int pending;
    private volatile bool disposed;

    /// <param name="dispatch">The component's <c>InvokeAsync</c>: the re-read runs on its circuit.</param>
    public LiveRefresh(ChangeFeed feed, IEnumerable<string> topics, Func<Func<Task>, Task> dispatch, Func<Task> refresh, ILogger logger)
    {
        this.dispatch = dispatch;
        this.refresh = refresh;
        this.logger = logger;
        subscriptions = topics.Distinct(StringComparer.Ordinal).Select(t => feed.Subscribe(t, Changed)).ToArray();
    }

    private void Changed()
    {
        if (disposed || Interlocked.Exchange(ref pending, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(Settle);
            Interlocked.Exchange(ref pending, 0);
            if (!disposed)
            {
                await dispatch(refresh);
            }
        }
        catch (Exception error) when (error is ObjectDisposedException or OperationCanceledException)
        {
            // The component or its circuit went away meanwhile.
        }
        catch (Exception error)
        {
            // Nobody awaits this: a failed re-read must not take the circuit down; the next change or page retries.
            logger.LogWarning(error, "A live refresh failed");
        }
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }
}
