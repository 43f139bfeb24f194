using System.Security.Cryptography;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Identity;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// Password sign-in that does not tell an attacker whether an account exists or is locked: one answer (true or false) and
/// one password-hash verification on every path. Identity's own PasswordSignInAsync returns at once for an unknown name or a
/// locked account, an order of magnitude faster than a real verification.
/// </summary>
public sealed class AccountSignIn(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IPasswordHasher<AppUser> hasher,
    DecoyPasswordHash decoy,
    UserSessions sessions,
    ILogger<AccountSignIn> logger)
{
    /// <summary>Signs in (session cookie) and returns true, or returns false for a wrong password, an unknown or a locked account alike.</summary>
    public async Task<bool> PasswordSignInAsync(string userName, string password)
    {
        var user = await userManager.FindByNameAsync(userName);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            decoy.Verify(hasher, password);
            logger.LogInformation("Sign-in refused: unknown or locked account");
            return false;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return true;
        }

        if (result.IsLockedOut)
        {
            // This attempt locked the account: its open sessions on this instance must not ride on a cached lookup.
            logger.LogWarning("User {UserId} locked out after repeated failed sign-ins", user.Id);
            await sessions.ForgetCachedAsync(user.Id);
        }

        return false;
    }
}

/// <summary>A hash of a random password, verified in place of a real one so unknown and locked accounts cost the same time.</summary>
public sealed class DecoyPasswordHash
{
    private static readonly AppUser DecoyUser = new() { UserName = "decoy" };
    private string? hash;

    public void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        // Made with the app's own hasher, so the work factor matches real accounts'.
        var decoyHash = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(DecoyUser, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        _ = hasher.VerifyHashedPassword(DecoyUser, decoyHash, password);
    }
}
