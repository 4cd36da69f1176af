using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Reports.HolderOutcomes;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The anonymous outcomes, at 6 or 24 months (one kind per wave), of the holders certified by one jury session, for
/// SIST: a workbook with native charts and a PDF. Counts only, no name is read; small counts masked as in the annual
/// pack. Made by the schedule once the wave's answering window has closed, or by hand at any time (then marked
/// provisional while the window is open).
/// </summary>
public sealed class HolderOutcomesProducer(CqpDbContext db, TimeProvider clock, SurveyWave wave) : IReportProducer
{
    public string Kind => ReportKinds.HolderOutcomesOf(wave);

    public SurveyWave Wave => wave;

    public ReportKindDescriptor? Descriptor => new(Kind, ReportKinds.Label(Kind), ReportParameter.JurySession,
        $"Portrait anonyme des titulaires d'un jury passé, d'après leurs réponses à l'enquête à {FrenchLabels.Of(wave)} : classeur Excel avec graphiques et PDF.");

    public async Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken)
    {
        var sessionId = context.RequireSession();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.StartsAt, s.DurationMinutes, s.City, s.Region, s.Kind, Certification = s.Certification!.Kind + " " + s.Certification.Title })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ReportException($"La session n° {sessionId} n'existe plus.");
        if (session.Kind != SessionKind.Jury) throw new ReportException($"La session n° {sessionId} n'est pas un jury.");

        await context.ReportProgressAsync(20, "Lecture des décisions du jury", cancellationToken);
        var holders = await db.JuryDecisions.AsNoTracking().Where(JuryDecision.IsFinal)
            .Where(j => j.SessionId == sessionId && j.Result == JuryResult.TotalValidation)
            .Select(j => j.RegistrationId).Distinct().ToListAsync(cancellationToken);

        await context.ReportProgressAsync(50, $"Lecture des réponses à l'enquête à {FrenchLabels.Of(wave)}", cancellationToken);
        var surveys = await db.HolderSurveys.AsNoTracking()
            .Where(s => holders.Contains(s.RegistrationId) && s.Wave == wave)
            .Select(s => new { s.InvitedAt, s.FirstReminderAt, s.RespondedOn, s.Channel, s.Situation, s.Contract, s.Sector })
            .ToListAsync(cancellationToken);
        var outcomes = SessionHolderOutcomes.Compute(wave, holders.Count, surveys.Select(s => new SessionSurveyRow(
            s.InvitedAt is { } at ? DayInParis.Of(at) : null, s.FirstReminderAt is { } r ? DayInParis.Of(r) : null,
            s.RespondedOn, s.Channel, s.Situation, s.Contract, s.Sector)).ToList());

        await context.ReportProgressAsync(70, "Mise en page du classeur et du PDF", cancellationToken);
        var endsOn = DayInParis.Of(session.StartsAt.AddMinutes(session.DurationMinutes));
        var lastInvited = surveys.Where(s => s.InvitedAt is not null).Select(s => (DateOnly?)DayInParis.Of(s.InvitedAt!.Value)).Max();
        var closesOn = HolderOutcomeReportSchedule.ReportDueOn(endsOn, wave, lastInvited);
        var day = DayInParis.Of(session.StartsAt);
        var header = new SessionOutcomeHeader(wave, session.Certification, day, $"{session.City} ({FrenchLabels.Of(session.Region)})",
            HolderOutcomeReportSchedule.InvitationsDueOn(endsOn, wave), closesOn, closesOn <= DayInParis.Today(clock), sessionId);
        var content = SessionOutcomeContent.From(header, outcomes);
        var stem = SessionOutcomeContent.FileStem(wave, day);
        return
        [
            new ReportFile(stem + ".xlsx", SessionOutcomeFiles.WorkbookContentType, SessionOutcomeFiles.Workbook(content)),
            new ReportFile(stem + ".pdf", "application/pdf", SessionOutcomeFiles.Pdf(content)),
        ];
    }
}
