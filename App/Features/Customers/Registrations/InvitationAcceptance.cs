using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>
/// The public side of an invitation (R16): the customer opens the link, confirms its contact details and associates.
/// There is no signed-in user: the token is the credential. Association claims the link with one conditional UPDATE
/// (still active, not expired), so of two tabs submitting at once exactly one creates the customer.
/// </summary>
public sealed class InvitationAcceptance(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<InvitationAcceptance> logger)
{
    /// <summary>Audit rows name the customer's contact as the actor's words; the actor itself is the system (anonymous).</summary>
    public const string AssociatedReasonKey = "Invitation.AssociatedReason";

    public async Task<InvitationView> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new InvitationInvalidException(InvitationFailure.Missing);
        }

        await using var db = await dbFactory.CreateSystemAsync(ct);
        var hash = LinkTokens.Hash(token!);
        var found = await (
            from i in db.CustomerInvitations.AsNoTracking()
            join r in db.CustomerRegistrations on i.RegistrationId equals r.Id
            join o in db.Organizations on i.OrganizationId equals o.Id
            where i.TokenHash == hash
            select new { Invitation = i, Registration = r, PartnerName = o.Name }).SingleOrDefaultAsync(ct)
            ?? throw new InvitationInvalidException(InvitationFailure.Missing);
        if (FailureOf(found.Invitation, found.Registration, time.GetUtcNow().UtcDateTime) is { } failure)
        {
            throw new InvitationInvalidException(failure);
        }

        var registration = found.Registration;
        return new InvitationView(found.PartnerName, found.Invitation.Mode, registration.CompanyName, registration.CreditCode, registration.ContactName,
            registration.ContactPhone, registration.ContactEmail, found.Invitation.ExpiresAtUtc);
    }

    /// <summary>Associates the customer through the link; returns the new customer's id.</summary>
    public async Task<Guid> AssociateAsync(string? token, AssociateInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var contact = errors.Text(nameof(input.ContactName), input.ContactName, RegistrationRules.MaxContactName);
        var phone = errors.Phone(nameof(input.ContactPhone), input.ContactPhone);
        var email = errors.Email(nameof(input.ContactEmail), input.ContactEmail);
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new InvitationInvalidException(InvitationFailure.Missing);
        }

        errors.ThrowIfAny();

        var hash = LinkTokens.Hash(token!);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The claim is the first statement (and a write): one of two concurrent submits gets the row, the other waits for
        // it and then matches nothing.
        var claimed = await db.CustomerInvitations
            .Where(i => i.TokenHash == hash && i.Status == InvitationStatus.Active && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Used).SetProperty(i => i.UsedAtUtc, now), ct);
        var invitation = await db.CustomerInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new InvitationInvalidException(InvitationFailure.Missing);
        var registration = await db.CustomerRegistrations.SingleAsync(r => r.Id == invitation.RegistrationId, ct);
        if (claimed == 0)
        {
            throw new InvitationInvalidException(FailureOf(invitation, registration, now) ?? InvitationFailure.Used);
        }

        if (FailureOf(invitation, registration, now, ignoreInvitationStatus: true) is { } failure)
        {
            throw new InvitationInvalidException(failure);
        }

        var (customer, assignment) = CustomerFactory.Associated(
            registration.OrganizationId, registration.CompanyName, registration.CreditCode, invitation.Mode,
            await IsAccountManagerAsync(db, registration.RegisteredByUserId, ct) ? registration.RegisteredByUserId : null,
            now, registration.RegisteredByUserId, registration.RegisteredByName);
        customer.RegistrationId = registration.Id;
        customer.ContactName = contact;
        customer.ContactPhone = phone;
        customer.ContactEmail = email;
        customer.Region = registration.Region;
        customer.Industry = registration.Industry;
        db.Customers.Add(customer);
        if (assignment is not null)
        {
            db.CustomerAssignments.Add(assignment);
        }

        registration.Status = RegistrationStatus.Associated;
        registration.CustomerId = customer.Id;
        registration.AssociatedAtUtc = now;
        registration.UpdatedAtUtc = now;
        db.Audit(null, RegistrationService.Change(registration, RegistrationAuditActions.Associate) with
        {
            Before = new { Status = RegistrationStatus.Approved },
            After = new { registration.Status, invitation.Mode, CustomerId = customer.Id, AssignedToRegistrant = assignment is not null },
            ReasonKey = AssociatedReasonKey,
        }, time);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The expiry job or a withdrawal changed the registration at the same moment: the link no longer leads anywhere.
            logger.LogInformation("Association through invitation {Id} lost to a concurrent change of its registration", invitation.Id);
            await db.Entry(registration).ReloadAsync(ct);
            throw new InvitationInvalidException(registration.Status == RegistrationStatus.Withdrawn ? InvitationFailure.Revoked : InvitationFailure.Expired);
        }

        await transaction.CommitAsync(ct);
        return customer.Id;
    }

    /// <summary>Why a link cannot be used now, or null when it can.</summary>
    private static InvitationFailure? FailureOf(CustomerInvitation invitation, CustomerRegistration registration, DateTime nowUtc, bool ignoreInvitationStatus = false)
    {
        if (!ignoreInvitationStatus && invitation.Status == InvitationStatus.Used)
        {
            return InvitationFailure.Used;
        }

        if (!ignoreInvitationStatus && invitation.Status == InvitationStatus.Revoked || registration.Status == RegistrationStatus.Withdrawn)
        {
            return InvitationFailure.Revoked;
        }

        if (registration.Status == RegistrationStatus.Associated)
        {
            return InvitationFailure.Used;
        }

        if (nowUtc >= invitation.ExpiresAtUtc || registration.Status != RegistrationStatus.Approved || registration.ReservedUntilUtc is not { } until || nowUtc >= until)
        {
            return InvitationFailure.Expired;
        }

        return null;
    }

    private static Task<bool> IsAccountManagerAsync(AppDbContext db, string userId, CancellationToken ct) => (
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where ur.UserId == userId && r.Name == AppRoles.AccountManager
        select ur).AnyAsync(ct);
}
