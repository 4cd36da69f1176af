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
public enum RegistrationState { Draft = 0, Submitted = 1, Incomplete = 2, Admissible = 3, NotAdmissible = 4, Withdrawn = 5 }

public enum SessionKind { Evaluation = 1, VaeSituation = 2, Jury = 3 }

public enum EnrolmentState { Enrolled = 1, Waiting = 2, Cancelled = 3 }

public enum JuryResult { TotalValidation = 1, PartialValidation = 2, NotValidated = 3 }

/// <summary>Holder follow-up surveys: 6 and 24 months after certification.</summary>
public enum SurveyWave { SixMonths = 6, TwentyFourMonths = 24 }

public enum HolderSituation { Employed = 1, JobSeeker = 2, InTraining = 3, Other = 4 }

public enum EmploymentContract { Cdi = 1, Cdd = 2, SelfEmployed = 3, Temporary = 4 }

public enum EmploymentSector { Branch = 1, OtherBranch = 2 }
