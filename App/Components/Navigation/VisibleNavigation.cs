using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace BlazorPartner.Components.Navigation;

/// <summary>Filters the contributed links and tiles to what one user may open, by the same policies the pages use.</summary>
public sealed class VisibleNavigation(IEnumerable<MenuLink> links, IEnumerable<HomeTile> tiles, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<(NavGroup Group, IReadOnlyList<MenuLink> Links)>> MenuForAsync(ClaimsPrincipal user)
    {
        var visible = new List<MenuLink>();
        foreach (var link in links)
        {
            if ((await authorization.AuthorizeAsync(user, link.Policy)).Succeeded)
            {
                visible.Add(link);
            }
        }

        return visible
            .GroupBy(l => l.Group)
            .OrderBy(g => g.Key.Order)
            .Select(g => (g.Key, (IReadOnlyList<MenuLink>)g.OrderBy(l => l.Order).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<HomeTile>> TilesForAsync(ClaimsPrincipal user)
    {
        var visible = new List<HomeTile>();
        foreach (var tile in tiles.OrderBy(t => t.Order))
        {
            if ((await authorization.AuthorizeAsync(user, tile.Policy)).Succeeded)
            {
                visible.Add(tile);
            }
        }

        return visible;
    }
}
