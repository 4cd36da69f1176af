using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Data;

/// <summary>
/// One side's positioning of a trainee on every competence of the referential: the company's pre-positioning (by the
/// manager or the tutor they name) or the training centre's, from which the individual path is drawn. One per
/// registration and side; the company's is seen by the candidate and the centre once it is sent.
/// </summary>
public class Positioning : IAudited
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public PositioningSide Side { get; set; }

    /// <summary>The account that filled it (manager or staff).</summary>
    public required string FilledByUserId { get; set; }

    /// <summary>Company side: the tutor or supervisor the manager names as the one who assessed the employee, if not the manager.</summary>
    public string? TutorName { get; set; }

    /// <summary>Centre side: the day of the positioning interview.</summary>
    public DateOnly? InterviewOn { get; set; }

    public string? Comment { get; set; }

    /// <summary>When it was sent (company) or recorded as final (centre); until then it is a draft its author alone sees.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public List<PositioningEntry> Entries { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public class PositioningEntry
{
    public int Id { get; set; }
    public int PositioningId { get; set; }
    public int CompetenceId { get; set; }
    public Competence? Competence { get; set; }
    public PositioningLevel Level { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// The individual training path drawn from the centre's positioning: the units to follow, their modules and planned
/// hours. Signed by the candidate, the company (when the employee agreed to be followed) and the organisation; once a
/// signature is on it, it is never edited — a change is a new version, and the old one is kept, superseded.
/// </summary>
public class TrainingPath : IAudited
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }

    /// <summary>1, 2, … per registration; the current version is the one not superseded.</summary>
    public int Version { get; set; }
    public required string CreatedByUserId { get; set; }

    /// <summary>The objectives of the training, as the end-of-training certificate states them.</summary>
    public string? Objectives { get; set; }

    /// <summary>Why the path has fewer hours than the certification's minimum (every competence mastered), confirmed by staff.</summary>
    public string? ReducedHoursReason { get; set; }

    public DateTimeOffset? CandidateSignedAt { get; set; }
    public DateTimeOffset? CompanySignedAt { get; set; }
    public string? CompanySignedByUserId { get; set; }
    public DateTimeOffset? OrganisationSignedAt { get; set; }
    public string? OrganisationSignedByUserId { get; set; }

    /// <summary>When a newer version replaced this one.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Staff let the trainee sign up for an evaluation before the path's hours are done, and said why.</summary>
    public string? EvaluationWaiverReason { get; set; }
    public DateTimeOffset? EvaluationWaiverAt { get; set; }
    public string? EvaluationWaiverByUserId { get; set; }

    public List<TrainingPathUnit> Units { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One unit (block) of a path: the modules to follow and the hours planned (0 when every competence of the unit is mastered).</summary>
public class TrainingPathUnit
{
    public int Id { get; set; }
    public int TrainingPathId { get; set; }
    public int UnitId { get; set; }
    public CertificationUnit? Unit { get; set; }
    public int PlannedHours { get; set; }

    /// <summary>The organisation's modules to follow in this unit, one title each.</summary>
    public List<string> Modules { get; set; } = [];
}

/// <summary>A trainee's attendance at one half-day of a training session (a <see cref="Session"/> of kind Training), with the hours followed.</summary>
public class TrainingAttendance
{
    public int Id { get; set; }
    public int SessionEnrolmentId { get; set; }
    public SessionEnrolment? SessionEnrolment { get; set; }
    public HalfDay HalfDay { get; set; }
    public Attendance Attendance { get; set; }

    /// <summary>Hours followed in that half-day (0 when absent).</summary>
    public decimal Hours { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByUserId { get; set; }

    /// <summary>When the manager of a followed employee was told of the absence (so it is told once).</summary>
    public DateTimeOffset? ManagerToldAt { get; set; }
}
