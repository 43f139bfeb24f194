namespace BlazorPartner.Platform.Identity;

/// <summary>The sign-in pages' addresses, shared by the cookie options, the endpoints and the pages themselves.</summary>
public static class AccountRoutes
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string SignOut = "/account/sign-out";
    public const string ChangePassword = "/account/change-password";
    public const string AccessDenied = "/account/access-denied";

    public static string LoginReturningTo(string returnUrl) => $"{Login}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
