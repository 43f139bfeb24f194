using Microsoft.AspNetCore.Identity;

namespace BlazorPartner.Core.Identity;

public class AppUser : IdentityUser
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>The account-manager supervisor this account manager reports to (R3: supervisors see their team's work).</summary>
    public string? SupervisorId { get; set; }

    /// <summary>When the partner admin unbound this member (R2): the account stays for the records but can no longer sign in.</summary>
    public DateTime? UnboundAtUtc { get; set; }
}
