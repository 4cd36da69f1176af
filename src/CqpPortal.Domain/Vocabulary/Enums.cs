namespace CqpPortal.Domain.Vocabulary;

/// <summary>How the candidate reaches the certification (cahier des charges, "dispositif global").</summary>
public enum CertificationRoute { Training = 1, Vae = 2, Free = 3 }

public enum Sex { Female = 1, Male = 2 }

/// <summary>Situation when registering.</summary>
public enum EmploymentStatus { Employee = 1, JobSeeker = 2, Other = 3 }

/// <summary>
/// Where a candidate lives, a company is or a session is held. Since issue 17 the form offers the 13 metropolitan
/// regions and the 5 overseas ones (<see cref="Regions.Offered"/>); the first six values are the five large areas the
/// accord suggested plus « Outre-mer », kept so that older records still read, and they are the groups the statistics
/// count (<see cref="Regions.AreaOf"/>). Stored as its number: no value may change.
/// </summary>
public enum Region
{
    Nord = 1, Ouest = 2, Est = 3, Sud = 4, IleDeFrance = 5, OutreMer = 6,
    AuvergneRhoneAlpes = 11, BourgogneFrancheComte = 12, Bretagne = 13, CentreValDeLoire = 14, Corse = 15, GrandEst = 16,
    HautsDeFrance = 17, Normandie = 18, NouvelleAquitaine = 19, Occitanie = 20, PaysDeLaLoire = 21, ProvenceAlpesCoteDAzur = 22,
    Guadeloupe = 31, Martinique = 32, Guyane = 33, LaReunion = 34, Mayotte = 35,
}

/// <summary>
/// Funding mechanisms as they are since the 2019 reform (<see cref="Fundings.Offered"/> gives the form's order). Stored as
/// its number: value 2 was the « période de professionnalisation » and 4 the CIF, whose successors they now are (Pro-A,
/// CPF de transition professionnelle), so older records and imports read as today's mechanism without a migration.
/// </summary>
public enum Funding
{
    ProfessionalisationContract = 1,
    /// <summary>Pro-A (reconversion ou promotion par l'alternance), successor of the « période de professionnalisation ».</summary>
    ProA = 2,
    Cpf = 3,
    /// <summary>CPF de transition professionnelle (« projet de transition professionnelle »), successor of the CIF.</summary>
    CpfTransition = 4,
    SkillsDevelopmentPlan = 5,
    Personal = 6,
    Other = 7,
    FranceTravail = 8,
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
