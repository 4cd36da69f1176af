using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>What the code pages say when a code is refused: the same words and the same 429 as the password step.</summary>
public static class TwoFactorMessages
{
    public const string Expired = "Votre connexion a expiré avant la saisie du code : saisissez à nouveau votre adresse et votre mot de passe.";

    /// <summary>Puts the refusal on the page: the throttle's wait (429 with Retry-After), or the page's own message.</summary>
    public static void Refused(PageModel page, CodeCheck check, string wrongCode)
    {
        if (check.Wait is { } wait)
        {
            page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            page.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var minutes = Domain.Accounts.SignInThrottle.Minutes(wait);
            page.ModelState.AddModelError(string.Empty, $"Trop d'essais infructueux : réessayez dans {minutes} minute{(minutes > 1 ? "s" : "")}.");
            return;
        }
        page.ModelState.AddModelError(string.Empty, wrongCode);
    }
}
