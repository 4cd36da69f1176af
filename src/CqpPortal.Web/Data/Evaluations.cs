using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Data;

/// <summary>
/// A person on the evaluators' list SIST draws up (seed 001, note 5; seed 004, « L'habilitation des évaluateurs »):
/// staff propose names, SIST analysts keep the list. <see cref="UserId"/> is their account in the evaluator role,
/// once they have one; an evaluator without an account cannot be assigned.
/// </summary>
public class Evaluator : IAudited
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public PortalUser? User { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public required string Organisation { get; set; }
    public string? ProposedByUserId { get; set; }
    public List<EvaluatorHabilitation> Habilitations { get; set; } = [];
    public List<EvaluatorLink> Links { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An evaluator's habilitation for one certification: valid from/to, and its state (suspended or withdrawn with a reason).</summary>
public class EvaluatorHabilitation
{
    public int Id { get; set; }
    public int EvaluatorId { get; set; }
    public Evaluator? Evaluator { get; set; }
    public int CertificationId { get; set; }
    public Certification? Certification { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public HabilitationState State { get; set; } = HabilitationState.Active;
    public string? Reason { get; set; }
    public List<EvaluatorHabilitationEvent> History { get; set; } = [];
}

/// <summary>Who granted, renewed, suspended, reinstated or withdrew a habilitation, when and why.</summary>
public class EvaluatorHabilitationEvent
{
    public int Id { get; set; }
    public int HabilitationId { get; set; }
    public HabilitationAction Action { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
}

/// <summary>A declared link: a candidate the evaluator trained, or a company they belong to. Either refuses an assignment.</summary>
public class EvaluatorLink
{
    public int Id { get; set; }
    public int EvaluatorId { get; set; }
    public EvaluatorLinkKind Kind { get; set; }
    public int? CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
    public string? DeclaredByUserId { get; set; }
}

/// <summary>The evaluator (on site) or co-evaluator (may be remote) staff assigned to an evaluation or VAE situation session.</summary>
public class SessionEvaluator
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int EvaluatorId { get; set; }
    public Evaluator? Evaluator { get; set; }
    public EvaluatorRole Role { get; set; }
    public bool Remote { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string? AssignedByUserId { get; set; }
}

/// <summary>
/// One version of a candidate's evaluation grid at a session (an enrolment): an entry per competence of the units
/// evaluated (the units not yet validated). Locked once both evaluators have signed; a correction is a new version
/// (<see cref="SupersedesId"/>, <see cref="CorrectionReason"/>), itself signed; the old one stays, superseded.
/// </summary>
public class EvaluationGrid
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public SessionEnrolment? Enrolment { get; set; }
    public int Version { get; set; } = 1;
    public int? SupersedesId { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public DateTimeOffset? EvaluatorSignedAt { get; set; }
    public string? EvaluatorSignedByUserId { get; set; }
    public DateTimeOffset? CoEvaluatorSignedAt { get; set; }
    public string? CoEvaluatorSignedByUserId { get; set; }
    public string? GeneralObservation { get; set; }
    public List<EvaluationGridEntry> Entries { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Signed by both evaluators: nothing may change any more (not mapped).</summary>
    public bool IsLocked => EvaluatorSignedAt is not null && CoEvaluatorSignedAt is not null;
}

/// <summary>The evaluator's mark on one competence, with the co-evaluator's confirmation or disagreement beside it.</summary>
public class EvaluationGridEntry
{
    public int Id { get; set; }
    public int GridId { get; set; }
    public int CompetenceId { get; set; }
    public Competence? Competence { get; set; }
    public bool? Acquired { get; set; }
    public string? Observation { get; set; }
    public bool? CoEvaluatorAgrees { get; set; }
    public string? CoEvaluatorObservation { get; set; }
}

/// <summary>A jury member's signature of the session's minutes (« procès-verbal »); all signed, the minutes are locked.</summary>
public class JuryMinutesSignature
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>A decision corrected after the minutes were locked: what it was, who changed it, when and why.</summary>
public class JuryDecisionCorrection
{
    public int Id { get; set; }
    public int JuryDecisionId { get; set; }
    public JuryResult PreviousResult { get; set; }
    public List<int> PreviousUnitNumbers { get; set; } = [];
    public string? PreviousComment { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByUserId { get; set; }
}

/// <summary>
/// The certificate of a holder (total validation): an unguessable number with a check character, the date of
/// obtaining, the name as it was then. SIST produces the paper certificate from the portal and marks it signed and sent.
/// </summary>
public class Certificate
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public int? JuryDecisionId { get; set; }
    public JuryDecision? JuryDecision { get; set; }
    public required string Number { get; set; }
    public DateOnly ObtainedOn { get; set; }
    public required string HolderName { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SignedByUserId { get; set; }
}
