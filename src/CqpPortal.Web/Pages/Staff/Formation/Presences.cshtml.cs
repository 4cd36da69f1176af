using CqpPortal.Web.Audit;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Formation;

/// <summary>
/// The half-day attendance sheet of a training session: a row per enrolled trainee, a status and hours per half-day.
/// The whole sheet is recorded or nothing (<see cref="TrainingAttendanceRegister"/>); a refusal shows the sheet as typed.
/// </summary>
[AuditedAccess(AuditKinds.Training, Subject = "sessionId")]
public class AttendanceSheetModel(TrainingAttendanceRegister register) : PageModel
{
    public sealed class CellForm
    {
        public int EnrolmentId { get; set; }
        public HalfDay HalfDay { get; set; }
        public Attendance? Attendance { get; set; }
        public string? Hours { get; set; }
    }

    [BindProperty]
    public List<CellForm> Cells { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public TrainingSheet Sheet { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (await register.SheetAsync(sessionId) is not { } sheet) return NotFound();
        Sheet = sheet;
        Cells = [.. sheet.Rows.SelectMany(r => sheet.HalfDays.Select(h => r.Recorded.TryGetValue(h.HalfDay, out var recorded)
            ? new CellForm { EnrolmentId = r.EnrolmentId, HalfDay = h.HalfDay, Attendance = recorded.Attendance, Hours = TrainingAttendanceRules.HoursText(recorded.Hours) }
            : new CellForm { EnrolmentId = r.EnrolmentId, HalfDay = h.HalfDay, Hours = TrainingAttendanceRules.HoursText(h.Hours) }))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int sessionId)
    {
        if (await register.SheetAsync(sessionId) is not { } sheet) return NotFound();
        var unreadable = new List<string>();
        var cells = new List<SheetCell>();
        foreach (var cell in Cells)
        {
            if (!TrainingAttendanceRules.TryParseHours(cell.Hours, out var hours))
            {
                unreadable.Add($"{NameOf(sheet, cell.EnrolmentId)}, {FrenchLabels.Of(cell.HalfDay).ToLowerInvariant()} : {TrainingAttendanceRules.UnreadableHours}");
                continue;
            }
            // A half-day left « à noter » keeps its pre-filled hours: they are not a record until a status is chosen.
            var planned = sheet.HalfDays.FirstOrDefault(h => h.HalfDay == cell.HalfDay)?.Hours;
            if (cell.Attendance is null && hours == planned) hours = null;
            cells.Add(new SheetCell(cell.EnrolmentId, cell.HalfDay, cell.Attendance, hours));
        }
        Errors = unreadable.Count > 0 ? unreadable : await register.RecordAsync(sessionId, cells, User);
        if (Errors.Count == 0)
        {
            Message = "Présences enregistrées.";
            return RedirectToPage(new { sessionId });
        }
        Sheet = sheet;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>What was typed (or recorded) in a cell, for the form.</summary>
    public CellForm CellOf(int enrolmentId, HalfDay halfDay) =>
        Cells.FirstOrDefault(c => c.EnrolmentId == enrolmentId && c.HalfDay == halfDay) ?? new CellForm { EnrolmentId = enrolmentId, HalfDay = halfDay };

    private static string NameOf(TrainingSheet sheet, int enrolmentId) =>
        sheet.Rows.FirstOrDefault(r => r.EnrolmentId == enrolmentId)?.TraineeName ?? "Stagiaire inconnu";
}
