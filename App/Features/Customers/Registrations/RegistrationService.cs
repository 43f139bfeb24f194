using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>
/// R15: a partner registers a prospect; the vendor operator approves (a 15-day reservation) or rejects it. Every command
/// checks tenant and permission itself, writes its audit row in the same transaction, and stores nothing when refused.
/// </summary>
public sealed class RegistrationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, Notifier notifier, ChangeFeed changes, ILogger<RegistrationService> logger)
{
    public async Task<Guid> RegisterAsync(Actor actor, RegisterCustomerInput input, CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.Register);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("register a customer for a partner");
        }

        var errors = new InputErrors();
        var company = errors.Text(nameof(input.CompanyName), input.CompanyName, RegistrationRules.MaxCompanyName);
        var code = CreditCode.Normalize(input.CreditCode);
        if (code.Length == 0)
        {
            errors.Add(nameof(input.CreditCode), "Validation.Required");
        }
        else if (!CreditCode.IsValid(code))
        {
            errors.Add(nameof(input.CreditCode), "Registration.CreditCodeInvalid");
        }

        var contact = errors.Text(nameof(input.ContactName), input.ContactName, RegistrationRules.MaxContactName);
        var phone = errors.Phone(nameof(input.ContactPhone), input.ContactPhone);
        var email = errors.Email(nameof(input.ContactEmail), input.ContactEmail);
        var region = errors.Code(nameof(input.Region), RegistrationRules.Regions, input.Region);
        var industry = errors.Code(nameof(input.Industry), RegistrationRules.Industries, input.Industry);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The write comes first: it locks the partner's row (PostgreSQL) or takes the write lock (SQLite), so this
        // partner's registrations run one at a time and the cap below cannot be overrun by two at once.
        await db.Organizations.Where(o => o.Id == actor.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), ct);

        var open = await db.CustomerRegistrations.CountAsync(
            r => r.OrganizationId == actor.OrganizationId && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Approved), ct);
        if (open >= RegistrationOptions.MaxOpenPerPartner)
        {
            throw new BusinessException(RegistrationErrorCodes.CapReached,
                $"Partner {actor.OrganizationId} already has {open} registrations pending or approved.",
                "Registration.CapReached", RegistrationOptions.MaxOpenPerPartner);
        }

        if (await HolderAsync(db, code, ct) is { } holder)
        {
            throw Held(actor, holder);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var registration = new CustomerRegistration
        {
            OrganizationId = actor.OrganizationId,
            CompanyName = company,
            CreditCode = code,
            HeldCreditCode = code,
            ContactName = contact,
            ContactPhone = phone,
            ContactEmail = email,
            Region = region,
            Industry = industry,
            Status = RegistrationStatus.Pending,
            RegisteredByUserId = actor.UserId,
            RegisteredByName = actor.DisplayName,
            RegisteredAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.CustomerRegistrations.Add(registration);
        db.Audit(actor, Change(registration, RegistrationAuditActions.Register) with
        {
            After = new { registration.CompanyName, registration.CreditCode, registration.Status },
        }, time);

        // The vendor's reviewers learn that an item arrived for them (bell and mail), in the same transaction.
        var partner = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var reviewers = await Notifier.VendorHoldersAsync(db, CustomerPermissions.ReviewRegistrations, ct);
        var bells = await notifier.StageAsync(db, reviewers,
            new NotificationDraft(RegistrationNotifications.Submitted, "Notification.RegistrationSubmitted", [partner, company], RegistrationRoutes.VendorInbox), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // Another partner's registration of the same company committed between the check and this insert.
            logger.LogInformation("Concurrent registration of credit code {Code} lost the race", code);
            throw new BusinessException(RegistrationErrorCodes.AlreadyHeld, $"Credit code {code} is already held.", "Registration.AlreadyHeld");
        }

        await transaction.CommitAsync(ct);
        bells.Ring();
        return registration.Id;
    }

    /// <summary>Approves a pending registration: the customer is reserved for the partner for 15 days (R15).</summary>
    public async Task<DateTime> ApproveAsync(Actor actor, RegistrationTarget target, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var registration = await LoadPendingAsync(db, target, ct);
        var now = time.GetUtcNow().UtcDateTime;
        registration.Status = RegistrationStatus.Approved;
        registration.ReviewedByName = actor.DisplayName;
        registration.ReviewedAtUtc = now;
        registration.ReservedUntilUtc = now.AddDays(RegistrationOptions.ReservationDays);
        registration.UpdatedAtUtc = now;
        db.Audit(actor, Change(registration, RegistrationAuditActions.Approve) with
        {
            Before = new { Status = RegistrationStatus.Pending },
            After = new { registration.Status, registration.ReservedUntilUtc },
        }, time);
        var bells = await NotifyDecisionAsync(db, registration,
            new NotificationDraft(RegistrationNotifications.Approved, "Notification.RegistrationApproved", [registration.CompanyName], RegistrationRoutes.Partner), ct);
        await SaveOrReportWinnerAsync(db, registration, ct);
        bells.Ring();
        // Every vendor reviewer's queue loses it, not only the decider's.
        changes.Publish(LiveTopics.VendorReviewQueue);
        return registration.ReservedUntilUtc.Value;
    }

    /// <summary>Rejects a pending registration with the reviewer's reason (required); the company is released.</summary>
    public async Task RejectAsync(Actor actor, RejectRegistrationInput input, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        var errors = new InputErrors();
        var reason = errors.Text(nameof(input.Reason), input.Reason, RegistrationRules.MaxReason);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var registration = await LoadPendingAsync(db, input.Target, ct);
        var now = time.GetUtcNow().UtcDateTime;
        registration.Status = RegistrationStatus.Rejected;
        registration.HeldCreditCode = null;
        registration.RejectionReason = reason;
        registration.ReviewedByName = actor.DisplayName;
        registration.ReviewedAtUtc = now;
        registration.UpdatedAtUtc = now;
        db.Audit(actor, Change(registration, RegistrationAuditActions.Reject) with
        {
            Before = new { Status = RegistrationStatus.Pending },
            After = new { registration.Status },
            Reason = reason,
        }, time);
        var bells = await NotifyDecisionAsync(db, registration,
            new NotificationDraft(RegistrationNotifications.Rejected, "Notification.RegistrationRejected", [registration.CompanyName, reason], RegistrationRoutes.Partner), ct);
        await SaveOrReportWinnerAsync(db, registration, ct);
        bells.Ring();
        // Every vendor reviewer's queue loses it, not only the decider's.
        changes.Publish(LiveTopics.VendorReviewQueue);
    }

    /// <summary>The partner gives up a pending or approved registration; the company is released and open invitations revoked.</summary>
    public async Task WithdrawAsync(Actor actor, RegistrationTarget target, CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.Register);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var registration = await db.CustomerRegistrations.VisibleTo(db, actor).SingleOrDefaultAsync(r => r.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(CustomerRegistration), target.Id);
        if (!RegistrationRules.CanAct(actor, registration.OrganizationId, registration.RegisteredByUserId, CustomerPermissions.Register))
        {
            throw new AccessDeniedException("withdraw a registration of someone else");
        }

        if (registration.Status is not (RegistrationStatus.Pending or RegistrationStatus.Approved))
        {
            throw new RegistrationStateException(registration.CompanyName, registration.Status, "Registration.NotOpen");
        }

        if (target.ExpectedVersion is { } seen && seen != registration.Version)
        {
            throw ChangedElsewhere(registration);
        }

        var before = registration.Status;
        var now = time.GetUtcNow().UtcDateTime;
        registration.Status = RegistrationStatus.Withdrawn;
        registration.HeldCreditCode = null;
        registration.UpdatedAtUtc = now;
        var invitations = await db.CustomerInvitations.Where(i => i.RegistrationId == registration.Id && i.Status == InvitationStatus.Active).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.Status = InvitationStatus.Revoked;
            invitation.RevokedAtUtc = now;
        }

        db.Audit(actor, Change(registration, RegistrationAuditActions.Withdraw) with
        {
            Before = new { Status = before },
            After = new { registration.Status },
        }, time);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(registration).ReloadAsync(ct);
            throw ChangedElsewhere(registration);
        }

        if (before == RegistrationStatus.Pending)
        {
            changes.Publish(LiveTopics.VendorReviewQueue);
        }
    }

    /// <summary>The organization that holds <paramref name="code"/>, if any: a held registration or an associated customer.</summary>
    internal static async Task<Guid?> HolderAsync(AppDbContext db, string code, CancellationToken ct)
    {
        // Across tenants on purpose, and only the organization id leaves this method: the message never names the holder.
        var registrationHolder = await db.CustomerRegistrations.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(r => r.HeldCreditCode == code)
            .Select(r => (Guid?)r.OrganizationId)
            .FirstOrDefaultAsync(ct);
        return registrationHolder ?? await db.Customers.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(c => c.CreditCode == code && c.Status == CustomerStatus.Associated)
            .Select(c => (Guid?)c.OrganizationId)
            .FirstOrDefaultAsync(ct);
    }

    private static BusinessException Held(Actor actor, Guid holder) => holder == actor.OrganizationId
        ? new BusinessException(RegistrationErrorCodes.AlreadyHeld, "The partner already holds this customer.", "Registration.AlreadyYours")
        : new BusinessException(RegistrationErrorCodes.AlreadyHeld, "The customer is already held.", "Registration.AlreadyHeld");

    private static void DemandReviewer(Actor actor)
    {
        actor.Demand(CustomerPermissions.ReviewRegistrations);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("review customer registrations");
        }
    }

    private static async Task<CustomerRegistration> LoadPendingAsync(AppDbContext db, RegistrationTarget target, CancellationToken ct)
    {
        var registration = await db.CustomerRegistrations.SingleOrDefaultAsync(r => r.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(CustomerRegistration), target.Id);
        if (registration.Status != RegistrationStatus.Pending)
        {
            throw AlreadyReviewed(registration);
        }

        if (target.ExpectedVersion is { } seen && seen != registration.Version)
        {
            throw ChangedElsewhere(registration);
        }

        return registration;
    }

    /// <summary>The member who registered the customer and the partner's admins hear of the decision.</summary>
    private async Task<NotificationBatch> NotifyDecisionAsync(AppDbContext db, CustomerRegistration registration, NotificationDraft draft, CancellationToken ct)
    {
        var admins = await Notifier.RoleHoldersAsync(db, registration.OrganizationId, AppRoles.PartnerAdmin, ct);
        return await notifier.StageAsync(db, admins.Append(registration.RegisteredByUserId), draft, ct);
    }

    private async Task SaveOrReportWinnerAsync(AppDbContext db, CustomerRegistration registration, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent review of registration {Id} lost the race", registration.Id);
            await db.Entry(registration).ReloadAsync(ct);
            throw registration.Status == RegistrationStatus.Pending ? ChangedElsewhere(registration) : AlreadyReviewed(registration);
        }
    }

    private static BusinessException AlreadyReviewed(CustomerRegistration registration) =>
        registration.Status is RegistrationStatus.Approved or RegistrationStatus.Rejected
            ? new RegistrationAlreadyReviewedException(registration.CompanyName, registration.Status, registration.ReviewedByName, registration.ReviewedAtUtc)
            : new RegistrationStateException(registration.CompanyName, registration.Status, "Registration.NotPending");

    private static BusinessException ChangedElsewhere(CustomerRegistration registration) =>
        new(ErrorCodes.AlreadyProcessed, $"Registration of {registration.CompanyName} was changed by someone else.", "Registration.ChangedElsewhere", registration.CompanyName);

    internal static AuditChange Change(CustomerRegistration registration, string action) =>
        new(nameof(CustomerRegistration), registration.Id.ToString(), action) { OrganizationId = registration.OrganizationId };
}
