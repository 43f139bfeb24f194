using System.Globalization;
using BlazorPartner.Core.Data;

namespace BlazorPartner.Platform.Outbox;

/// <summary>An e-mail to send: who gets it, what it says, what kind it is and for which organization.</summary>
public sealed record OutgoingMail(string Recipient, string Subject, string Body, string Kind, Guid? OrganizationId);

/// <summary>
/// Sends mail as part of a command. The message is staged on the caller's context, so it commits (or not) with the change
/// that caused it: a refused command sends nothing, and a sent invitation always has its mail.
/// </summary>
public interface IMailSender
{
    /// <summary>Stages <paramref name="mail"/> on <paramref name="db"/> without saving; returns the message id.</summary>
    Guid Send(AppDbContext db, OutgoingMail mail, DateTime nowUtc);
}

/// <summary>Stores every message in the outbox table (no SMTP server here).</summary>
public sealed class OutboxMailSender : IMailSender
{
    public Guid Send(AppDbContext db, OutgoingMail mail, DateTime nowUtc)
    {
        var message = new OutboxMessage
        {
            OrganizationId = mail.OrganizationId,
            Kind = mail.Kind,
            Recipient = mail.Recipient,
            Subject = mail.Subject,
            Body = mail.Body,
            Culture = CultureInfo.CurrentUICulture.Name,
            CreatedAtUtc = nowUtc,
        };
        db.Set<OutboxMessage>().Add(message);
        return message.Id;
    }
}
