using CqpPortal.Domain.Prerequisites;

namespace CqpPortal.Web.Data;

/// <summary>A certification (CQP, CCS…) and its referential: the portal knows them as data, not code.</summary>
public class Certification
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string Kind { get; set; } = "CQP";
    public string Branch { get; set; } = "";
    public string? Idcc { get; set; }
    public DateOnly? AccordDate { get; set; }
    public int JourneyLimitMonths { get; set; } = 24;
    public int? MinimumTrainingHours { get; set; }
    public int? InitialCoefficient { get; set; }
    public int? LaterCoefficient { get; set; }
    public int? MonthsBeforeLaterCoefficient { get; set; }
    public PrerequisiteThresholds Prerequisites { get; set; } = new();
    public List<CertificationUnit> Units { get; set; } = [];

    /// <summary>"CQP Télésecrétaire qualifié(e)": how letters and e-mails name it (not mapped: no setter).</summary>
    public string Name => $"{Kind} {Title}";
}

/// <summary>A certification unit ("unité" or block): validated totally or not by the jury.</summary>
public class CertificationUnit
{
    public int Id { get; set; }
    public int CertificationId { get; set; }
    public Certification? Certification { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    /// <summary>Public text (the referential page), written for a reader; refreshed from the referential file at start-up.</summary>
    public string? Description { get; set; }

    /// <summary>Public text, as <see cref="Description"/>.</summary>
    public string? EvaluationSummary { get; set; }

    /// <summary>The organisation's maximum training hours for the unit (a trainee with the prerequisites and nothing more).</summary>
    public int? MaximumTrainingHours { get; set; }

    /// <summary>How the unit is named as a block of competences for the CPF.</summary>
    public string? CpfWording { get; set; }
    public List<Activity> Activities { get; set; } = [];
    public List<Competence> Competences { get; set; } = [];
}

public class Activity
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public CertificationUnit? Unit { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
}

public class Competence
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public CertificationUnit? Unit { get; set; }
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public List<string> EvaluationModalities { get; set; } = [];
    public List<string> EvaluationCriteria { get; set; } = [];

    /// <summary>True when the row was rebuilt from its activity because the source text lost it.</summary>
    public bool Derived { get; set; }

    /// <summary>
    /// The staff's note on where the row comes from (« perdue à l'extraction de l'accord »): never shown on a public page,
    /// which says instead what a reader needs (no modality in the accord's text: the organisation confirms it).
    /// </summary>
    public string? Note { get; set; }
}
