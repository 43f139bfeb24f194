using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// Sign-in failures on /account/login: a wrong password is refused without saying which part was wrong, and five in a row lock
/// the account for 15 minutes, after which even the right password does not get in. Each test signs in on a fresh, signed-out
/// browser context; the accounts used here (Partner A's account managers) sign in nowhere else in the E2E suite.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class SignInLockoutTests(E2EHost host)
{
    private const string InvalidLogin = "Email or password is incorrect.";
    private const string LockedOut = "Too many failed attempts: this account is locked for 15 minutes.";
    private const string WrongPassword = "Wrong#Password1";

    [Fact]
    public Task A_wrong_password_is_refused_and_the_right_one_then_signs_in() => host.RunSignedOutAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await Expect(login.Error).ToHaveCountAsync(0);

        await login.SubmitAsync(DemoAccounts.PartnerAManager1, WrongPassword);
        await Expect(login.Error).ToHaveTextAsync(InvalidLogin);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);

        // One failure does not lock: the right password gets in.
        await login.SignInAsync(DemoAccounts.PartnerAManager1, DemoAccounts.Password, DemoAccounts.PartnerAName);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Li Wei (AM)");
    });

    [Fact]
    public Task Five_wrong_passwords_lock_the_account_and_the_right_password_is_then_refused() => host.RunSignedOutAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GotoAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SubmitAsync(DemoAccounts.PartnerAManager2, WrongPassword);
            await Expect(login.Error).ToHaveTextAsync(InvalidLogin);
        }

        // The fifth failure is the one that locks (MaxFailedAccessAttempts = 5), and says so.
        await login.SubmitAsync(DemoAccounts.PartnerAManager2, WrongPassword);
        await Expect(login.Error).ToHaveTextAsync(LockedOut);

        // Locked: the right password is refused too, and nobody is signed in.
        await login.SubmitAsync(DemoAccounts.PartnerAManager2, DemoAccounts.Password);
        await Expect(login.Error).ToHaveTextAsync(LockedOut);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);

        // The console still sends this browser to the sign-in page.
        await page.GotoAsync("");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await Expect(login.Error).ToHaveCountAsync(0);
    });

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginUrl();
}
