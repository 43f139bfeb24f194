namespace BlazorPartner.Platform.Outbox;

public static class OutboxRegistration
{
    /// <summary>
    /// The mail sender. Idempotent: every slice that sends mail (customer invitations, member invitations) calls it, and
    /// the first call registers it. Reading the outbox is a feature (<c>Features/Outbox</c>).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(IMailSender)))
        {
            return services;
        }

        services.AddSingleton<IMailSender, OutboxMailSender>();
        return services;
    }
}
