using Microsoft.AspNetCore.Components.Routing;

namespace BlazorPartner.Components.Navigation;

/// <summary>
/// The menu's groups. The shell owns the groups; slices contribute links into them, so the shell knows no feature and a
/// group with nothing the user may open is not shown at all.
/// </summary>
public static class NavGroups
{
    /// <summary>The user's own queue of work (a reviewer's "To do"), above the capability groups.</summary>
    public static readonly NavGroup Work = new("work", "Nav.Work", "inbox", 5);
    public static readonly NavGroup Sales = new("sales", "Nav.Sales", "trending_up", 10);
    public static readonly NavGroup Finance = new("finance", "Nav.Finance", "account_balance_wallet", 20);
    public static readonly NavGroup Vendor = new("vendor", "Nav.VendorConsole", "storefront", 30);
    public static readonly NavGroup Organization = new("organization", "Nav.Organization", "settings", 40);
}

public sealed record NavGroup(string Key, string TextKey, string Icon, int Order);

/// <summary>
/// One menu link a slice contributes. Shown when the user satisfies <paramref name="Policy"/>. With a <paramref name="Count"/>
/// (an <see cref="IMenuCount"/> service type) the link shows how many items wait, refreshed on every navigation and live
/// whenever the user is notified of something or the count's own topics change.
/// </summary>
public sealed record MenuLink(NavGroup Group, string TextKey, string Href, string Icon, string Policy, int Order = 0, NavLinkMatch Match = NavLinkMatch.Prefix, Type? Count = null);

/// <summary>How many items wait behind a menu link for this user (e.g. a reviewer's pending items).</summary>
public interface IMenuCount
{
    Task<int> CountAsync(Core.Identity.Actor actor, CancellationToken ct);

    /// <summary>
    /// The live topics (<c>LiveTopics</c>) whose changes can change the count besides the user's own notifications: e.g.
    /// another reviewer deciding an item this one also waits on.
    /// </summary>
    IEnumerable<string> Topics(Core.Identity.Actor actor) => [];
}

/// <summary>A start-page shortcut a slice contributes, shown to users who satisfy <paramref name="Policy"/>.</summary>
public sealed record HomeTile(string TextKey, string DescriptionKey, string Href, string Icon, string Policy, int Order = 0);

public static class NavigationRegistration
{
    public static IServiceCollection AddMenuLink(this IServiceCollection services, MenuLink link) => services.AddSingleton(link);

    public static IServiceCollection AddHomeTile(this IServiceCollection services, HomeTile tile) => services.AddSingleton(tile);
}
