using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace BlazorPartner.Platform.Identity;

public static class IdentityRegistration
{
    /// <summary>Password rules: long enough to resist guessing, short enough that hashing cannot be used to burn CPU.</summary>
    public const int MinPasswordLength = 10;

    public const int MaxPasswordLength = Components.Forms.InputLimits.Password;

    /// <summary>Cookie sign-in with server-side sessions, ASP.NET Core Identity on the app database, and the circuit's Actor.</summary>
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddSingleton<UserAccessReader>();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, CurrentAccessClaimsTransformation>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountRoutes.Login;
            cookie.LogoutPath = AccountRoutes.Logout;
            cookie.AccessDeniedPath = AccountRoutes.AccessDenied;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        services.AddAppSessions(configuration);
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = MinPasswordLength;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddDefaultTokenProviders();
        return services;
    }
}

/// <summary>Identity has a minimum length but no maximum; a megabyte "password" would only cost hashing time.</summary>
public sealed class MaxLengthPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > IdentityRegistration.MaxPasswordLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = "Account.PasswordTooLong" })
            : IdentityResult.Success);
}
