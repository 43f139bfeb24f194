using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Outbox;

namespace BlazorPartner.Platform.Notifications;

public static class NotificationRegistration
{
    /// <summary>The notifier and this instance's signals. Idempotent: every slice that notifies calls it.</summary>
    public static IServiceCollection AddNotifier(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(Notifier)))
        {
            return services;
        }

        services.AddOutbox();
        services.AddChangeFeed();
        services.AddSingleton<NotificationSignals>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<NotificationInbox>();
        return services;
    }
}
