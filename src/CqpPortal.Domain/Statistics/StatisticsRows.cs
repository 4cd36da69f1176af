using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

// The anonymous rows the statistics are computed from: no name, e-mail or birth date, only what a figure needs.

/// <summary>
/// A submitted registration's profile as it was when registering; the age is already in completed years; the diploma's
/// group (null when unknown) and the sectors of experience as codes.
/// </summary>
public sealed record ProfileRow(
    DateOnly RegisteredOn,
    Sex Sex,
    int AgeAtRegistration,
    int EducationLevel,
    CertificationRoute Route,
    EmploymentStatus EmploymentStatus,
    Region Region,
    RegistrationState State,
    int TeleSecretaryMonths,
    int PhoneJobMonths,
    Funding? Funding,
    Registrations.DiplomaGroup? DiplomaGroup = null,
    IReadOnlyList<string>? Sectors = null)
{
    /// <summary>The sector codes named (<see cref="Registrations.ExperienceSectors"/>), none when not given.</summary>
    public IReadOnlyList<string> SectorCodes => Sectors ?? [];
}

/// <summary>One jury decision and what it said of each unit (by unit number).</summary>
public sealed record JuryRow(DateOnly DecidedOn, JuryResult Result, IReadOnlyList<UnitResultRow> Units);

public sealed record UnitResultRow(int UnitNumber, bool Validated);

/// <summary>
/// One holder survey: when it was sent (day in Paris, when known) and the answer, if any: for an employed holder the
/// job held, for one in training its level and NSF code.
/// </summary>
public sealed record SurveyRow(
    SurveyWave Wave,
    DateOnly? InvitedOn,
    DateOnly? RespondedOn,
    HolderSituation? Situation,
    EmploymentContract? Contract,
    EmploymentSector? Sector,
    string? JobTitle = null,
    int? TrainingLevel = null,
    string? NsfCode = null);

/// <summary>A unit of the certification, labelled as the portal labels it (« Unité 1 – … »): the training figures' lines.</summary>
public sealed record TrainingUnitRow(int UnitId, int Number, string Title);

/// <summary>
/// One enrolment in a training session (kind Training; a session lasts one day or half-day): the trainee (an opaque
/// key, the registration's id), their route, the session's day in Paris and unit, whether the session or the enrolment
/// was cancelled, and the attendance recorded for each of its half-days (none yet: an empty list).
/// </summary>
public sealed record TrainingEnrolmentRow(
    int TraineeKey,
    CertificationRoute Route,
    DateOnly Day,
    int? UnitId,
    bool SessionCancelled,
    bool EnrolmentCancelled,
    IReadOnlyList<TrainingHalfDayRow> HalfDays);

/// <summary>What was recorded for one half-day: present, excused or absent, and the hours followed.</summary>
public sealed record TrainingHalfDayRow(HalfDay HalfDay, Attendance Attendance, decimal Hours);

/// <summary>One unit of a trainee's current path (the version not superseded) and its planned hours.</summary>
public sealed record PlannedHoursRow(int TraineeKey, int UnitId, int PlannedHours);

/// <summary>The rows of the training figures; <see cref="None"/> for a year computed without them.</summary>
public sealed record TrainingRows(IReadOnlyList<TrainingUnitRow> Units, IReadOnlyList<TrainingEnrolmentRow> Enrolments, IReadOnlyList<PlannedHoursRow> Planned)
{
    public static readonly TrainingRows None = new([], [], []);
}
