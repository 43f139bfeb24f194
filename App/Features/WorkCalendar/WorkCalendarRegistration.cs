using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.WorkCalendar;

public static class WorkCalendarRegistration
{
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services)
    {
        services.AddPermissions(CalendarPermissions.All);
        services.AddSingleton<WorkCalendarEditor>();
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.WorkCalendar", CalendarRoutes.Calendar, "event", CalendarPermissions.Edit));
        return services;
    }
}
