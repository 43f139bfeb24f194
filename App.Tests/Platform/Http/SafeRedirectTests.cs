using BlazorPartner.Platform.Http;

namespace BlazorPartner.Tests.Platform.Http;

public class SafeRedirectTests
{
    [Theory]
    [InlineData("/sales/opportunities?x=1", "/sales/opportunities?x=1")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("sales", "/")]
    public void Only_same_site_paths_are_followed(string? url, string expected)
    {
        Assert.Equal(expected, SafeRedirect.LocalOrHome(url));
    }
}
