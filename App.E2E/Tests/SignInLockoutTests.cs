using BlazorPartner.Core.Identity;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// Sign-in failures on /account/login: a wrong password, an unknown address and a locked account all get the same answer (the
/// page must not confirm that an account exists or is locked), and five failures in a row lock the account for 15 minutes, after
/// which even the right password does not get in. Each test signs in on a fresh, signed-out
/// browser context; the accounts used here (Partner A's account managers) sign in nowhere else in the E2E suite.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class SignInLockoutTests(E2EHost host)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string SignInFailed = "Sign-in failed: the email or password is incorrect, or the account is locked for a while after too many failed attempts.";
    private const string WrongPassword = "Wrong#Password1";

    [Fact]
    public Task A_wrong_password_is_refused_and_the_right_one_then_signs_in() => host.RunSignedOutAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await Expect(login.Error).ToHaveCountAsync(0);

        await login.SubmitAsync(DemoAccounts.PartnerAManager1, WrongPassword);
        await Expect(login.Error).ToHaveTextAsync(SignInFailed);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);

        // One failure does not lock: the right password gets in.
        await login.SignInAsync(DemoAccounts.PartnerAManager1, DemoAccounts.Password, DemoAccounts.PartnerAName);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Li Wei (AM)");
    });

    [Fact]
    public Task Five_wrong_passwords_lock_the_account_and_the_right_password_is_then_refused() => host.RunSignedOutAsync(async page =>
    {
        // An account of its own: locking a demo account would change what other tests and tours sign in with.
        var email = await host.CreateUserAsync(AppRoles.AccountManager);
        var login = new LoginPage(page);
        await login.GotoAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SubmitAsync(email, WrongPassword);
            await Expect(login.Error).ToHaveTextAsync(SignInFailed);
        }

        // The fifth failure is the one that locks (MaxFailedAccessAttempts = 5), without saying so.
        await login.SubmitAsync(email, WrongPassword);
        await Expect(login.Error).ToHaveTextAsync(SignInFailed);

        // Locked: the right password is refused too, and nobody is signed in.
        await login.SubmitAsync(email, TestAccounts.Password);
        await Expect(login.Error).ToHaveTextAsync(SignInFailed);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);

        // The console still sends this browser to the sign-in page.
        await page.GotoAsync("");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await Expect(login.Error).ToHaveCountAsync(0);
    });

    [Fact]
    public Task An_unknown_address_gets_the_same_answer_as_a_real_account_with_a_wrong_password_or_locked() => host.RunSignedOutAsync(async page =>
    {
        var email = await host.CreateUserAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        await login.SubmitAsync("nobody-" + Guid.NewGuid().ToString("N") + "@e2e.test", WrongPassword);
        var unknown = await login.Error.InnerTextAsync();
        Assert.Equal(SignInFailed, unknown);

        // Every answer for the real account matches: wrong password, the fifth failure that locks it, the right password while locked.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await login.SubmitAsync(email, WrongPassword);
            Assert.Equal(unknown, await login.Error.InnerTextAsync());
        }

        await login.SubmitAsync(email, TestAccounts.Password);
        Assert.Equal(unknown, await login.Error.InnerTextAsync());
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);
    });

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginUrl();
}
