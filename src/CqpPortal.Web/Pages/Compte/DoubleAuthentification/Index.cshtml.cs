using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.DoubleAuthentification;

/// <summary>The account's second factor: its state, and the ways to turn it on, renew the recovery codes or turn it off.</summary>
[Authorize]
public class TwoFactorModel(TwoFactorSetup twoFactor) : PageModel
{
    public TwoFactorState State { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        State = await twoFactor.StateAsync(user);
        return Page();
    }

    /// <summary>New recovery codes (the earlier ones stop working), shown once on the next page.</summary>
    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        if (await twoFactor.CurrentAsync() is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        TempData[RecoveryCodesModel.Key] = (await twoFactor.NewRecoveryCodesAsync(user)).ToArray();
        return RedirectToPage("CodesDeSecours", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }
}
