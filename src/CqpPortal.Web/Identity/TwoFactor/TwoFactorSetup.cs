using System.Security.Claims;
using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>Where an account stands with its second factor, as /Compte/DoubleAuthentification shows it.</summary>
public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, TwoFactorDecision Decision, bool MayTurnOff, bool SessionUsedCode);

/// <summary>The key an authenticator app needs: typed (grouped by 4) or scanned (the otpauth:// link as a QR code).</summary>
public sealed record AuthenticatorKey(string Grouped, string Uri);

/// <summary>An attempt with a code: done, refused (wrong code), or held back by the sign-in throttle.</summary>
public sealed record CodeCheck(bool Succeeded, TimeSpan? Wait = null)
{
    public static readonly CodeCheck Done = new(true);
    public static readonly CodeCheck Wrong = new(false);
}

/// <summary>
/// Setting up, using and turning off an account's second factor, with Identity's authenticator support (RFC 6238 codes
/// of 6 digits every 30 seconds, recovery codes). Every change of the key or of the setting changes the account's
/// security stamp (Identity does it): the current session is signed in again at once, the others end at the next check.
/// Wrong codes count in the sign-in throttle (<see cref="SignInAttempts"/>): a stolen session cannot try codes freely.
/// </summary>
public sealed class TwoFactorSetup(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, SignInAttempts attempts,
    IOptions<PortalSettings> settings, CertificationNames names, IHttpContextAccessor http)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The claim Identity puts in a session opened with a second factor (authentication method reference).</summary>
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    public TwoFactorRequirement Requirement => new(settings.Value.RequireTwoFactorForStaffRoles);

    /// <summary>The signed-in account (null if it was deleted meanwhile).</summary>
    public Task<PortalUser?> CurrentAsync() => users.GetUserAsync(http.HttpContext!.User);

    public async Task<TwoFactorState> StateAsync(PortalUser user)
    {
        var session = http.HttpContext!.User;
        var roles = await users.GetRolesAsync(user);
        return new TwoFactorState(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user),
            Requirement.Decide(roles, user.TwoFactorEnabled), Requirement.MayTurnOff(roles), session.HasClaim(MfaClaim, MfaValue));
    }

    /// <summary>The account's authenticator key, made on first use (the session is signed in again with the new stamp).</summary>
    public async Task<AuthenticatorKey> KeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var issuer = (await names.CurrentAsync()).Name;
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        return new AuthenticatorKey(Grouped(key), uri);
    }

    /// <summary>
    /// Turns the second factor on when the code matches the key shown, and returns the account's 10 new recovery codes;
    /// the session becomes one opened with a second factor (it has just given a code).
    /// </summary>
    public async Task<(CodeCheck Check, IReadOnlyList<string> RecoveryCodes)> EnableAsync(PortalUser user, string code)
    {
        var check = await CheckCodeAsync(user, code);
        if (!check.Succeeded) return (check, []);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        var current = await http.HttpContext!.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(MfaClaim, MfaValue)]);
        return (check, codes);
    }

    /// <summary>10 new recovery codes; the earlier ones no longer work.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];

    /// <summary>
    /// Turns the second factor off, with a current code from the app or an unused recovery code (the phone may be lost);
    /// the key is replaced, so that turning it on again means scanning a new one. While the rule requires it, only to
    /// set up a new phone at once (<paramref name="newPhone"/>): the session keeps its « mfa » mark and goes to the new key.
    /// </summary>
    public async Task<CodeCheck> DisableAsync(PortalUser user, string code, bool newPhone)
    {
        if (!newPhone && !Requirement.MayTurnOff(await users.GetRolesAsync(user))) return CodeCheck.Wrong;
        var check = await CheckCodeAsync(user, code, recoveryCodeToo: true);
        if (!check.Succeeded) return check;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return check;
    }

    /// <summary>A code from the app (or, when allowed, a recovery code, then used up), counted by the throttle when wrong.</summary>
    private async Task<CodeCheck> CheckCodeAsync(PortalUser user, string code, bool recoveryCodeToo = false)
    {
        var address = PortalRateLimits.ClientAddress(http.HttpContext!);
        if (attempts.Wait(user.Email ?? user.Id, address) is { } wait) return new CodeCheck(false, wait);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AppCode(code))
            || (recoveryCodeToo && RecoveryCode(code) is { } recovery && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded);
        if (!valid)
        {
            attempts.Failed(user.Email ?? user.Id, address);
            return CodeCheck.Wrong;
        }
        return CodeCheck.Done;
    }

    /// <summary>The code as typed, without the spaces or dashes an app shows in the middle (« 123 456 »).</summary>
    public static string AppCode(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// A recovery code as Identity makes it (« 5J86R-GQ7T7 »: capitals and digits, a dash in the middle), whatever the
    /// case, the spaces a copy adds or a forgotten dash; null when empty.
    /// </summary>
    public static string? RecoveryCode(string code)
    {
        var trimmed = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (trimmed.Length == 10 && trimmed.All(char.IsAsciiLetterOrDigit)) return trimmed[..5] + "-" + trimmed[5..];
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>The key in groups of 4 characters, easier to type: « ABCD EFGH … ».</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}
