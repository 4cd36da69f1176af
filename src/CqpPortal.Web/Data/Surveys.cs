using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Data;

/// <summary>A holder's answer (or pending invitation) to the 6- or 24-month follow-up survey.</summary>
public class HolderSurvey
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public SurveyWave Wave { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public HolderSituation? Situation { get; set; }
    public EmploymentContract? Contract { get; set; }
    public EmploymentSector? Sector { get; set; }
    public string? JobTitle { get; set; }

    /// <summary>When in training: its level (Éducation nationale) and NSF speciality code.</summary>
    public int? TrainingLevel { get; set; }
    public string? NsfCode { get; set; }
}
