namespace BlazorPartner;

/// <summary>Marker for the one shared string table: Resources/SharedResource.resx (en-US) and SharedResource.zh-CN.resx.</summary>
public sealed class SharedResource;
