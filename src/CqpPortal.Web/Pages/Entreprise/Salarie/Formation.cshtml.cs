using System.Globalization;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise.Salarie;

/// <summary>
/// A followed employee's training as the company sees it: the coming sessions with their convocations, attendance per
/// half-day (absences highlighted), hours per unit against the path, the monthly statements and the end-of-training certificate.
/// </summary>
public class EmployeeTrainingModel(TrainingRecord records, TrainingSessions sessions, TrainingDocuments documents, TimeProvider clock) : PageModel
{

    public TraineeRecord Record { get; private set; } = null!;

    /// <summary>Sessions not ended yet (cancelled ones kept, marked), by date.</summary>
    public IReadOnlyList<PlannedTraining> Coming { get; private set; } = [];

    /// <summary>The half-days up to today, newest first: those to come are in <see cref="Coming"/>.</summary>
    public IReadOnlyList<AttendanceLine> HalfDays { get; private set; } = [];

    public string? WhyNoCertificateYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (await records.ForAsync(User, registrationId) is not { } record) return NotFound();
        var now = clock.GetUtcNow();
        var today = DayInParis.Today(clock);
        Record = record;
        Coming = (await sessions.PlanningAsync(registrationId)).Where(s => s.EndsAt > now).ToList();
        HalfDays = record.Attendance.Where(a => a.Day <= today).OrderByDescending(a => a.Day).ThenByDescending(a => a.HalfDay).ToList();
        WhyNoCertificateYet = documents.WhyNoCertificateYet(record);
        return Page();
    }
}
