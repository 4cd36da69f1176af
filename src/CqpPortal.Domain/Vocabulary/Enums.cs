namespace CqpPortal.Domain.Vocabulary;

/// <summary>How the candidate reaches the certification (cahier des charges, "dispositif global").</summary>
public enum CertificationRoute { Training = 1, Vae = 2, Free = 3 }

public enum Sex { Female = 1, Male = 2 }

/// <summary>Situation when registering.</summary>
public enum EmploymentStatus { Employee = 1, JobSeeker = 2, Other = 3 }

/// <summary>The five large regions the accord suggests, plus overseas.</summary>
public enum Region { Nord = 1, Ouest = 2, Est = 3, Sud = 4, IleDeFrance = 5, OutreMer = 6 }

/// <summary>Funding mechanisms named by the accord, plus the ones candidates meet today.</summary>
public enum Funding
{
    ProfessionalisationContract = 1,
    ProfessionalisationPeriod = 2,
    Cpf = 3,
    Cif = 4,
    SkillsDevelopmentPlan = 5,
    Personal = 6,
    Other = 7,
}

/// <summary>Kind of job with at least half of the time on the phone (accord, article 3, path B).</summary>
public enum PhoneJobKind { Switchboard = 1, InboundCallCentre = 2, ReservationCentre = 3, Other = 4 }

/// <summary>Where a registration stands in the admissibility ("recevabilité") process.</summary>
public enum RegistrationState { Draft = 0, Submitted = 1, Incomplete = 2, Admissible = 3, NotAdmissible = 4, Withdrawn = 5, Expired = 6 }

/// <summary>What a session is: an evaluation, a VAE simulated situation, a jury, or a day (or half-day) of training in the centre.</summary>
public enum SessionKind { Evaluation = 1, VaeSituation = 2, Jury = 3, Training = 4 }

public enum EnrolmentState { Enrolled = 1, Waiting = 2, Cancelled = 3 }

/// <summary>The jury's decision on a candidate; <see cref="Absent"/> when the convened candidate did not come.</summary>
public enum JuryResult { TotalValidation = 1, PartialValidation = 2, NotValidated = 3, Absent = 4 }

/// <summary>Attendance at an evaluation session, recorded per candidate on the attendance sheet (« feuille d'émargement »).</summary>
public enum Attendance { Present = 1, Absent = 2, Excused = 3 }

/// <summary>The two halves of a training day; attendance at training is recorded per half-day.</summary>
public enum HalfDay { Morning = 1, Afternoon = 2 }

/// <summary>
/// Who positions the candidate on each competence of the referential: the company before the training
/// (« pré-positionnement », by the manager or the tutor they name), then the training centre (« positionnement »).
/// </summary>
public enum PositioningSide { Company = 1, Centre = 2 }

/// <summary>Where the candidate stands on one competence; a competence already mastered is not trained (seed 001).</summary>
public enum PositioningLevel { NotYet = 1, Partly = 2, Mastered = 3 }

/// <summary>The two evaluators of a session: the evaluator is on site; the co-evaluator may evaluate remotely (seed 001).</summary>
public enum EvaluatorRole { Evaluator = 1, CoEvaluator = 2 }

/// <summary>Where an evaluator's habilitation for a certification stands; dates say when it is valid.</summary>
public enum HabilitationState { Active = 1, Suspended = 2, Withdrawn = 3 }

/// <summary>What happened to a habilitation, for its history.</summary>
public enum HabilitationAction { Granted = 1, Renewed = 2, Suspended = 3, Reinstated = 4, Withdrawn = 5 }

/// <summary>A link an evaluator declares: a candidate they trained, a company they belong to (they may not evaluate its employees).</summary>
public enum EvaluatorLinkKind { TrainedCandidate = 1, Company = 2 }

/// <summary>Holder follow-up surveys: 6 and 24 months after certification.</summary>
public enum SurveyWave { SixMonths = 6, TwentyFourMonths = 24 }

/// <summary>How a holder's survey answer reached the portal: through their personal link, by phone or on paper (typed by staff), or in an import of the organisation's records.</summary>
public enum SurveyAnswerChannel { Online = 1, Phone = 2, Paper = 3, Import = 4 }

/// <summary>Why a personal survey link was sent: the invitation, the reminders 7 and 21 days after it.</summary>
public enum SurveyLinkPurpose { Invitation = 1, FirstReminder = 2, SecondReminder = 3 }

public enum HolderSituation { Employed = 1, JobSeeker = 2, InTraining = 3, Other = 4 }

public enum EmploymentContract { Cdi = 1, Cdd = 2, SelfEmployed = 3, Temporary = 4 }

public enum EmploymentSector { Branch = 1, OtherBranch = 2 }

/// <summary>A proof sent with a registration (« justificatifs »): of experience, of a diploma, or a document staff asked for.</summary>
public enum ProofKind { Experience = 1, Diploma = 2, Requested = 3 }

/// <summary>
/// The « avis conforme » of the CPNEFP on what the organisation publishes: a change is a proposal until a SIST analyst
/// approves it (or refuses it, with a reason); only approved versions are public.
/// </summary>
public enum ApprovalState { Proposed = 1, Approved = 2, Refused = 3 }
