namespace BlazorPartner.Platform.Http;

/// <summary>Return URLs come from query strings; only same-site paths are followed, anything else goes home.</summary>
public static class SafeRedirect
{
    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
