using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.DoubleAuthentification;

/// <summary>Turning the second factor on: the key (typed or scanned as a QR code), then a code from the app to confirm it.</summary>
[Authorize]
public class EnableTwoFactorModel(TwoFactorSetup twoFactor) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
        [AppCode]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorKey Key { get; private set; } = null!;

    /// <summary>The otpauth:// link as an inline SVG QR code.</summary>
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("Index", new { ReturnUrl = Local(ReturnUrl) });
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("Index", new { ReturnUrl = Local(ReturnUrl) });
        if (ModelState.IsValid)
        {
            var (check, codes) = await twoFactor.EnableAsync(user, Input.Code);
            if (check.Succeeded)
            {
                TempData[RecoveryCodesModel.Key] = codes.ToArray();
                TempData[RecoveryCodesModel.JustEnabledKey] = true;
                return RedirectToPage("CodesDeSecours", new { ReturnUrl = Local(ReturnUrl) });
            }
            TwoFactorMessages.Refused(this, check, "Ce code ne correspond pas à la clé. Vérifiez que l'heure de votre téléphone est à jour, puis saisissez le code affiché maintenant.");
        }
        await LoadKeyAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(PortalUser user)
    {
        Key = await twoFactor.KeyAsync(user);
        QrSvg = QrCodes.Svg(Key.Uri, "QR code à scanner avec votre application d'authentification");
    }

    private string? Local(string? url) => Url.IsLocalUrl(url) ? url : null;
}
