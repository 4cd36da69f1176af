using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.DoubleAuthentification;

/// <summary>Turning the second factor off, or replacing the phone: always with a current code (app or recovery code).</summary>
[Authorize]
public class DisableTwoFactorModel(TwoFactorSetup twoFactor) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le code affiché par votre application, ou l'un de vos codes de secours.")]
        [StringLength(64, ErrorMessage = "Un code compte quelques caractères : vérifiez ce que vous avez saisi.")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Replace the key for a new phone (allowed even when the second factor is required) rather than turn it off.</summary>
    [BindProperty(SupportsGet = true)]
    public bool NewPhone { get; set; }

    public TwoFactorState State { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        State = await twoFactor.StateAsync(user);
        return State.Enabled ? Page() : RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        State = await twoFactor.StateAsync(user);
        if (!State.Enabled) return RedirectToPage("Index");
        if (!NewPhone && !State.MayTurnOff) return Forbid();
        if (!ModelState.IsValid) return Page();
        var check = await twoFactor.DisableAsync(user, Input.Code, NewPhone);
        if (!check.Succeeded)
        {
            TwoFactorMessages.Refused(this, check, "Ce code ne convient pas. Saisissez le code affiché maintenant par votre application, ou un code de secours pas encore utilisé.");
            return Page();
        }
        if (NewPhone) return RedirectToPage("Activer");
        Message = "La double authentification est désactivée : votre mot de passe suffit de nouveau pour vous connecter.";
        return RedirectToPage("Index");
    }
}
