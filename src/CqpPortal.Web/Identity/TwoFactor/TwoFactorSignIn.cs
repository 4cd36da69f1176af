using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>
/// The sign-in's second step, after a right password for an account with a second factor (Identity keeps who it is in
/// its short-lived two-factor cookie). Wrong codes are counted by the sign-in throttle per account and address, so that
/// 6 digits cannot be tried at will; the account is never locked (Identity's own count of failures, which would lock it
/// after five wrong codes typed by whoever knows the password, is not used: the code is checked before Identity signs in).
/// « Se souvenir de cet appareil » is not offered: the second factor protects the files staff, evaluators, jury members
/// and analysts open, and a remembered browser (a shared office computer) would skip it for weeks.
/// </summary>
public sealed class TwoFactorSignIn(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, SignInAttempts attempts, IHttpContextAccessor http)
{
    /// <summary>Who typed the right password and must now give a code; null when the first step is too old or missing.</summary>
    public Task<PortalUser?> PendingAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    /// <summary>Signs in with a code from the authenticator app.</summary>
    public async Task<CodeCheck> WithAppCodeAsync(PortalUser user, string code, bool persistent)
    {
        var (address, wait) = Throttled(user);
        if (wait is not null) return new CodeCheck(false, wait);
        var typed = TwoFactorSetup.AppCode(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)) return Failed(user, address);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(typed, persistent, rememberClient: false);
        return Outcome(user, address, result);
    }

    /// <summary>Signs in with one of the account's recovery codes, which is then used up.</summary>
    public async Task<CodeCheck> WithRecoveryCodeAsync(PortalUser user, string code)
    {
        var (address, wait) = Throttled(user);
        if (wait is not null) return new CodeCheck(false, wait);
        if (TwoFactorSetup.RecoveryCode(code) is not { } typed) return Failed(user, address);
        return Outcome(user, address, await signIn.TwoFactorRecoveryCodeSignInAsync(typed));
    }

    /// <summary>Where the user goes once signed in: the local address asked for, or the home of their first area.</summary>
    public async Task<string> HomeAsync(PortalUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Areas.HomeFor(roles.Contains)?.Folder ?? "/";
    }

    private (string Address, TimeSpan? Wait) Throttled(PortalUser user)
    {
        var address = PortalRateLimits.ClientAddress(http.HttpContext!);
        return (address, attempts.Wait(user.Email ?? user.Id, address));
    }

    private CodeCheck Outcome(PortalUser user, string address, SignInResult result)
    {
        if (!result.Succeeded) return Failed(user, address);
        attempts.Succeeded(user.Email ?? user.Id, address);
        return CodeCheck.Done;
    }

    private CodeCheck Failed(PortalUser user, string address)
    {
        attempts.Failed(user.Email ?? user.Id, address);
        return CodeCheck.Wrong;
    }
}
