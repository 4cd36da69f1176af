using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Formation;

/// <summary>
/// The trainee's training sessions: the coming ones with their convocation, the past ones with the attendance recorded
/// per half-day. Staff enrol trainees; the candidate only reads.
/// </summary>
public class PlanningModel(TrainingRecord records, TrainingSessions sessions, TimeProvider clock) : PageModel
{
    /// <summary>The candidate's training record (null: no training-route registration to show).</summary>
    public TraineeRecord? Record { get; private set; }

    /// <summary>Sessions not yet over, by date; cancelled ones kept, marked.</summary>
    public IReadOnlyList<PlannedTraining> Coming { get; private set; } = [];

    /// <summary>Sessions over, newest first.</summary>
    public IReadOnlyList<PlannedTraining> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Record = await records.OwnAsync(User);
        if (Record is null) return;
        var now = clock.GetUtcNow();
        var planning = await sessions.PlanningAsync(Record.RegistrationId);
        Coming = planning.Where(s => s.EndsAt > now).ToList();
        Past = planning.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).ToList();
    }

    /// <summary>The half-days of a past session, as recorded on the attendance sheet (none for a cancelled session).</summary>
    public IEnumerable<AttendanceLine> HalfDaysOf(PlannedTraining session) => Record?.Attendance.Where(a => a.SessionId == session.SessionId) ?? [];

    public string ConvocationUrl(PlannedTraining session, string format) =>
        $"/Formation/Convocation/{session.SessionId}/{Record!.RegistrationId}?format={format}";
}
