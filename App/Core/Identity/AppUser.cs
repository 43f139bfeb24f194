using Microsoft.AspNetCore.Identity;

namespace BlazorPartner.Core.Identity;

public class AppUser : IdentityUser
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>The account-manager supervisor this account manager reports to (R3: supervisors see their team's work).</summary>
    public string? SupervisorId { get; set; }
}
