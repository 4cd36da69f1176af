using CqpPortal.Web.Contacts;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Pages.Enquete;

/// <summary>
/// The one-click opt-out of an e-mail's link: the GET only shows a button (mail scanners follow links and must change
/// nothing); the POST stops the reminders of this survey and every later wave of the registration. A token opts out
/// its own survey only; an unknown one gets the 404 page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.FormPosts)]
public class SurveyOptOutModel(SurveyLinks links, IOptions<OrganisationContact> contact) : PageModel
{
    /// <summary>Null when the token is unknown; true once the survey is opted out.</summary>
    public bool? OptedOut { get; private set; }

    public OrganisationContact Contact => contact.Value;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        OptedOut = await links.IsOptedOutAsync(token);
        if (OptedOut is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await links.OptOutAsync(token)) return RedirectToPage(new { token });
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
