using CqpPortal.Web.Audit;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Sessions;

/// <summary>The evaluator and co-evaluator of an evaluation or VAE situation session, its candidates' attendance and the attendance sheet.</summary>
[AuditedAccess(AuditKinds.EvaluationSession)]
public class StaffSessionEvaluatorsModel(EvaluatorAssignments assignments, AttendanceRegister attendances, UserManager<PortalUser> users) : PageModel
{
    public EvaluationSitting Sitting { get; private set; } = null!;
    public IReadOnlyList<Choice> Choices { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    /// <summary>When an assignment was refused: in which role, why, and what was chosen (kept in the form).</summary>
    public EvaluatorRole? FailedRole { get; private set; }
    public string? Error { get; private set; }
    public int? ChosenEvaluatorId { get; private set; }
    public bool ChosenRemote { get; private set; }
    public int? FailedEnrolmentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(int id, EvaluatorRole role, int? evaluatorId, bool remote)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await assignments.AssignAsync(id, role, evaluatorId, remote, users.GetUserId(User)!, Url.PublicPage("/Evaluation/Index"));
        if (refused is null)
        {
            Message = $"{FrenchLabels.Of(role)} affecté ; il en est informé par e-mail.";
            return RedirectToPage(new { id });
        }
        (FailedRole, Error, ChosenEvaluatorId, ChosenRemote) = (role, refused, evaluatorId, remote);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, EvaluatorRole role)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await assignments.UnassignAsync(id, role) is { } refused) Refusal = refused;
        else Message = $"{FrenchLabels.Of(role)} retiré de la session.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, int enrolmentId, Attendance? attendance)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await attendances.RecordAsync(id, enrolmentId, attendance, User) is { } refused)
        {
            (FailedEnrolmentId, Error) = (enrolmentId, refused);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Message = "Présence enregistrée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetSheetAsync(int id) =>
        await LoadAsync(id) ? File(AttendanceSheet.Pdf(Sitting), "application/pdf", AttendanceSheet.FileName(Sitting)) : NotFound();

    private async Task<bool> LoadAsync(int id)
    {
        if (await assignments.SittingAsync(id, User) is not { } sitting) return false;
        Sitting = sitting;
        if (!sitting.Cancelled) Choices = await assignments.ChoicesAsync(sitting);
        CanRecord = attendances.Opens(sitting);
        return true;
    }
}
