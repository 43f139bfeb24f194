namespace BlazorPartner.Core.Identity;

public static class AppClaimTypes
{
    public const string OrganizationId = "bp:org";
    public const string OrganizationKind = "bp:org-kind";
    public const string OrganizationName = "bp:org-name";
    public const string DisplayName = "bp:name";
}
