using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>A holder answers their own 6- or 24-month follow-up survey, once.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class SurveyModel(HolderSurveys surveys, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        public HolderSituation? Situation { get; set; }
        public EmploymentContract? Contract { get; set; }
        public EmploymentSector? Sector { get; set; }
        public string? JobTitle { get; set; }
        public int? TrainingLevel { get; set; }
        public string? NsfCode { get; set; }

        public SurveyAnswer ToAnswer() => new(Situation, Contract, Sector, JobTitle, TrainingLevel, NsfCode);
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

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
        var problems = await surveys.AnswerAsync(survey, Input.ToAnswer());
        if (problems.Count == 0) return RedirectToPage(new { id });
        foreach (var (field, message) in problems)
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        return Page();
    }
}
