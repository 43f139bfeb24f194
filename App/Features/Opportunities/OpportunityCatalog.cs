namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// Codes the share form offers. Stored as codes; shown through the localizer ("Industry.Finance", "Region.EastChina",
/// "CloudService.ECS") so both languages read naturally.
/// </summary>
public static class OpportunityCatalog
{
    public static readonly IReadOnlyList<string> Industries =
        ["Finance", "Government", "Manufacturing", "Retail", "Education", "Healthcare", "Internet", "Energy", "Logistics", "Media"];

    public static readonly IReadOnlyList<string> Regions =
        ["NorthChina", "EastChina", "SouthChina", "CentralChina", "SouthwestChina", "NorthwestChina", "NortheastChina"];

    public static readonly IReadOnlyList<string> CloudServices =
        ["ECS", "EVS", "OBS", "RDS", "CCE", "CDN", "VPC", "ELB", "DCS", "ModelArts"];

    /// <summary>The stored ';'-separated service codes of one opportunity.</summary>
    public static IReadOnlyList<string> SplitServices(string stored) =>
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
