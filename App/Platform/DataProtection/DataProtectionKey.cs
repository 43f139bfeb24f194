namespace BlazorPartner.Platform.DataProtection;

/// <summary>One ASP.NET Core data-protection key (XML), shared by every app instance on the database.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
