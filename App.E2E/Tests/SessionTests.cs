using BlazorPartner.Platform.DataProtection;
using System.Text.RegularExpressions;
using BlazorPartner.Core.Data;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// Server-side sessions (docs/decisions/0006): ending a session on the server ends it for every copy of its cookie and for
/// open circuits. Each test signs in accounts it creates for itself (<see cref="TestAccounts"/>).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class SessionTests(E2EHost host)
{
    /// <summary>Open circuits re-check their session every 30 s (Sessions:CircuitRevalidationInterval); the requirement is one minute.</summary>
    private const float CircuitDeadline = 60_000;

    [Fact]
    public Task Replaying_the_cookie_after_sign_out_is_refused() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);
        var cookies = await page.Context.CookiesAsync();
        // The copied cookie works while the session stands, so the refusal below is the sign-out's doing.
        Assert.Equal(200, (await GetHomeWithCookiesAsync(cookies)).Status);

        await page.GotoAsync("account/sign-out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginUrl());

        var replay = await GetHomeWithCookiesAsync(cookies);
        Assert.Equal(302, replay.Status);
        Assert.Matches(LoginUrl(), replay.Location);
    });

    [Fact]
    public Task A_sign_out_post_without_the_antiforgery_token_is_a_400_and_signs_nobody_out() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);

        // What a form on another site (or a script flooding the endpoint) would send: the cookie, no token.
        var forged = await page.Context.APIRequest.PostAsync("account/logout", new() { Form = page.Context.APIRequest.CreateFormData().Append("returnUrl", "/"), MaxRedirects = 0 });
        var bare = await page.Context.APIRequest.PostAsync("account/logout", new() { MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        Assert.Equal(400, bare.Status);
        Assert.Equal(200, (await HomeAsync(page.Context)).Status);
    });

    [Fact]
    public Task A_password_change_ends_the_users_other_sessions_and_keeps_the_current_one() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);
        var other = await host.NewContextAsync();
        try
        {
            var otherPage = await other.NewPageAsync();
            await new LoginPage(otherPage).GotoAsync();
            await new LoginPage(otherPage).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);
            Assert.Equal(200, (await HomeAsync(other)).Status);

            await page.GotoAsync("account/change-password");
            await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(TestAccounts.Password);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Changed#Pass2027");
            await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync("Changed#Pass2027");
            await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync());
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password was changed.");

            var refused = await HomeAsync(other);
            Assert.Equal(302, refused.Status);
            Assert.Matches(LoginUrl(), refused.Location);
            Assert.Equal(200, (await HomeAsync(page.Context)).Status);
            // The other browser's open page (its circuit) loses access too and is sent to sign in.
            await Expect(otherPage).ToHaveURLAsync(LoginUrl(), new() { Timeout = CircuitDeadline });
        }
        finally
        {
            await other.CloseAsync();
        }
    });

    [Fact]
    public Task A_locked_users_next_request_is_refused_and_their_open_page_loses_access() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);
        Assert.Equal(200, (await HomeAsync(page.Context)).Status);

        // Someone fails this account's password five times elsewhere: the account locks for 15 minutes.
        var attacker = await host.NewContextAsync();
        try
        {
            var attackerPage = await attacker.NewPageAsync();
            var login = new LoginPage(attackerPage);
            await login.GotoAsync();
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await login.SubmitAsync(email, "Wrong#Password1");
                await Expect(login.Error).ToHaveTextAsync(SignInLockoutTests.SignInFailed);
            }
        }
        finally
        {
            await attacker.CloseAsync();
        }

        var refused = await HomeAsync(page.Context);
        Assert.Equal(302, refused.Status);
        Assert.Matches(LoginUrl(), refused.Location);
        await Expect(page).ToHaveURLAsync(LoginUrl(), new() { Timeout = CircuitDeadline });
    });

    [Fact]
    public Task A_return_address_with_Chinese_text_signs_in_and_lands_there() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        await page.GotoAsync("account/login?returnUrl=" + Uri.EscapeDataString("/sales/opportunities?search=上海"));

        await new LoginPage(page).SignInAsync(email, TestAccounts.Password, DemoAccounts.PartnerAName);

        Assert.Equal("/sales/opportunities?search=上海", Uri.UnescapeDataString(new Uri(page.Url).PathAndQuery));
    });

    [Theory]
    [InlineData("culture=zh-CN&redirectUri=%2Fsales%2Fopportunities%3Fsearch%3D%E4%B8%8A%E6%B5%B7", "/sales/opportunities?search=%E4%B8%8A%E6%B5%B7")]
    [InlineData("culture=zh-CN&redirectUri=%2F%09%2Fevil.example", "/")]
    [InlineData("culture=zh-CN&redirectUri=%2F%0D%0ASet-Cookie%3A%20a%3Db", "/")]
    [InlineData("culture=zh-CN&redirectUri=%2F%2Fevil.example", "/")]
    [InlineData("culture=zh-CN&redirectUri=%2F%5Cevil.example", "/")]
    [InlineData("culture=zh-CN&redirectUri=https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("culture=zh-CN&redirectUri=%2F%252F%252Fevil.example", "/")]
    [InlineData("culture=zh-CN&redirectUri=%2F%C3%28", "/%C3(")] // invalid UTF-8 stays percent-encoded
    [InlineData("culture=xx&redirectUri=%2Fsales", "/sales")]
    [InlineData("redirectUri=%2Fsales", "/sales")]
    [InlineData("", "/")]
    public async Task The_language_switch_never_fails_on_a_malformed_return_address(string query, string expectedLocation)
    {
        var context = await host.NewContextAsync();
        try
        {
            var response = await context.APIRequest.GetAsync("culture/set?" + query, new() { MaxRedirects = 0 });

            Assert.Equal(302, response.Status);
            Assert.Equal(expectedLocation, response.Headers["location"]);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_very_long_return_address_goes_home()
    {
        var context = await host.NewContextAsync();
        try
        {
            var response = await context.APIRequest.GetAsync("culture/set?culture=en-US&redirectUri=%2F" + new string('a', 5000), new() { MaxRedirects = 0 });

            Assert.Equal(302, response.Status);
            Assert.Equal("/", response.Headers["location"]);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public Task The_stored_data_protection_keys_are_not_plaintext() => host.RunSignedOutAsync(async page =>
    {
        await new LoginPage(page).GotoAsync(); // the antiforgery token needs a key, so the ring has one now

        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var keys = await db.Set<DataProtectionKey>().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("masterKey", xml);
            Assert.DoesNotContain("<value>", xml);
        });
    });

    private static async Task<(int Status, string Location)> HomeAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync("", new() { MaxRedirects = 0 });
        return (response.Status, response.Headers.GetValueOrDefault("location", ""));
    }

    /// <summary>The console's home page requested by a fresh browser that only carries <paramref name="cookies"/> (a replay).</summary>
    private async Task<(int Status, string Location)> GetHomeWithCookiesAsync(IReadOnlyList<BrowserContextCookiesResult> cookies)
    {
        var context = await host.NewContextAsync();
        try
        {
            await context.AddCookiesAsync(cookies.Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = c.Domain,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                Secure = c.Secure,
                SameSite = c.SameSite,
            }));
            return await HomeAsync(context);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginUrl();
}
