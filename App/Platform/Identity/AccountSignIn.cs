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
    FailedSignInLimit failedSignIns,
    ILogger<AccountSignIn> logger)
{
    /// <summary>
    /// Signs in (session cookie), or refuses with one answer for a wrong password, an unknown or a locked account alike; an
    /// address with too many recent failures is refused before any account is looked at (<see cref="FailedSignInLimit"/>).
    /// </summary>
    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, string clientAddress)
    {
        if (failedSignIns.IsBlocked(clientAddress))
        {
            logger.LogWarning("Sign-in refused: too many failed sign-ins from {ClientAddress}", clientAddress);
            return SignInOutcome.TooManyFailures;
        }

        var user = await userManager.FindByNameAsync(userName);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            decoy.Verify(hasher, password);
            failedSignIns.RecordFailure(clientAddress);
            logger.LogInformation("Sign-in refused: unknown or locked account");
            return SignInOutcome.Refused;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return SignInOutcome.SignedIn;
        }

        failedSignIns.RecordFailure(clientAddress);

        if (result.IsLockedOut)
        {
            // This attempt locked the account: its open sessions on this instance must not ride on a cached lookup.
            logger.LogWarning("User {UserId} locked out after repeated failed sign-ins", user.Id);
            await sessions.ForgetCachedAsync(user.Id);
        }

        return SignInOutcome.Refused;
    }
}

public enum SignInOutcome
{
    SignedIn,

    /// <summary>A wrong password, an unknown or a locked account: one answer for all three.</summary>
    Refused,

    /// <summary>The client's address failed too often lately (<see cref="FailedSignInLimit"/>).</summary>
    TooManyFailures,
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
