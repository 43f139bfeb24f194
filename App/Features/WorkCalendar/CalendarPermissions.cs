using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.WorkCalendar;

public static class CalendarPermissions
{
    public const string Group = "WorkCalendar";

    /// <summary>Add, change and remove holidays and make-up working days (the vendor's calendar drives R10 deadlines).</summary>
    public const string Edit = "calendar.edit";

    public static readonly IReadOnlyList<PermissionDefinition> All = [new(Edit, Group, [AppRoles.VendorOperator])];
}

public static class CalendarRoutes
{
    public const string Calendar = "/vendor/calendar";
}

public static class CalendarAuditActions
{
    public const string Set = "calendar.set";
    public const string Remove = "calendar.remove";
}
