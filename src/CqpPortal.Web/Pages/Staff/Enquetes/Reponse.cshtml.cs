using CqpPortal.Web.Audit;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Enquetes;

/// <summary>Staff type a holder's answer received by phone or on paper, once, through the holder's rules.</summary>
[AuditedAccess(AuditKinds.SurveyAnswer)]
public class StaffSurveyAnswerModel(SurveyCampaigns campaigns, UserManager<Identity.PortalUser> users, TimeProvider clock) : PageModel
{
    /// <summary>The holder's answer, as the holder's own form takes it, and how it reached staff.</summary>
    public sealed class InputModel : Shared.SurveyAnswerInput
    {
        public SurveyAnswerChannel? Channel { get; set; }

        /// <summary>The day of the call or on the paper form: the day the statistics count the answer.</summary>
        public DateOnly? ReceivedOn { get; set; }
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
        Input.ReceivedOn = Domain.Time.DayInParis.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await campaigns.FindAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        View = view;
        var problems = await campaigns.RecordByStaffAsync(view.Survey, Input.ToAnswer(), Input.Company, Input.Channel, Input.ReceivedOn, users.GetUserId(User)!, HttpContext.RequestAborted);
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
