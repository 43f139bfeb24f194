using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>
/// Registrations in every status for Partner A (several pending, so the vendor's inbox has work; two approved with their
/// reservations running; one rejected; one expired) and one pending for Partner B. Credit codes come from a range the
/// customer demo data does not use. No customers are created here.
/// </summary>
public sealed class RegistrationDemoData(IDbContextFactory<AppDbContext> dbFactory, IMailSender mail) : IDemoData
{
    /// <summary>Credit-code numbers for <see cref="CustomerFactory.CreditCodeFor"/>, far from the customer demo's.</summary>
    public const long CreditCodeBase = 880_000_000;

    /// <summary>An approved registration of Partner A with a reservation running, registered by its admin (tours and E2E).</summary>
    public const string WellKnownApprovedCompany = "Ningbo Harbor Logistics Co.";

    private sealed record Plan(string Company, RegistrationStatus Status, double DaysAgo, string Contact, string Region, string Industry, bool ByManager);

    private static readonly Plan[] PartnerAPlans =
    [
        new("Wuxi Smart Grid Co.", RegistrationStatus.Pending, 0.2, "Zhou Min", "EastChina", "Energy", true),
        new("Foshan Ceramics Online Co.", RegistrationStatus.Pending, 1.5, "Liang Hui", "SouthChina", "Manufacturing", false),
        new("Harbin Cold Chain Co.", RegistrationStatus.Pending, 2.5, "Gao Lei", "NortheastChina", "Logistics", true),
        new("Guiyang Data Valley Co.", RegistrationStatus.Pending, 3.1, "Tang Yu", "SouthwestChina", "Internet", false),
        new(WellKnownApprovedCompany, RegistrationStatus.Approved, 4, "Xu Fang", "EastChina", "Logistics", false),
        new("Zhengzhou Grain Exchange Co.", RegistrationStatus.Approved, 12, "Han Bo", "CentralChina", "Finance", true),
        new("Lanzhou Solar Farms Co.", RegistrationStatus.Rejected, 6, "Ma Li", "NorthwestChina", "Energy", false),
        new("Shijiazhuang Pharma Co.", RegistrationStatus.Expired, 25, "Du Wei", "NorthChina", "Healthcare", true),
    ];

    /// <summary>
    /// The link token of the demo invitation sent for <see cref="WellKnownApprovedCompany"/>. Published on purpose, like the
    /// demo passwords, so a tour (and the page audits) can open the public page; only demo data has a known token, every
    /// real one is 32 random bytes of which only the hash is kept.
    /// </summary>
    public const string DemoInvitationToken = "demo-invitation-link-for-ningbo-harbor-0001";

    public int Order => 20;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var admin = demo.User(DemoAccounts.PartnerAAdmin);
        var manager = demo.User(DemoAccounts.PartnerAManager1);
        var reviewer = demo.User(DemoAccounts.VendorOperator);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var number = CreditCodeBase;
        foreach (var plan in PartnerAPlans)
        {
            var registration = Add(db, demo.PartnerA.Id, plan, plan.ByManager ? manager : admin, reviewer.DisplayName, demo.NowUtc, number++);
            if (plan.Company == WellKnownApprovedCompany)
            {
                AddInvitation(db, registration, admin, demo.PartnerA.Name, demo.NowUtc.AddDays(-1));
            }
        }

        Add(db, demo.PartnerB.Id, new Plan("Taiyuan Coal Analytics Co.", RegistrationStatus.Pending, 1, "Qin Hao", "NorthChina", "Energy", false),
            demo.User(DemoAccounts.PartnerBAdmin), reviewer.DisplayName, demo.NowUtc, number);
        await db.SaveChangesAsync(ct);
    }

    private void AddInvitation(AppDbContext db, CustomerRegistration registration, Core.Identity.AppUser by, string partnerName, DateTime sentAtUtc)
    {
        var invitation = new CustomerInvitation
        {
            OrganizationId = registration.OrganizationId,
            RegistrationId = registration.Id,
            Mode = AssociationMode.Resale,
            TokenHash = LinkTokens.Hash(DemoInvitationToken),
            RecipientEmail = registration.ContactEmail,
            CreatedByUserId = by.Id,
            CreatedByName = by.DisplayName,
            CreatedAtUtc = sentAtUtc,
            ExpiresAtUtc = registration.ReservedUntilUtc!.Value,
        };
        registration.LastInvitedAtUtc = sentAtUtc;
        var body = $"Dear {registration.ContactName},\n\n{partnerName} invites {registration.CompanyName} to associate with it as a partner customer in Resale mode.\n\n"
            + $"Open this link to confirm your details and associate:\n/invitations/{DemoInvitationToken}\n\n"
            + $"The link can be used once and is valid until {Core.Time.BeijingTime.Format(invitation.ExpiresAtUtc)}.";
        invitation.OutboxMessageId = mail.Send(db, new OutgoingMail(registration.ContactEmail, $"{partnerName} invites you to associate your cloud account", body, InvitationService.MailKind, registration.OrganizationId), sentAtUtc);
        db.CustomerInvitations.Add(invitation);
    }

    private static CustomerRegistration Add(AppDbContext db, Guid organizationId, Plan plan, Core.Identity.AppUser by, string reviewerName, DateTime nowUtc, long number)
    {
        var registeredAt = nowUtc.AddDays(-plan.DaysAgo);
        var reviewedAt = plan.Status == RegistrationStatus.Pending ? (DateTime?)null : registeredAt.AddHours(3);
        var code = CustomerFactory.CreditCodeFor(number);
        var registration = new CustomerRegistration
        {
            OrganizationId = organizationId,
            CompanyName = plan.Company,
            CreditCode = code,
            HeldCreditCode = CustomerRegistration.Holds(plan.Status) ? code : null,
            ContactName = plan.Contact,
            ContactPhone = $"139{number % 100_000_000:D8}",
            ContactEmail = $"contact{number % 1000}@{plan.Company.Split(' ')[0].ToLowerInvariant()}.example",
            Region = plan.Region,
            Industry = plan.Industry,
            Status = plan.Status,
            RegisteredByUserId = by.Id,
            RegisteredByName = by.DisplayName,
            RegisteredAtUtc = registeredAt,
            ReviewedByName = reviewedAt is null ? null : reviewerName,
            ReviewedAtUtc = reviewedAt,
            RejectionReason = plan.Status == RegistrationStatus.Rejected ? "Already a direct customer of the vendor's East China office." : null,
            ReservedUntilUtc = plan.Status is RegistrationStatus.Approved or RegistrationStatus.Expired ? reviewedAt!.Value.AddDays(RegistrationOptions.ReservationDays) : null,
            UpdatedAtUtc = reviewedAt ?? registeredAt,
        };
        db.CustomerRegistrations.Add(registration);
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = organizationId,
            ActorUserId = by.Id,
            ActorName = by.DisplayName,
            ActorOrganizationId = organizationId,
            EntityType = nameof(CustomerRegistration),
            EntityId = registration.Id.ToString(),
            Action = RegistrationAuditActions.Register,
            After = AuditExtensions.Serialize(new { registration.CompanyName, registration.CreditCode, Status = RegistrationStatus.Pending }),
            AtUtc = registeredAt,
        });
        return registration;
    }
}
