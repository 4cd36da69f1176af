using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Statistics;

/// <summary>
/// Reads the anonymous rows of the statistics and counts them as they pass (<see cref="AnnualStatisticsCounter"/>): a
/// year of a million registrations costs the memory of its categories, not of its rows. Nothing personal leaves this
/// class: the birth date is read only to turn it into completed years at registration.
/// </summary>
public sealed class StatisticsLoader(CqpDbContext db)
{
    public Task<AnnualStatistics> ForYearAsync(int year, CancellationToken cancellationToken = default) => ForYearAsync(year, null, cancellationToken);

    /// <summary>The year's figures of one certification (its registrations, their juries, surveys and training); null: every certification.</summary>
    public async Task<AnnualStatistics> ForYearAsync(int year, int? certificationId, CancellationToken cancellationToken = default)
    {
        AnnualStatistics.EnsureValidYear(year);
        var rows = Rows(year, certificationId);
        var counter = new AnnualStatisticsCounter(year);
        await foreach (var row in ProfileRows(rows.Registrations).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(ToProfile(row));
        await foreach (var row in JuryRows(rows.Juries).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(row);
        await foreach (var row in SurveyRows(rows.Surveys).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(ToSurvey(row));
        return counter.Result(await LoadTrainingAsync(rows.Training, certificationId, cancellationToken));
    }

    public Task<(AnnualStatistics Statistics, IEnumerable<ProfileRow> Registrations)> ForYearWithRegistrationsAsync(int year, CancellationToken cancellationToken = default) =>
        ForYearWithRegistrationsAsync(year, null, cancellationToken);

    /// <summary>
    /// The year's figures and the anonymous rows of its registrations (by registration date), for the annual pack's
    /// detail sheet: the same rows the figures were counted from, read again from the database each time they are
    /// enumerated (never held in memory), on this loader's context — enumerate them before using it again.
    /// </summary>
    public async Task<(AnnualStatistics Statistics, IEnumerable<ProfileRow> Registrations)> ForYearWithRegistrationsAsync(int year, int? certificationId, CancellationToken cancellationToken = default)
    {
        var figures = await ForYearAsync(year, certificationId, cancellationToken);
        var registrations = ProfileRows(Rows(year, certificationId).Registrations.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id))
            .AsEnumerable().Select(ToProfile);
        return (figures, registrations);
    }

    public Task<IReadOnlyList<AnnualStatistics>> AllYearsAsync(CancellationToken cancellationToken = default) => AllYearsAsync(null, cancellationToken);

    /// <summary>Every year with some activity, newest first, counted in one pass over the rows.</summary>
    public async Task<IReadOnlyList<AnnualStatistics>> AllYearsAsync(int? certificationId, CancellationToken cancellationToken = default)
    {
        var rows = Rows(null, certificationId);
        var counter = new AllYearsCounter();
        await foreach (var row in ProfileRows(rows.Registrations).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(ToProfile(row));
        await foreach (var row in JuryRows(rows.Juries).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(row);
        await foreach (var row in SurveyRows(rows.Surveys).AsAsyncEnumerable().WithCancellation(cancellationToken)) counter.Add(ToSurvey(row));
        return counter.Results(await LoadTrainingAsync(rows.Training, certificationId, cancellationToken));
    }

    private sealed record RowQueries(IQueryable<Registration> Registrations, IQueryable<JuryDecision> Juries, IQueryable<HolderSurvey> Surveys, IQueryable<SessionEnrolment> Training);

    /// <summary>The rows of one year (invitations with a day's margin for the time zone: the domain keeps the exact year), or of all years.</summary>
    private RowQueries Rows(int? year, int? certificationId)
    {
        IQueryable<Registration> registrationsOfYear = db.Registrations.AsNoTracking().Where(r => r.RegisteredOn != null);
        // Decisions deliberated in the portal count once the minutes are locked (signed by every member).
        IQueryable<JuryDecision> juriesOfYear = db.JuryDecisions.AsNoTracking().Where(JuryDecision.IsFinal);
        IQueryable<HolderSurvey> surveysOfYear = db.HolderSurveys.AsNoTracking().Where(s => s.RespondedOn != null || s.InvitedAt != null);
        IQueryable<SessionEnrolment> trainingOfYear = db.SessionEnrolments.AsNoTracking().Where(e => e.Session!.Kind == SessionKind.Training);
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
        return new RowQueries(registrationsOfYear, juriesOfYear, surveysOfYear, trainingOfYear);
    }

    /// <summary>What a profile needs of a registration, as read from the database.</summary>
    private sealed class RegistrationFields
    {
        public DateOnly RegisteredOn { get; init; }
        public DateOnly BirthDate { get; init; }
        public int? AgeAtRegistration { get; init; }
        public Sex Sex { get; init; }
        public int EducationLevel { get; init; }
        public CertificationRoute Route { get; init; }
        public EmploymentStatus EmploymentStatus { get; init; }
        public Region Region { get; init; }
        public RegistrationState State { get; init; }
        public int TeleSecretaryMonths { get; init; }
        public int PhoneJobMonths { get; init; }
        public Funding? Funding { get; init; }
        public DiplomaGroup? DiplomaGroup { get; init; }
        public string? HighestDiploma { get; init; }
        public List<string> Sectors { get; init; } = [];
    }

    private static IQueryable<RegistrationFields> ProfileRows(IQueryable<Registration> registrations) =>
        registrations.Select(r => new RegistrationFields
        {
            RegisteredOn = r.RegisteredOn!.Value,
            BirthDate = r.Candidate!.BirthDate,
            AgeAtRegistration = r.AgeAtRegistration,
            Sex = r.Candidate.Sex,
            EducationLevel = r.EducationLevel,
            Route = r.Route,
            EmploymentStatus = r.EmploymentStatus,
            Region = r.Region,
            State = r.State,
            TeleSecretaryMonths = r.TeleSecretaryMonths,
            PhoneJobMonths = r.PhoneJobMonths,
            Funding = r.Funding,
            DiplomaGroup = r.DiplomaGroup,
            HighestDiploma = r.HighestDiploma,
            Sectors = r.Sectors,
        });

    private static ProfileRow ToProfile(RegistrationFields r) => new(
        // An erased person's birth date is only its year: the age written at the erasure keeps the figures identical.
        r.RegisteredOn, r.Sex, r.AgeAtRegistration ?? AgeBands.CompletedYears(r.BirthDate, r.RegisteredOn), r.EducationLevel, r.Route,
        r.EmploymentStatus, r.Region, r.State, r.TeleSecretaryMonths, r.PhoneJobMonths, r.Funding,
        // Files made before the list: the group their title or level tells, if any.
        r.DiplomaGroup ?? DiplomaGroups.Infer(r.HighestDiploma, r.EducationLevel), r.Sectors);

    private static IQueryable<JuryRow> JuryRows(IQueryable<JuryDecision> juries) =>
        juries.Select(j => new JuryRow(j.DecidedOn, j.Result, j.UnitResults.Select(u => new UnitResultRow(u.Unit!.Number, u.Validated)).ToList()));

    /// <summary>What a survey row needs of a holder survey, as read from the database.</summary>
    private sealed class SurveyFields
    {
        public SurveyWave Wave { get; init; }
        public DateTimeOffset? InvitedAt { get; init; }
        public DateOnly? RespondedOn { get; init; }
        public HolderSituation? Situation { get; init; }
        public EmploymentContract? Contract { get; init; }
        public EmploymentSector? Sector { get; init; }
        public string? JobTitle { get; init; }
        public int? TrainingLevel { get; init; }
        public string? NsfCode { get; init; }
    }

    private static IQueryable<SurveyFields> SurveyRows(IQueryable<HolderSurvey> surveys) =>
        surveys.Select(s => new SurveyFields
        {
            Wave = s.Wave, InvitedAt = s.InvitedAt, RespondedOn = s.RespondedOn, Situation = s.Situation, Contract = s.Contract,
            Sector = s.Sector, JobTitle = s.JobTitle, TrainingLevel = s.TrainingLevel, NsfCode = s.NsfCode,
        });

    // The invitation's day is the day in Paris, as everywhere else in the portal.
    private static SurveyRow ToSurvey(SurveyFields s) => new(
        s.Wave, s.InvitedAt is { } at ? DayInParis.Of(at) : null,
        s.RespondedOn, s.Situation, s.Contract, s.Sector, s.JobTitle, s.TrainingLevel, s.NsfCode);

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
