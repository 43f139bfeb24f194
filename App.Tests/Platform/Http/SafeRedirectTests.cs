using BlazorPartner.Platform.Http;

namespace BlazorPartner.Tests.Platform.Http;

public class SafeRedirectTests
{
    [Theory]
    [InlineData("/sales/opportunities?x=1", "/sales/opportunities?x=1")]
    [InlineData("/", "/")]
    [InlineData("/vendor/opportunities#top", "/vendor/opportunities#top")]
    [InlineData("/sales/opportunities?search=%E4%B8%8A%E6%B5%B7", "/sales/opportunities?search=%E4%B8%8A%E6%B5%B7")]
    public void Same_site_paths_are_followed_unchanged(string url, string expected)
    {
        Assert.Equal(expected, SafeRedirect.LocalOrHome(url));
    }

    [Theory]
    [InlineData("/sales/opportunities?search=上海", "/sales/opportunities?search=%E4%B8%8A%E6%B5%B7")]
    [InlineData("/客户", "/%E5%AE%A2%E6%88%B7")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/x?q=\"<script>\"", "/x?q=%22%3Cscript%3E%22")]
    [InlineData("/x?q=100%", "/x?q=100%25")]
    [InlineData("/x?q=%zz", "/x?q=%25zz")]
    [InlineData("/emoji/\U0001F600", "/emoji/%F0%9F%98%80")]
    public void Text_a_Location_header_cannot_carry_is_percent_encoded(string url, string expected)
    {
        Assert.Equal(expected, SafeRedirect.LocalOrHome(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("http:/evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/")]
    [InlineData("///evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\\/evil.example/")]
    [InlineData("/a\\b")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/%2fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: a=b")]
    [InlineData("/x\0y")]
    [InlineData("/x\u007Fy")]
    [InlineData("/x\u0085y")]
    [InlineData(" /sales")]
    [InlineData("sales")]
    [InlineData("~/sales")]
    public void Anything_else_goes_home(string? url)
    {
        Assert.Equal("/", SafeRedirect.LocalOrHome(url));
    }

    [Fact]
    public void A_lone_surrogate_goes_home()
    {
        // Built at run time: xunit's serialization of inline data would replace the lone surrogate with U+FFFD.
        Assert.Equal("/", SafeRedirect.LocalOrHome("/x" + (char)0xD800 + "y"));
    }

    [Fact]
    public void Very_long_addresses_go_home_even_when_escaping_makes_them_long()
    {
        Assert.Equal("/", SafeRedirect.LocalOrHome("/" + new string('a', SafeRedirect.MaxLength)));
        Assert.Equal("/", SafeRedirect.LocalOrHome("/" + new string('上', 1000))); // 1,001 chars, 9,001 escaped
        var longest = "/" + new string('a', SafeRedirect.MaxLength - 1);
        Assert.Equal(longest, SafeRedirect.LocalOrHome(longest));
    }

    [Theory]
    [InlineData("/sales/opportunities?search=上海")]
    [InlineData("/a b/c?d=é#f")]
    [InlineData("/%2Fx")]
    [InlineData("/\t/evil.example")]
    public void Whatever_comes_out_is_a_valid_header_value_on_this_site(string url)
    {
        var result = SafeRedirect.LocalOrHome(url);

        Assert.All(result, c => Assert.InRange(c, '!', '~'));
        Assert.StartsWith("/", result);
        var resolved = new Uri(new Uri("https://app.example/"), result);
        Assert.Equal("app.example", resolved.Host);
    }
}
