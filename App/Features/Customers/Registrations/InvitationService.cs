using System.Globalization;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>
/// R16: within the reservation the partner previews and sends an invitation for a chosen association mode (R17). Sending
/// revokes the registration's previous link, stores the new link's hash and writes the mail to the outbox, in one
/// transaction.
/// </summary>
public sealed class InvitationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IMailSender mail, IStringLocalizer<SharedResource> L)
{
    public const string MailKind = "customer-invitation";

    /// <summary>The mail as it will be sent, with a placeholder where the link goes (the link is made when sending).</summary>
    public async Task<InvitationMail> PreviewAsync(Actor actor, SendInvitationInput input, CancellationToken ct = default)
    {
        var mode = DemandInviter(actor, input);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var registration = await LoadInvitableAsync(db, actor, input.Target, ct);
        var partner = await db.Organizations.Where(o => o.Id == registration.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return Compose(registration, partner, mode, L["Invitation.LinkPlaceholder"]);
    }

    /// <summary>Sends the invitation; returns the mail as stored in the outbox (with the link).</summary>
    public async Task<InvitationMail> SendAsync(Actor actor, SendInvitationInput input, string baseUri, CancellationToken ct = default)
    {
        var mode = DemandInviter(actor, input);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;

        // Write first (SQLite write lock, PostgreSQL row lock): two sends for one registration run one after the other,
        // so the second revokes the first's link and exactly one link stays active.
        var touched = await db.CustomerRegistrations
            .Where(r => r.Id == input.Target.Id && r.OrganizationId == actor.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastInvitedAtUtc, now).SetProperty(r => r.Version, r => r.Version + 1), ct);
        if (touched == 0)
        {
            throw new NotFoundException(nameof(CustomerRegistration), input.Target.Id);
        }

        var registration = await LoadInvitableAsync(db, actor, input.Target with { ExpectedVersion = input.Target.ExpectedVersion + 1 }, ct);
        var partner = await db.Organizations.Where(o => o.Id == registration.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var revoked = await db.CustomerInvitations
            .Where(i => i.RegistrationId == registration.Id && i.Status == InvitationStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked).SetProperty(i => i.RevokedAtUtc, now), ct);

        var token = LinkTokens.NewToken();
        var message = Compose(registration, partner, mode, RegistrationRoutes.InvitationLink(baseUri, token));
        var invitation = new CustomerInvitation
        {
            OrganizationId = registration.OrganizationId,
            RegistrationId = registration.Id,
            Mode = mode,
            TokenHash = LinkTokens.Hash(token),
            RecipientEmail = registration.ContactEmail,
            Status = InvitationStatus.Active,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.DisplayName,
            CreatedAtUtc = now,
            ExpiresAtUtc = registration.ReservedUntilUtc!.Value,
        };
        invitation.OutboxMessageId = mail.Send(db, new OutgoingMail(message.Recipient, message.Subject, message.Body, MailKind, registration.OrganizationId), now);
        db.CustomerInvitations.Add(invitation);
        db.Audit(actor, RegistrationService.Change(registration, RegistrationAuditActions.Invite) with
        {
            After = new { Mode = mode, invitation.RecipientEmail, invitation.ExpiresAtUtc, RevokedPrevious = revoked },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return message;
    }

    private static AssociationMode DemandInviter(Actor actor, SendInvitationInput input)
    {
        actor.Demand(CustomerPermissions.Invite);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("invite a partner's customer");
        }

        if (input.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            throw new ValidationException(nameof(input.Mode), "Invitation.ModeRequired");
        }

        return mode;
    }

    private async Task<CustomerRegistration> LoadInvitableAsync(AppDbContext db, Actor actor, RegistrationTarget target, CancellationToken ct)
    {
        var registration = await db.CustomerRegistrations.VisibleTo(db, actor).AsNoTracking().SingleOrDefaultAsync(r => r.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(CustomerRegistration), target.Id);
        if (!RegistrationRules.CanAct(actor, registration.OrganizationId, registration.RegisteredByUserId, CustomerPermissions.Invite))
        {
            throw new AccessDeniedException("invite for a registration of someone else");
        }

        if (registration.Status != RegistrationStatus.Approved || registration.ReservedUntilUtc is not { } until || until <= time.GetUtcNow().UtcDateTime)
        {
            throw new RegistrationStateException(registration.CompanyName, registration.Status, "Invitation.NotReserved");
        }

        if (target.ExpectedVersion is { } seen && seen != registration.Version)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Registration of {registration.CompanyName} was changed by someone else.", "Registration.ChangedElsewhere", registration.CompanyName);
        }

        return registration;
    }

    private InvitationMail Compose(CustomerRegistration registration, string partner, AssociationMode mode, string link)
    {
        var expires = BeijingTime.Format(registration.ReservedUntilUtc);
        var modeText = L[$"Invitation.Mode.{mode}"].Value;
        var subject = L["Invitation.MailSubject", partner].Value;
        var body = string.Format(CultureInfo.CurrentCulture, L["Invitation.MailBody"].Value,
            registration.ContactName, registration.CompanyName, partner, modeText, link, expires);
        return new InvitationMail(registration.ContactEmail, subject, body);
    }
}
