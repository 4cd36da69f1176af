using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.DoubleAuthentification;

/// <summary>
/// The new recovery codes, shown once: the page that made them hands them over in TempData (read once, then gone), as
/// Identity's UI does; reloading the page sends back to the account's second factor page without them.
/// </summary>
[Authorize]
public class RecoveryCodesModel : PageModel
{
    public const string Key = "TwoFactorRecoveryCodes";

    /// <summary>Set with the codes when they come with the second factor just turned on (not a renewal).</summary>
    public const string JustEnabledKey = "TwoFactorJustEnabled";

    public bool JustEnabled { get; private set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (TempData[Key] is not string[] codes || codes.Length == 0) return RedirectToPage("Index", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        Codes = codes;
        JustEnabled = TempData[JustEnabledKey] is true;
        return Page();
    }
}
