using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Data;

/// <summary>An evaluation, a VAE simulated situation, a jury or a training day, at a date and place.</summary>
public class Session : IAudited
{
    public int Id { get; set; }
    public int CertificationId { get; set; }
    public Certification? Certification { get; set; }
    public SessionKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public required string PlaceName { get; set; }
    public required string Address { get; set; }
    public required string PostalCode { get; set; }
    public required string City { get; set; }
    public Region Region { get; set; }
    public int Capacity { get; set; }
    public DateOnly RegistrationDeadline { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }
    public List<SessionEnrolment> Enrolments { get; set; } = [];

    /// <summary>Training: the unit (block) taught, the organisation's module, the trainer (a staff account) and the room (for overlaps).</summary>
    public int? UnitId { get; set; }
    public CertificationUnit? Unit { get; set; }
    public string? ModuleTitle { get; set; }
    public string? TrainerUserId { get; set; }
    public string? Room { get; set; }

    /// <summary>For a jury: when the last member signed the minutes; the decisions are then locked (corrections are recorded apart).</summary>
    public DateTimeOffset? MinutesLockedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public class SessionEnrolment
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public EnrolmentState State { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the 14-day and 2-day reminders went out (so a re-run of the job sends nothing twice).</summary>
    public DateTimeOffset? Reminder14SentAt { get; set; }
    public DateTimeOffset? Reminder2SentAt { get; set; }

    /// <summary>Attendance at an evaluation session (« feuille d'émargement »), recorded by the evaluator or staff.</summary>
    public Attendance? Attendance { get; set; }
    public DateTimeOffset? AttendanceRecordedAt { get; set; }
    public string? AttendanceRecordedByUserId { get; set; }

    /// <summary>Training sessions: attendance per half-day.</summary>
    public List<TrainingAttendance> HalfDays { get; set; } = [];

    /// <summary>Who enrolled the candidate (staff, for training sessions); null when the candidate signed up.</summary>
    public string? EnrolledByUserId { get; set; }
}

/// <summary>The jury's decision on one candidate, with the units it validated.</summary>
public class JuryDecision
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public int? SessionId { get; set; }
    public Session? Session { get; set; }
    public DateOnly DecidedOn { get; set; }
    public JuryResult Result { get; set; }
    public string? Comment { get; set; }
    public List<JuryUnitResult> UnitResults { get; set; } = [];

    /// <summary>Who recorded the decision (the jury's president, or staff for decisions typed from paper) and when.</summary>
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public List<JuryDecisionCorrection> Corrections { get; set; } = [];

    /// <summary>
    /// Final decisions — the only ones the candidate, the statistics and later juries see: typed from paper or imported
    /// (no <see cref="RecordedByUserId"/>), or deliberated in the portal by a jury whose minutes every member signed.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<JuryDecision, bool>> IsFinal = j => j.RecordedByUserId == null || j.Session!.MinutesLockedAt != null;
}

public class JuryUnitResult
{
    public int Id { get; set; }
    public int JuryDecisionId { get; set; }
    public int UnitId { get; set; }
    public CertificationUnit? Unit { get; set; }
    public bool Validated { get; set; }
}

/// <summary>
/// A jury member (account in the Jury role) assigned by staff to a jury session: they read the VAE booklets and the
/// jury PDF of the candidates convened to it, and nothing else.
/// </summary>
public class JurySessionMember
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string? AssignedByUserId { get; set; }

    /// <summary>The jury's president records the deliberation; one per session.</summary>
    public bool IsPresident { get; set; }
}
