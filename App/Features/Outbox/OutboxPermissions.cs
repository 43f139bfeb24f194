using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Outbox;

public static class OutboxPermissions
{
    public const string Group = "Platform";

    /// <summary>Read every mail the app sent (the vendor operator; there is no SMTP server, the outbox is the mailbox).</summary>
    public const string View = "outbox.view";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.VendorOperator]),
    ];
}

public static class OutboxRoutes
{
    public const string List = "/vendor/outbox";
}
