using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Enquetes;

/// <summary>Staff type a holder's answer received by phone or on paper, once, through the holder's rules.</summary>
public class StaffSurveyAnswerModel(SurveyCampaigns campaigns, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        public SurveyAnswerChannel? Channel { get; set; }
        public HolderSituation? Situation { get; set; }
        public EmploymentContract? Contract { get; set; }
        public EmploymentSector? Sector { get; set; }
        public string? JobTitle { get; set; }
        public string? Company { get; set; }
        public int? TrainingLevel { get; set; }
        public string? NsfCode { get; set; }

        public SurveyAnswer ToAnswer() => new(Situation, Contract, Sector, JobTitle, TrainingLevel, NsfCode);
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public StaffSurveyView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await campaigns.FindAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await campaigns.FindAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        View = view;
        var problems = await campaigns.RecordByStaffAsync(view.Survey, Input.ToAnswer(), Input.Company, Input.Channel, users.GetUserId(User)!, HttpContext.RequestAborted);
        if (problems.Count == 0)
        {
            Message = $"Réponse enregistrée ({FrenchLabels.Of(Input.Channel!.Value).ToLowerInvariant()}).";
            return RedirectToPage(new { id });
        }
        foreach (var (field, message) in problems)
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        return Page();
    }
}
