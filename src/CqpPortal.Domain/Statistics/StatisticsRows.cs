using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

// The anonymous rows the statistics are computed from: no name, e-mail or birth date, only what a figure needs.

/// <summary>A submitted registration's profile as it was when registering; the age is already in completed years.</summary>
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
    Funding? Funding);

/// <summary>One jury decision and what it said of each unit (by unit number).</summary>
public sealed record JuryRow(DateOnly DecidedOn, JuryResult Result, IReadOnlyList<UnitResultRow> Units);

public sealed record UnitResultRow(int UnitNumber, bool Validated);

/// <summary>One holder survey: when it was sent (day in Paris, when known) and the answer, if any.</summary>
public sealed record SurveyRow(
    SurveyWave Wave,
    DateOnly? InvitedOn,
    DateOnly? RespondedOn,
    HolderSituation? Situation,
    EmploymentContract? Contract,
    EmploymentSector? Sector);
