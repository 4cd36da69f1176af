using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity;

/// <summary>
/// A password changed by its signed-in owner or reset through the e-mailed link: the other sessions end at once (not at
/// the security stamp's next check), and the owner is told by e-mail when and from where.
/// </summary>
public sealed class PasswordChanges(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions, AccountMailer mailer, TimeProvider clock)
{
    /// <summary>The signed-in user's change: every other session ends; this one stays, with the new security stamp.</summary>
    public async Task<IdentityResult> ChangeAsync(PortalUser user, string currentPassword, string newPassword, HttpContext context)
    {
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) return result;
        await sessions.EndOthersAsync(user.Id, UserSessionStore.CurrentSession(context));
        await signIn.RefreshSignInAsync(user);
        await mailer.SendPasswordChangedAsync(user, clock.GetUtcNow(), Hosting.PortalRateLimits.ClientAddress(context), wasReset: false);
        return result;
    }

    /// <summary>A reset through the e-mailed link: every session of the account ends, whoever had the old password.</summary>
    public async Task<IdentityResult> ResetAsync(PortalUser user, string token, string newPassword, HttpContext context)
    {
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return result;
        await sessions.EndAllAsync(user.Id);
        await mailer.SendPasswordChangedAsync(user, clock.GetUtcNow(), Hosting.PortalRateLimits.ClientAddress(context), wasReset: true);
        return result;
    }
}
