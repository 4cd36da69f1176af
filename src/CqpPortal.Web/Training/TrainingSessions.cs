using System.Data;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>What staff type for a training session; the date and times are Paris local time.</summary>
public sealed record TrainingSessionDetails(Region Region, int? UnitId, string ModuleTitle, string? TrainerUserId, string PlaceName, string Address,
    string PostalCode, string City, string? Room, int Capacity, DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>
/// The outcome of saving: the session's id when saved; otherwise the refusals keyed by the <see cref="TrainingSessionDetails"/>
/// member they concern ("" for the whole form). <see cref="Warnings"/> is the advice, whether saved or not.
/// </summary>
public sealed record TrainingSessionSaveResult(int? SessionId, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Errors, int Notified = 0);

public sealed record TrainingEnrolmentResult(bool Enrolled, IReadOnlyList<string> Warnings, string? Error);

public sealed record TrainerChoice(string UserId, string Name);

public sealed record EligibleTrainee(int RegistrationId, string Name, int PlannedHours);

/// <summary>A training session in a trainee's planning.</summary>
public sealed record PlannedTraining(int SessionId, DateTimeOffset StartsAt, int DurationMinutes, int UnitNumber, string UnitTitle, string? Module,
    string PlaceName, string Address, string PostalCode, string City, string? Room, string TrainerName, bool Cancelled)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

/// <summary>
/// Staff plan training sessions and enrol trainees in them (trainees never sign up themselves). Every refusal and
/// advice comes from <see cref="TrainingScheduleRules"/>; advice is kept only when staff confirmed the very warnings
/// shown. An enrolment e-mails the trainee the convocation (PDF and .ics attached) and tells the managers of a followed
/// employee; a change of date or place and a cancellation are e-mailed too.
/// </summary>
public sealed class TrainingSessions(CqpDbContext db, CandidateMailer mailer, EmployeeNotifications companies, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    /// <summary>The staff accounts that may teach, by name.</summary>
    public Task<List<TrainerChoice>> TrainersAsync() =>
        StaffUsers().OrderBy(u => u.DisplayName).Select(u => new TrainerChoice(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName)).ToListAsync();

    /// <summary>
    /// Saves <paramref name="details"/> as training session <paramref name="id"/> (a new one when null). Advice is kept
    /// only when every current warning is among <paramref name="confirmedWarnings"/> (the ones staff saw and confirmed).
    /// </summary>
    public async Task<TrainingSessionSaveResult> SaveAsync(int? id, TrainingSessionDetails details, IReadOnlyCollection<string> confirmedWarnings)
    {
        var session = id is null ? null : await db.Sessions.Include(s => s.Certification).Include(s => s.Unit)
            .FirstOrDefaultAsync(s => s.Id == id && s.Kind == SessionKind.Training);
        if (id is not null && session is null) return Refused([], "", "Cette session de formation n'existe plus.");
        if (session is { CancelledAt: not null }) return Refused([], "", "Cette session est annulée : elle ne peut plus être modifiée.");

        var unit = details.UnitId is null ? null : await db.CertificationUnits.FirstOrDefaultAsync(u => u.Id == details.UnitId);
        var trainerIsStaff = details.TrainerUserId is { } trainer && await StaffUsers().AnyAsync(u => u.Id == trainer);
        var plan = new TrainingSessionPlan(details.Date, details.Start, details.End, details.UnitId,
            unit is not null && (session is null || unit.CertificationId == session.CertificationId), details.TrainerUserId, trainerIsStaff,
            details.PlaceName, details.Room, details.Capacity);
        var startsAt = DayInParis.At(details.Date, details.Start).ToUniversalTime(); // Npgsql writes UTC instants only
        var span = Math.Max(0, (int)(details.End - details.Start).TotalMinutes);
        var enrolled = session is null ? [] : await db.SessionEnrolments.Where(e => e.SessionId == session.Id && e.State == EnrolmentState.Enrolled)
            .Select(e => e.RegistrationId).ToListAsync();
        var check = TrainingScheduleRules.Check(plan, await BookedAroundAsync(startsAt, id), await CalendarsAsync(enrolled, id, new TraineeSession(startsAt, span)));
        var errors = check.Errors.ToDictionary();
        if (string.IsNullOrWhiteSpace(details.ModuleTitle)) errors[nameof(TrainingSessionDetails.ModuleTitle)] = "Saisissez le titre du module.";
        if (details.Capacity < enrolled.Count)
            errors[nameof(TrainingSessionDetails.Capacity)] = $"{enrolled.Count} stagiaire(s) sont déjà inscrits : la capacité ne peut pas être inférieure à {enrolled.Count}.";
        if (errors.Count == 0 && !check.Warnings.All(confirmedWarnings.Contains))
            errors[""] = "Des avertissements concernent cette session : cochez la confirmation pour l'enregistrer malgré tout, ou changez-la.";
        if (errors.Count > 0) return new TrainingSessionSaveResult(null, check.Warnings, errors);

        var before = session is null ? null : new SessionWhereWhen(session.StartsAt, session.PlaceName, session.Address, session.PostalCode, session.City);
        var beforeRoom = session?.Room;
        if (session is null)
        {
            session = new Session { Kind = SessionKind.Training, CertificationId = unit!.CertificationId, PlaceName = "", Address = "", PostalCode = "", City = "" };
            db.Sessions.Add(session);
        }
        session.Region = details.Region;
        session.UnitId = unit!.Id;
        session.ModuleTitle = details.ModuleTitle.Trim();
        session.TrainerUserId = details.TrainerUserId;
        (session.PlaceName, session.Address, session.PostalCode, session.City) = (details.PlaceName.Trim(), details.Address.Trim(), details.PostalCode.Trim(), details.City.Trim());
        session.Room = string.IsNullOrWhiteSpace(details.Room) ? null : details.Room.Trim();
        session.Capacity = details.Capacity;
        session.StartsAt = startsAt.ToUniversalTime();
        session.DurationMinutes = span;
        // Nobody signs up for a training session: the deadline is the day itself, for the public calendar's columns.
        session.RegistrationDeadline = details.Date;
        if (before is not null && before.StartsAt != session.StartsAt)
            foreach (var enrolment in await db.SessionEnrolments.Where(e => e.SessionId == session.Id).ToListAsync())
                (enrolment.Reminder14SentAt, enrolment.Reminder2SentAt) = (null, null);
        await db.SaveChangesAsync();

        var moved = before is not null && session.StartsAt > clock.GetUtcNow()
            && (before.StartsAt != session.StartsAt || before.PlaceName != session.PlaceName || before.Address != session.Address
                || before.City != session.City || beforeRoom != session.Room);
        if (!moved) return new TrainingSessionSaveResult(session.Id, check.Warnings, errors);
        foreach (var registrationId in enrolled) await ConveneAsync(session.Id, registrationId, changed: true);
        return new TrainingSessionSaveResult(session.Id, check.Warnings, errors, enrolled.Count);
    }

    /// <summary>Cancels a coming training session with its reason; its trainees (and the managers of followed ones) are told.</summary>
    public async Task<string?> CancelAsync(int id, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Indiquez le motif de l'annulation : il est communiqué aux stagiaires.";
        var session = await db.Sessions.Include(s => s.Unit).Include(s => s.Enrolments).ThenInclude(e => e.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == id && s.Kind == SessionKind.Training);
        if (session is null) return "Cette session de formation n'existe plus.";
        if (session.CancelledAt is not null) return "Cette session est déjà annulée.";
        if (session.StartsAt <= clock.GetUtcNow()) return "Une session passée ne peut plus être annulée.";
        session.CancelledAt = clock.GetUtcNow();
        session.CancellationReason = reason.Trim();
        var open = session.Enrolments.Where(e => e.State != EnrolmentState.Cancelled).ToList();
        foreach (var enrolment in open) (enrolment.State, enrolment.CancelledAt) = (EnrolmentState.Cancelled, session.CancelledAt);
        await db.SaveChangesAsync();
        foreach (var enrolment in open)
        {
            await mailer.TrainingWithdrawnAsync(enrolment.Registration!.Candidate!, session, session.CancellationReason);
            await companies.TrainingAsync(enrolment.RegistrationId, session, TrainingConvocation.UnitLabel(session.Unit!), "ne suivra pas la session de formation annulée");
        }
        return null;
    }

    /// <summary>
    /// The trainees staff may enrol: training-route registrations, admissible, whose current path plans hours in the
    /// session's unit, not yet enrolled.
    /// </summary>
    public async Task<List<EligibleTrainee>> EligibleAsync(int sessionId)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Training);
        if (session?.UnitId is not { } unitId) return [];
        return await db.Registrations.Where(r => r.Route == CertificationRoute.Training && r.State == RegistrationState.Admissible
                && r.CertificationId == session.CertificationId
                && !r.Enrolments.Any(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled))
            .Select(r => new
            {
                r.Id, r.Candidate!.LastName, r.Candidate.FirstName,
                Hours = r.TrainingPaths.Where(p => p.SupersededAt == null).OrderByDescending(p => p.Version)
                    .Select(p => p.Units.Where(u => u.UnitId == unitId).Sum(u => u.PlannedHours)).FirstOrDefault(),
            })
            .Where(r => r.Hours > 0).OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new EligibleTrainee(r.Id, r.FirstName + " " + r.LastName, r.Hours)).ToListAsync();
    }

    /// <summary>
    /// Enrols the trainee (the session row locked, so two staff never take the last seat together). The absence advice is
    /// kept only when every warning is among <paramref name="confirmedWarnings"/>.
    /// </summary>
    public async Task<TrainingEnrolmentResult> EnrolAsync(int sessionId, int registrationId, string staffUserId, IReadOnlyCollection<string> confirmedWarnings)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE");
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Training);
        if (session is null) return new TrainingEnrolmentResult(false, [], "Cette session de formation n'existe plus.");
        var registration = await db.Registrations.Include(r => r.Candidate).FirstOrDefaultAsync(r => r.Id == registrationId && r.CertificationId == session.CertificationId);
        if (registration is null) return new TrainingEnrolmentResult(false, [], "Choisissez un stagiaire de la liste.");
        var path = await db.TrainingPaths.Where(p => p.RegistrationId == registrationId && p.SupersededAt == null).OrderByDescending(p => p.Version)
            .Select(p => new { Hours = p.Units.Where(u => u.UnitId == session.UnitId).Sum(u => u.PlannedHours) }).FirstOrDefaultAsync();
        var existing = await db.SessionEnrolments.FirstOrDefaultAsync(e => e.SessionId == sessionId && e.RegistrationId == registrationId);
        var enrolled = await db.SessionEnrolments.CountAsync(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled);
        var refusal = TrainingScheduleRules.EnrolmentRefusal(new TrainingEnrolmentRequest(registration.Route, registration.State, path?.Hours,
            session.CancelledAt is not null, session.StartsAt <= clock.GetUtcNow(), session.Capacity, enrolled, existing is { State: EnrolmentState.Enrolled }));
        if (refusal is not null) return new TrainingEnrolmentResult(false, [], refusal);

        var warnings = TrainingScheduleRules.AbsenceWarnings(await CalendarsAsync([registrationId], sessionId, new TraineeSession(session.StartsAt, session.DurationMinutes)));
        if (!warnings.All(confirmedWarnings.Contains))
            return new TrainingEnrolmentResult(false, warnings, "Cette inscription dépasse l'absence conseillée : cochez la confirmation pour inscrire le stagiaire malgré tout.");

        var now = clock.GetUtcNow();
        if (existing is null)
            db.SessionEnrolments.Add(new SessionEnrolment { SessionId = sessionId, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = now, EnrolledByUserId = staffUserId });
        else
            (existing.State, existing.EnrolledAt, existing.CancelledAt, existing.EnrolledByUserId, existing.Reminder14SentAt, existing.Reminder2SentAt) =
                (EnrolmentState.Enrolled, now, null, staffUserId, null, null);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await ConveneAsync(sessionId, registrationId, changed: false);
        return new TrainingEnrolmentResult(true, warnings, null);
    }

    /// <summary>Takes the trainee off a coming session; they (and the managers of a followed employee) are told.</summary>
    public async Task<string?> UnenrolAsync(int sessionId, int registrationId)
    {
        var enrolment = await db.SessionEnrolments.Include(e => e.Session).ThenInclude(s => s!.Unit).Include(e => e.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(e => e.SessionId == sessionId && e.RegistrationId == registrationId && e.State == EnrolmentState.Enrolled && e.Session!.Kind == SessionKind.Training);
        if (enrolment is null) return "Ce stagiaire n'est pas inscrit à cette session.";
        if (enrolment.Session!.StartsAt <= clock.GetUtcNow()) return "La session a commencé : sa présence se relève sur la feuille de présence.";
        (enrolment.State, enrolment.CancelledAt) = (EnrolmentState.Cancelled, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await mailer.TrainingWithdrawnAsync(enrolment.Registration!.Candidate!, enrolment.Session, null);
        await companies.TrainingAsync(registrationId, enrolment.Session, TrainingConvocation.UnitLabel(enrolment.Session.Unit!), "n'est plus inscrit(e) à la session de formation");
        return null;
    }

    /// <summary>The training sessions of a registration the trainee is enrolled in (cancelled sessions kept, marked), by date.</summary>
    public Task<List<PlannedTraining>> PlanningAsync(int registrationId) =>
        db.SessionEnrolments.Where(e => e.RegistrationId == registrationId && e.Session!.Kind == SessionKind.Training
                && (e.State == EnrolmentState.Enrolled || e.Session.CancelledAt != null))
            .OrderBy(e => e.Session!.StartsAt)
            .Select(e => new PlannedTraining(e.SessionId, e.Session!.StartsAt, e.Session.DurationMinutes, e.Session.Unit!.Number, e.Session.Unit.Title, e.Session.ModuleTitle,
                e.Session.PlaceName, e.Session.Address, e.Session.PostalCode, e.Session.City, e.Session.Room,
                db.Users.Where(u => u.Id == e.Session.TrainerUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", e.Session.CancelledAt != null))
            .ToListAsync();

    /// <summary>The convocation of a registration enrolled in a training session (null when it is not): PDF and calendar entry.</summary>
    public async Task<TrainingConvocationFacts?> ConvocationAsync(int sessionId, int registrationId)
    {
        var enrolment = await db.SessionEnrolments.AsNoTracking()
            .Include(e => e.Session).ThenInclude(s => s!.Unit).Include(e => e.Session).ThenInclude(s => s!.Certification)
            .Include(e => e.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(e => e.SessionId == sessionId && e.RegistrationId == registrationId && e.State == EnrolmentState.Enrolled
                && e.Session!.Kind == SessionKind.Training && e.Session.CancelledAt == null);
        if (enrolment is null) return null;
        var trainer = await db.Users.Where(u => u.Id == enrolment.Session!.TrainerUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "";
        return new TrainingConvocationFacts(enrolment.Registration!.Candidate!, enrolment.Session!, enrolment.Session!.Unit!, enrolment.Session.Certification!.Name, trainer);
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    private async Task ConveneAsync(int sessionId, int registrationId, bool changed)
    {
        if (await ConvocationAsync(sessionId, registrationId) is not { } facts) return;
        await mailer.TrainingConvenedAsync(facts, TrainingConvocation.Attachments(facts, clock.GetUtcNow(), settings.Value), changed);
        await companies.TrainingAsync(registrationId, facts.Session, TrainingConvocation.UnitLabel(facts.Unit),
            changed ? "a une session de formation modifiée" : "est convoqué(e) en formation");
    }

    private IQueryable<PortalUser> StaffUsers() =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Administrator))));

    /// <summary>Non-cancelled sessions of any kind around that day (the one being edited excluded), for the overlap rules.</summary>
    private async Task<List<BookedSession>> BookedAroundAsync(DateTimeOffset startsAt, int? exceptId)
    {
        var (from, to) = (startsAt.AddDays(-1), startsAt.AddDays(1));
        var rows = await db.Sessions.AsNoTracking().Where(s => s.CancelledAt == null && s.Id != exceptId && s.StartsAt > from && s.StartsAt < to)
            .Select(s => new { s.StartsAt, s.DurationMinutes, s.TrainerUserId, s.PlaceName, s.Room, s.Kind, s.ModuleTitle }).ToListAsync();
        return rows.Select(s => new BookedSession(s.StartsAt, s.DurationMinutes, s.TrainerUserId, s.PlaceName, s.Room,
            s.Kind == SessionKind.Training ? s.ModuleTitle ?? FrenchLabels.Of(s.Kind) : FrenchLabels.Of(s.Kind))).ToList();
    }

    /// <summary>Each trainee's training sessions in the month of <paramref name="planned"/>, which replaces session <paramref name="sessionId"/>.</summary>
    private async Task<List<TraineeCalendar>> CalendarsAsync(IReadOnlyCollection<int> registrationIds, int? sessionId, TraineeSession planned)
    {
        if (registrationIds.Count == 0) return [];
        var day = DayInParis.Of(planned.StartsAt);
        var month = new DateOnly(day.Year, day.Month, 1);
        var (from, to) = (DayInParis.Start(month).ToUniversalTime(), DayInParis.Start(month.AddMonths(1)).ToUniversalTime());
        var rows = await db.SessionEnrolments.Where(e => registrationIds.Contains(e.RegistrationId) && e.State == EnrolmentState.Enrolled
                && e.SessionId != sessionId && e.Session!.Kind == SessionKind.Training && e.Session.CancelledAt == null
                && e.Session.StartsAt >= from && e.Session.StartsAt < to)
            .Select(e => new { e.RegistrationId, e.Session!.StartsAt, e.Session.DurationMinutes }).ToListAsync();
        var names = await db.Registrations.Where(r => registrationIds.Contains(r.Id))
            .Select(r => new { r.Id, Name = r.Candidate!.FirstName + " " + r.Candidate.LastName }).ToDictionaryAsync(r => r.Id, r => r.Name);
        return registrationIds.Select(id => new TraineeCalendar(names.GetValueOrDefault(id, ""),
            [.. rows.Where(r => r.RegistrationId == id).Select(r => new TraineeSession(r.StartsAt, r.DurationMinutes)), planned])).ToList();
    }

    private static TrainingSessionSaveResult Refused(IReadOnlyList<string> warnings, string field, string error) =>
        new(null, warnings, new Dictionary<string, string> { [field] = error });
}
