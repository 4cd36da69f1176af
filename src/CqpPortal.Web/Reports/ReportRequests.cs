using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Reports;

/// <summary>A past jury the runs page offers: its id and « Jury du 12 mars 2026 – Lille ».</summary>
public sealed record JuryChoice(int Id, string Label);

/// <summary>What is wrong with a request (field, French message), and what to tell once it is queued (or null).</summary>
public sealed record ReportRequestCheck(IReadOnlyList<(string Field, string Message)> Errors, string? Notice)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The reports a user may start by hand: every kind a producer declares (<see cref="IReportProducer.Descriptor"/>), the
/// years and past juries offered, and the checks of a request. A holder-outcome report may be started before its wave's
/// answering window has closed; the user is told that the answers are not all in yet.
/// </summary>
public sealed class ReportRequests(CqpDbContext db, IEnumerable<IReportProducer> producers, TimeProvider clock)
{
    public const int YearsOffered = 10;
    public const int JuriesOffered = 100;

    public IReadOnlyList<ReportKindDescriptor> Offered() => producers.Select(p => p.Descriptor).OfType<ReportKindDescriptor>().ToList();

    public ReportKindDescriptor? Find(string? kind) => Offered().FirstOrDefault(d => d.Kind == kind);

    /// <summary>This year and the nine before, newest first (within the years the statistics accept).</summary>
    public IReadOnlyList<int> OfferedYears()
    {
        var current = DayInParis.Today(clock).Year;
        return Enumerable.Range(0, YearsOffered).Select(i => current - i).Where(AnnualStatistics.IsValidYear).ToList();
    }

    /// <summary>The juries held (ended, not cancelled), newest first.</summary>
    public async Task<IReadOnlyList<JuryChoice>> PastJuriesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var juries = await PastJuries(now).OrderByDescending(s => s.StartsAt).Take(JuriesOffered + 1)
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes, s.City }).ToListAsync(cancellationToken);
        return juries.Where(j => j.StartsAt.AddMinutes(j.DurationMinutes) <= now).Take(JuriesOffered).Select(j => new JuryChoice(j.Id, $"Jury du {FrenchFormat.Date(j.StartsAt)} – {j.City}")).ToList();
    }

    public async Task<ReportRequestCheck> CheckAsync(ReportKindDescriptor kind, int? year, int? sessionId, CancellationToken cancellationToken = default)
    {
        var errors = new List<(string, string)>();
        string? notice = null;
        switch (kind.Parameter)
        {
            case ReportParameter.Year:
                var years = OfferedYears();
                if (year is null) errors.Add(("Year", kind.Kind == ReportKinds.AnnualPack ? "Choisissez l'année du dossier annuel." : "Choisissez l'année du rapport."));
                else if (!years.Contains(year.Value)) errors.Add(("Year", $"Choisissez une année entre {years[^1]} et {years[0]}."));
                break;
            case ReportParameter.JurySession:
                if (sessionId is null)
                {
                    errors.Add(("SessionId", "Choisissez un jury."));
                    break;
                }
                var jury = await PastJuries(clock.GetUtcNow()).Where(s => s.Id == sessionId)
                    .Select(s => new { s.StartsAt, s.DurationMinutes }).FirstOrDefaultAsync(cancellationToken);
                if (jury is null || jury.StartsAt.AddMinutes(jury.DurationMinutes) > clock.GetUtcNow())
                {
                    errors.Add(("SessionId", "Choisissez un jury passé dans la liste."));
                    break;
                }
                if (producers.FirstOrDefault(p => p.Kind == kind.Kind) is HolderOutcomesProducer outcomes)
                    notice = await WindowNoticeAsync(sessionId.Value, DayInParis.Of(jury.StartsAt.AddMinutes(jury.DurationMinutes)), outcomes.Wave, cancellationToken);
                break;
        }
        return new ReportRequestCheck(errors, notice);
    }

    /// <summary>Null once the wave's answering window has closed; else the sentence saying the answers are not all in.</summary>
    private async Task<string?> WindowNoticeAsync(int sessionId, DateOnly endsOn, SurveyWave wave, CancellationToken cancellationToken)
    {
        var lastInvitedAt = await db.HolderSurveys
            .Where(h => h.Wave == wave && db.JuryDecisions.Any(j => j.SessionId == sessionId && j.RegistrationId == h.RegistrationId && j.Result == JuryResult.TotalValidation))
            .MaxAsync(h => h.InvitedAt, cancellationToken);
        var dueOn = HolderOutcomeReportSchedule.ReportDueOn(endsOn, wave, lastInvitedAt is { } at ? DayInParis.Of(at) : null);
        if (dueOn <= DayInParis.Today(clock)) return null;
        return $"Les réponses à l'enquête à {FrenchLabels.Of(wave)} de ce jury ne sont pas toutes arrivées : la fenêtre de réponse reste ouverte "
            + $"jusqu'au {FrenchFormat.Date(dueOn)}. Ce rapport est provisoire ; le rapport complet sera produit automatiquement à cette date.";
    }

    /// <summary>Juries begun by <paramref name="now"/>, not cancelled; whether they have ended is checked in memory.</summary>
    private IQueryable<Session> PastJuries(DateTimeOffset now) =>
        db.Sessions.AsNoTracking().Where(s => s.Kind == SessionKind.Jury && s.CancelledAt == null && s.StartsAt <= now);
}
