using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Data;

/// <summary>
/// A candidate's registration ("bulletin d'inscription") to one certification, with the profile the statistics use
/// as it was when registering, and the admissibility ("recevabilité") decision.
/// </summary>
public class Registration : IAudited
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public int CertificationId { get; set; }
    public Certification? Certification { get; set; }

    public CertificationRoute Route { get; set; }
    public Funding? Funding { get; set; }
    public EmploymentStatus EmploymentStatus { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerSiret { get; set; }
    public int EducationLevel { get; set; }
    public string? HighestDiploma { get; set; }

    /// <summary>The highest diploma's group from the form's list (the statistics' category); null on files made before the list.</summary>
    public Domain.Registrations.DiplomaGroup? DiplomaGroup { get; set; }
    public int TeleSecretaryMonths { get; set; }
    public int PhoneJobMonths { get; set; }
    public int PhoneTimeShare { get; set; }
    public PhoneJobKind? PhoneJobKind { get; set; }
    /// <summary>The sectors of experience as codes of <see cref="Domain.Registrations.ExperienceSectors"/> (older files: free text).</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>The precision of the sector « Autre » (free text), when it is ticked.</summary>
    public string? OtherSector { get; set; }
    public Region Region { get; set; }
    public DateTimeOffset? PrivacyConsentAt { get; set; }

    /// <summary>
    /// Whether the company the candidate names may follow the file (convocations, admissibility decision, jury result):
    /// asked of every candidate, employees pre-registered by their manager included; null until answered; changeable.
    /// Without it a manager sees only that a registration exists.
    /// </summary>
    public bool? CompanyMayFollow { get; set; }
    public DateTimeOffset? CompanyConsentAt { get; set; }

    /// <summary>A paper registration form entered by staff: who entered it, and the date written on the paper.</summary>
    public string? EnteredByStaffUserId { get; set; }
    public DateOnly? PaperFormDate { get; set; }

    public RegistrationState State { get; set; } = RegistrationState.Draft;

    /// <summary>The day the registration was submitted: the statistics' "registration date".</summary>
    public DateOnly? RegisteredOn { get; set; }

    /// <summary>
    /// The completed years at registration, written when the person is erased (their birth date is then generalised to
    /// its year): the statistics read it instead of the birth date, so they stay identical after an erasure.
    /// </summary>
    public int? AgeAtRegistration { get; set; }
    public DateOnly? AdmissibilityDecidedOn { get; set; }
    public string? DecisionMotive { get; set; }

    /// <summary>The day the certificate was obtained ("date d'obtention"), after a total validation: the holder surveys count from it.</summary>
    public DateOnly? CertifiedOn { get; set; }

    public List<RegistrationStatusChange> History { get; set; } = [];
    public List<SessionEnrolment> Enrolments { get; set; } = [];
    public List<JuryDecision> JuryDecisions { get; set; } = [];
    public List<HolderSurvey> Surveys { get; set; } = [];
    public List<RegistrationProof> Proofs { get; set; } = [];
    public List<DocumentRequest> DocumentRequests { get; set; } = [];
    public List<Positioning> Positionings { get; set; } = [];
    public List<TrainingPath> TrainingPaths { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The candidate may change the file while it is a draft or returned as incomplete; after that it is locked.</summary>
    public bool IsEditableByCandidate => State is RegistrationState.Draft or RegistrationState.Incomplete;

    /// <summary>Sends the file for the admissibility decision. The first submission date stays the registration date.</summary>
    public void Submit(DateOnly today, DateTimeOffset now, string? byUserId)
    {
        if (!IsEditableByCandidate)
            throw new InvalidOperationException($"A registration in state {State} cannot be submitted.");
        if (PrivacyConsentAt is null)
            throw new InvalidOperationException("The privacy notice must be accepted before submitting.");
        History.Add(new RegistrationStatusChange { From = State, To = RegistrationState.Submitted, At = now, ByUserId = byUserId });
        State = RegistrationState.Submitted;
        RegisteredOn ??= today;
    }

    /// <summary>
    /// The admissibility decision, answered in writing: a refusal is motivated and an incomplete file says what is
    /// missing (seed 002 insists on motivated rejections). Only a submitted file can be decided.
    /// </summary>
    public void Decide(RegistrationState decision, string? motive, DateOnly today, DateTimeOffset now, string staffUserId)
    {
        if (State != RegistrationState.Submitted)
            throw new InvalidOperationException($"Only a submitted registration can be decided (state {State}).");
        if (decision is not (RegistrationState.Admissible or RegistrationState.NotAdmissible or RegistrationState.Incomplete))
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not an admissibility decision.");
        if (decision != RegistrationState.Admissible && string.IsNullOrWhiteSpace(motive))
            throw new ArgumentException("A refusal or an incomplete file must say why.", nameof(motive));
        History.Add(new RegistrationStatusChange { From = State, To = decision, At = now, ByUserId = staffUserId, Comment = motive?.Trim() });
        State = decision;
        DecisionMotive = string.IsNullOrWhiteSpace(motive) ? null : motive.Trim();
        AdmissibilityDecidedOn = today;
    }
}

/// <summary>Who changed a registration's state, when, and why.</summary>
public class RegistrationStatusChange
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public RegistrationState? From { get; set; }
    public RegistrationState To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// A proof sent with a registration (« justificatifs »: experience, diplomas, or a document staff asked for when
/// returning the file as incomplete), checked as the VAE uploads are (PDF/JPEG/PNG by their first bytes, sizes as
/// settings) and stored in PostgreSQL with the file.
/// </summary>
public class RegistrationProof
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public ProofKind Kind { get; set; }

    /// <summary>The document request this proof answers, when staff asked for it.</summary>
    public int? DocumentRequestId { get; set; }
    public DocumentRequest? DocumentRequest { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}

/// <summary>A named document staff ask for when they return a registration as « Incomplet »; fulfilled by a proof.</summary>
public class DocumentRequest
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedByUserId { get; set; }
    public List<RegistrationProof> Proofs { get; set; } = [];
}
