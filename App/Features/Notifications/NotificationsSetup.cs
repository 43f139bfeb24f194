using BlazorPartner.Platform.Notifications;

namespace BlazorPartner.Features.Notifications;

public static class NotificationRoutes
{
    public const string List = "/notifications";
}

/// <summary>Every user's notifications page (the bell in the top bar opens it); the notifier itself is Platform/Notifications.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotificationsPage(this IServiceCollection services) => services.AddNotifier();
}
