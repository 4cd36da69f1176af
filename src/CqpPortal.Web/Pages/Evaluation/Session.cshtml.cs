using CqpPortal.Web.Audit;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Evaluations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Evaluation;

/// <summary>One of the evaluator's sessions: its candidates, their attendance, the attendance sheet, and the grid of each present candidate.</summary>
[AuditedAccess(AuditKinds.EvaluationSession)]
public class EvaluatorSessionModel(EvaluatorAssignments assignments, AttendanceRegister attendances, EvaluationAccess access) : PageModel
{
    public EvaluationSitting Sitting { get; private set; } = null!;
    public EvaluatorRole? Role { get; private set; }
    public bool CanRecord { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public int? FailedEnrolmentId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

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
        Role = await access.RoleAsync(id, User);
        CanRecord = attendances.Opens(sitting);
        return true;
    }
}
