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

    /// <summary>The company the holder works for, as they name it (the seed's questionnaire asks « Entreprise »).</summary>
    public string? Company { get; set; }

    /// <summary>How the answer came (null while unanswered); who typed it when staff did (phone, paper).</summary>
    public SurveyAnswerChannel? Channel { get; set; }
    public string? RecordedByUserId { get; set; }

    /// <summary>The reminders sent while there was no answer (7 and 21 days after the invitation), each once.</summary>
    public DateTimeOffset? FirstReminderAt { get; set; }
    public DateTimeOffset? SecondReminderAt { get; set; }

    /// <summary>The holder asked, through their link, not to be surveyed again: no reminder, no later wave.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    public List<HolderSurveyLink> Links { get; set; } = [];
}

/// <summary>
/// A personal link to answer a survey without signing in, one per e-mail sent (invitation, reminders): a long random
/// token whose SHA-256 only is kept, valid until <see cref="ExpiresAt"/> and for one answer per wave.
/// </summary>
public class HolderSurveyLink
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public HolderSurvey? Survey { get; set; }
    public SurveyLinkPurpose Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token; the token itself is only in the e-mail.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
