using CqpPortal.Domain.Time;

namespace CqpPortal.Domain.Evaluations;

/// <summary>
/// The attendance sheet (« feuille d'émargement ») of an evaluation session: présent, absent or excusé is recorded for
/// a candidate enrolled in it, from the session's day in Paris, by staff or one of the session's evaluators.
/// </summary>
public static class AttendanceRules
{
    public static string? WhyNotRecord(bool byStaffOrSessionEvaluator, bool sessionCancelled, bool enrolled, DateTimeOffset sessionStartsAt, DateOnly today)
    {
        if (!byStaffOrSessionEvaluator) return "Seuls l'organisme de formation et les évaluateurs de la session peuvent noter la présence.";
        if (sessionCancelled) return "Cette session est annulée.";
        if (!enrolled) return "Ce candidat n'est pas inscrit à cette session.";
        var day = DayInParis.Of(sessionStartsAt);
        if (today < day) return $"La présence se note à partir du jour de la session ({day:dd/MM/yyyy}).";
        return null;
    }
}
