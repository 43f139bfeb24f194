using System.Collections.Concurrent;

namespace BlazorPartner.Platform.Live;

/// <summary>
/// What changed, by topic, so open consoles re-read it without a reload (issue 9 §2): a service publishes the topics a
/// committed change touches; a circuit showing that data subscribes. Topics say only "look again" — never data — so a
/// subscriber re-reads through its own tenant- and permission-checked services. Delivered at once to this instance's
/// circuits and, through <see cref="IChangeRelay"/>, to the other instances' (PostgreSQL LISTEN/NOTIFY).
/// </summary>
public sealed class ChangeFeed(IChangeRelay relay)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> listeners = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="changed"/> (on a thread-pool thread: marshal to the circuit) whenever <paramref name="topic"/> is published.</summary>
    public IDisposable Subscribe(string topic, Action changed)
    {
        var key = Guid.NewGuid();
        listeners.GetOrAdd(topic, _ => new()).TryAdd(key, changed);
        return new Subscription(() =>
        {
            if (listeners.TryGetValue(topic, out var subscribers))
            {
                subscribers.TryRemove(key, out _);
            }
        });
    }

    /// <summary>Tells every instance's subscribers of <paramref name="topics"/>. Call after the change has committed.</summary>
    public void Publish(IEnumerable<string> topics)
    {
        var distinct = topics.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        Deliver(distinct);
        relay.Send(distinct);
    }

    public void Publish(params string[] topics) => Publish((IEnumerable<string>)topics);

    /// <summary>This instance's subscribers only: what the relay hands over from another instance.</summary>
    public void Deliver(IEnumerable<string> topics)
    {
        foreach (var topic in topics)
        {
            if (listeners.TryGetValue(topic, out var subscribers))
            {
                foreach (var changed in subscribers.Values)
                {
                    changed();
                }
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

/// <summary>Carries published topics to the other instances. One process on SQLite has none to reach.</summary>
public interface IChangeRelay
{
    void Send(IReadOnlyList<string> topics);
}

public sealed class NoChangeRelay : IChangeRelay
{
    public void Send(IReadOnlyList<string> topics)
    {
    }
}

/// <summary>The topics services publish and consoles watch; each names whose data changed, never the data.</summary>
public static class LiveTopics
{
    /// <summary>A user's notifications, and so the counts in their menu.</summary>
    public static string User(string userId) => "user:" + userId;

    /// <summary>A partner's shared opportunities (lists, tab counts, details).</summary>
    public static string Opportunities(Guid partnerOrganizationId) => "opportunities:" + partnerOrganizationId.ToString("N");

    /// <summary>Every partner's opportunities: the vendor's console.</summary>
    public const string AllOpportunities = "opportunities:*";

    /// <summary>The opportunities <paramref name="actor"/> sees: every partner's for the vendor, else their own partner's.</summary>
    public static string OpportunitiesSeenBy(Core.Identity.Actor actor) => actor.IsVendor ? AllOpportunities : Opportunities(actor.OrganizationId);

    /// <summary>An organization's vouchers (issued by it or to its customers).</summary>
    public static string Vouchers(Guid organizationId) => "vouchers:" + organizationId.ToString("N");

    /// <summary>Every voucher: the vendor's console.</summary>
    public const string AllVouchers = "vouchers:*";

    /// <summary>The vouchers <paramref name="actor"/> sees.</summary>
    public static string VouchersSeenBy(Core.Identity.Actor actor) => actor.IsVendor ? AllVouchers : Vouchers(actor.OrganizationId);

    /// <summary>
    /// What a distributor's reviewers decide (its level of reseller applications, their assignments): its To do, queue and
    /// menu counts. Every reviewer of the organization listens, so one reviewer's decision empties the others' screens too.
    /// </summary>
    public static string ReviewQueue(Guid organizationId) => "reviews:" + organizationId.ToString("N");

    /// <summary>Everything the vendor's reviewers decide, whichever vendor organization they belong to.</summary>
    public const string VendorReviewQueue = "reviews:vendor";

    /// <summary>The review queue <paramref name="actor"/> works from.</summary>
    public static string ReviewQueueOf(Core.Identity.Actor actor) => actor.IsVendor ? VendorReviewQueue : ReviewQueue(actor.OrganizationId);
}
