using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Pages.Shared;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>A holder answers their own 6- or 24-month follow-up survey, once, signed in (the same form as the personal link).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class SurveyModel(HolderSurveys surveys, UserManager<Identity.PortalUser> users) : PageModel
{
    [BindProperty]
    public SurveyAnswerInput Input { get; set; } = new();

    public HolderSurvey Survey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var survey = await surveys.FindOwnAsync(users.GetUserId(User)!, id);
        if (survey is null) return NotFound();
        Survey = survey;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var survey = await surveys.FindOwnAsync(users.GetUserId(User)!, id);
        if (survey is null) return NotFound();
        Survey = survey;
        var problems = await surveys.AnswerAsync(survey, Input.ToAnswer(), SurveyAnswerChannel.Online);
        if (problems.Count == 0) return RedirectToPage(new { id });
        foreach (var (field, message) in problems)
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        return Page();
    }
}
