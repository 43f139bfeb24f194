using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>/account/login: static SSR (no circuit), a plain form post.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator Error => page.GetByTestId("login-error");

    public Task GotoAsync() => page.GotoAsync("account/login");

    /// <summary>Types the credentials and presses "Sign in"; returns once the server's answer (a new document) is shown.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.RunAndWaitForNewDocumentAsync(() => SignInButton.ClickAsync());
    }

    /// <summary>Signs in and waits until the console is interactive and shows the expected organization in the top bar.</summary>
    public async Task SignInAsync(string email, string password, string expectedOrganization)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("org-name")).ToHaveTextAsync(expectedOrganization);
    }
}
