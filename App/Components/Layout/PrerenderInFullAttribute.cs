namespace BlazorPartner.Components.Layout;

/// <summary>
/// A page whose full content belongs in the first HTML response even for a signed-in user (e.g. the not-found page, whose
/// text and 404 status a plain HTTP client reads). Other console pages render once, in the circuit (ADR 0012).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PrerenderInFullAttribute : Attribute;
