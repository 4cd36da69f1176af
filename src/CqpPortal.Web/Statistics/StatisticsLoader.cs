using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Statistics;

/// <summary>
/// Reads the anonymous rows of the statistics and hands them to <see cref="AnnualStatistics"/>. Nothing personal leaves
/// this class: the birth date is read only to turn it into completed years at registration.
/// </summary>
public sealed class StatisticsLoader(CqpDbContext db)
{
    public Task<AnnualStatistics> ForYearAsync(int year, CancellationToken cancellationToken = default) => ForYearAsync(year, null, cancellationToken);

    /// <summary>The year's figures of one certification (its registrations, their juries, surveys and training); null: every certification.</summary>
    public async Task<AnnualStatistics> ForYearAsync(int year, int? certificationId, CancellationToken cancellationToken = default)
    {
        var (profiles, juries, surveys, training) = await LoadAsync(year, certificationId, cancellationToken);
        return AnnualStatistics.Compute(year, profiles, juries, surveys, training);
    }

    public Task<(AnnualStatistics Statistics, IReadOnlyList<ProfileRow> Registrations)> ForYearWithRegistrationsAsync(int year, CancellationToken cancellationToken = default) =>
        ForYearWithRegistrationsAsync(year, null, cancellationToken);

    /// <summary>
    /// The year's figures and the anonymous rows of its registrations (by registration date), for the annual pack's
    /// detail sheet: the same rows the figures were computed from.
    /// </summary>
    public async Task<(AnnualStatistics Statistics, IReadOnlyList<ProfileRow> Registrations)> ForYearWithRegistrationsAsync(int year, int? certificationId, CancellationToken cancellationToken = default)
    {
        var (profiles, juries, surveys, training) = await LoadAsync(year, certificationId, cancellationToken);
        return (AnnualStatistics.Compute(year, profiles, juries, surveys, training), profiles);
    }

    public Task<IReadOnlyList<AnnualStatistics>> AllYearsAsync(CancellationToken cancellationToken = default) => AllYearsAsync(null, cancellationToken);

    /// <summary>Every year with some activity, newest first.</summary>
    public async Task<IReadOnlyList<AnnualStatistics>> AllYearsAsync(int? certificationId, CancellationToken cancellationToken = default)
    {
        var (profiles, juries, surveys, training) = await LoadAsync(null, certificationId, cancellationToken);
        return AnnualStatistics.YearsWithActivity(profiles, juries, surveys, training)
            .Select(year => AnnualStatistics.Compute(year, profiles, juries, surveys, training)).ToList();
    }

    /// <summary>The rows of one year (invitations with a day's margin for the time zone: the domain keeps the exact year), or of all years.</summary>
    private async Task<(List<ProfileRow>, List<JuryRow>, List<SurveyRow>, TrainingRows)> LoadAsync(int? year, int? certificationId, CancellationToken cancellationToken)
    {
        IQueryable<Registration> registrationsOfYear = db.Registrations.Where(r => r.RegisteredOn != null);
        // Decisions deliberated in the portal count once the minutes are locked (signed by every member).
        IQueryable<JuryDecision> juriesOfYear = db.JuryDecisions.Where(JuryDecision.IsFinal);
        IQueryable<HolderSurvey> surveysOfYear = db.HolderSurveys.Where(s => s.RespondedOn != null || s.InvitedAt != null);
        IQueryable<SessionEnrolment> trainingOfYear = db.SessionEnrolments.Where(e => e.Session!.Kind == SessionKind.Training);
        if (certificationId is { } c)
        {
            registrationsOfYear = registrationsOfYear.Where(r => r.CertificationId == c);
            juriesOfYear = juriesOfYear.Where(j => j.Registration!.CertificationId == c);
            surveysOfYear = surveysOfYear.Where(s => s.Registration!.CertificationId == c);
            trainingOfYear = trainingOfYear.Where(e => e.Registration!.CertificationId == c);
        }
        if (year is { } y)
        {
            AnnualStatistics.EnsureValidYear(y);
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            var (invitedFrom, invitedTo) = (new DateTimeOffset(y - 1, 12, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(y + 1, 1, 2, 0, 0, 0, TimeSpan.Zero));
            registrationsOfYear = registrationsOfYear.Where(r => r.RegisteredOn >= from && r.RegisteredOn <= to);
            juriesOfYear = juriesOfYear.Where(j => j.DecidedOn >= from && j.DecidedOn <= to);
            surveysOfYear = surveysOfYear.Where(s => (s.RespondedOn >= from && s.RespondedOn <= to) || (s.InvitedAt >= invitedFrom && s.InvitedAt < invitedTo));
            trainingOfYear = trainingOfYear.Where(e => e.Session!.StartsAt >= invitedFrom && e.Session.StartsAt < invitedTo);
        }

        var registrations = await registrationsOfYear.AsNoTracking()
            .OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                RegisteredOn = r.RegisteredOn!.Value,
                r.Candidate!.BirthDate,
                r.Candidate.Sex,
                r.EducationLevel,
                r.Route,
                r.EmploymentStatus,
                r.Region,
                r.State,
                r.TeleSecretaryMonths,
                r.PhoneJobMonths,
                r.Funding,
                r.DiplomaGroup,
                r.HighestDiploma,
                r.Sectors,
            })
            .ToListAsync(cancellationToken);
        var profiles = registrations.Select(r => new ProfileRow(
                r.RegisteredOn, r.Sex, AgeBands.CompletedYears(r.BirthDate, r.RegisteredOn), r.EducationLevel, r.Route,
                r.EmploymentStatus, r.Region, r.State, r.TeleSecretaryMonths, r.PhoneJobMonths, r.Funding,
                // Files made before the list: the group their title or level tells, if any.
                r.DiplomaGroup ?? DiplomaGroups.Infer(r.HighestDiploma, r.EducationLevel), r.Sectors))
            .ToList();

        var juries = await juriesOfYear.AsNoTracking()
            .Select(j => new JuryRow(j.DecidedOn, j.Result, j.UnitResults.Select(u => new UnitResultRow(u.Unit!.Number, u.Validated)).ToList()))
            .ToListAsync(cancellationToken);

        var surveys = await surveysOfYear.AsNoTracking()
            .Select(s => new { s.Wave, s.InvitedAt, s.RespondedOn, s.Situation, s.Contract, s.Sector, s.JobTitle, s.TrainingLevel, s.NsfCode })
            .ToListAsync(cancellationToken);
        // The invitation's day is the day in Paris, as everywhere else in the portal.
        var surveyRows = surveys.Select(s => new SurveyRow(
                s.Wave, s.InvitedAt is { } at ? DayInParis.Of(at) : null,
                s.RespondedOn, s.Situation, s.Contract, s.Sector, s.JobTitle, s.TrainingLevel, s.NsfCode))
            .ToList();

        return (profiles, juries, surveyRows, await LoadTrainingAsync(trainingOfYear, certificationId, cancellationToken));
    }

    /// <summary>
    /// The training rows: the certification's units, the training enrolments (sessions with a day's margin for the time
    /// zone: the domain keeps the exact year, and decides who is a trainee) and the current paths of those enrolled.
    /// </summary>
    private async Task<TrainingRows> LoadTrainingAsync(IQueryable<SessionEnrolment> enrolments, int? certificationId, CancellationToken cancellationToken)
    {
        var units = await db.CertificationUnits.AsNoTracking()
            .Where(u => certificationId == null || u.CertificationId == certificationId)
            .OrderBy(u => u.Number).ThenBy(u => u.Id)
            .Select(u => new TrainingUnitRow(u.Id, u.Number, u.Title))
            .ToListAsync(cancellationToken);
        var rows = await enrolments.AsNoTracking()
            .Select(e => new
            {
                e.RegistrationId, e.Registration!.Route, e.Session!.StartsAt, e.Session.UnitId,
                SessionCancelled = e.Session.CancelledAt != null, EnrolmentCancelled = e.State == EnrolmentState.Cancelled,
                HalfDays = e.HalfDays.Select(h => new TrainingHalfDayRow(h.HalfDay, h.Attendance, h.Hours)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var enrolled = rows.Select(r => r.RegistrationId).Distinct().ToList();
        // The current path: not superseded, the highest version (as TrainingProgress reads it).
        var planned = await db.TrainingPaths.AsNoTracking()
            .Where(p => enrolled.Contains(p.RegistrationId) && p.SupersededAt == null
                && !db.TrainingPaths.Any(q => q.RegistrationId == p.RegistrationId && q.SupersededAt == null && q.Version > p.Version))
            .SelectMany(p => p.Units.Select(u => new PlannedHoursRow(p.RegistrationId, u.UnitId, u.PlannedHours)))
            .ToListAsync(cancellationToken);
        var enrolmentRows = rows.Select(r => new TrainingEnrolmentRow(
                r.RegistrationId, r.Route, DayInParis.Of(r.StartsAt), r.UnitId, r.SessionCancelled, r.EnrolmentCancelled, r.HalfDays))
            .ToList();
        return new TrainingRows(units, enrolmentRows, planned);
    }
}
