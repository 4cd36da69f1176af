using CqpPortal.Domain.Surveys;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Pages.Shared;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Pages.Enquete;

/// <summary>
/// A holder answers their follow-up survey through the personal link of an e-mail, without signing in. An unknown or
/// tampered token gets a 404 page, an answered, opted-out or expired one a 410 page, each saying what to do and showing
/// no one's data. Never cached, never indexed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.FormPosts)]
public class PublicSurveyModel(SurveyLinks links, IOptions<OrganisationContact> contact) : PageModel
{
    [BindProperty]
    public SurveyAnswerInput Input { get; set; } = new();

    /// <summary>The survey as its link shows it; null when the token is unknown.</summary>
    public SurveyLinkView? Survey { get; private set; }

    public OrganisationContact Contact => contact.Value;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Private();
        Survey = await links.FindAsync(token);
        return Closed() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Private();
        var answered = await links.AnswerAsync(token, Input.ToAnswer());
        if (answered is { State: SurveyLinkState.Open, Problems.Count: 0 }) return RedirectToPage("/Enquete/Merci");
        Survey = await links.FindAsync(token);
        if (Closed() is { } closed) return closed;
        foreach (var (field, message) in answered!.Value.Problems)
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        return Page();
    }

    /// <summary>The page of a link that takes no answer, with its status code; null when the survey is open.</summary>
    private PageResult? Closed()
    {
        if (Survey is { State: SurveyLinkState.Open }) return null;
        Response.StatusCode = Survey is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
