using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>The registration tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class RegistrationData
{
    extension(AppDbContext db)
    {
        public DbSet<CustomerRegistration> CustomerRegistrations => db.Set<CustomerRegistration>();

        public DbSet<CustomerInvitation> CustomerInvitations => db.Set<CustomerInvitation>();
    }
}

public static class RegistrationRoutes
{
    public const string Partner = "/sales/customer-registrations";
    public const string VendorInbox = "/vendor/customer-registrations";

    /// <summary>The public page an invitation link opens (anonymous).</summary>
    public const string Invitation = "/invitations/{Token}";

    public static string InvitationLink(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/invitations/{token}";
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class RegistrationAuditActions
{
    public const string Register = "customer-registration.register";
    public const string Approve = "customer-registration.approve";
    public const string Reject = "customer-registration.reject";
    public const string Withdraw = "customer-registration.withdraw";
    public const string Expire = "customer-registration.expire";
    public const string Invite = "customer-registration.invite";
    public const string Associate = "customer-registration.associate";
}

public sealed class RegistrationOptions
{
    public const string Section = "CustomerRegistrations";

    /// <summary>R15: how long an approved registration reserves the customer.</summary>
    public const int ReservationDays = 15;

    /// <summary>R15: registrations pending or active (approved) per partner.</summary>
    public const int MaxOpenPerPartner = 100;

    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool ExpiryEnabled { get; set; } = true;

    /// <summary>Rows claimed per transaction by the expiry pass.</summary>
    public int ExpiryBatchSize { get; set; } = 500;
}

/// <summary>Notification kinds of the registration flow (also the kinds of their outbox mails).</summary>
public static class RegistrationNotifications
{
    public const string Submitted = "registration.submitted";
    public const string Approved = "registration.approved";
    public const string Rejected = "registration.rejected";
}
