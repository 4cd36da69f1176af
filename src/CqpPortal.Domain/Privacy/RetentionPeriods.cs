namespace CqpPortal.Domain.Privacy;

/// <summary>
/// The periods the privacy notice promises (content/confidentialite.md, « Durées de conservation »), in years; the
/// settings section Retention overrides them.
/// </summary>
public sealed record RetentionPeriods
{
    /// <summary>« un compte sans dossier en cours est supprimé après 3 ans sans connexion ».</summary>
    public int AccountWithoutFileYears { get; init; } = 3;

    /// <summary>« Candidature non recevable ou abandonnée : 2 ans après la décision ou le dernier échange ».</summary>
    public int ClosedApplicationYears { get; init; } = 2;

    /// <summary>« Dossier de parcours et de certification : […] 5 ans après la décision du jury ».</summary>
    public int CertificationFileYears { get; init; } = 5;

    /// <summary>« Réponses aux questionnaires de suivi : jusqu'à 1 an après l'enquête à 24 mois ».</summary>
    public int SurveyAnswersYearsAfterLastSurvey { get; init; } = 1;

    public static readonly RetentionPeriods Notice = new();

    public void EnsureValid()
    {
        if (AccountWithoutFileYears < 1 || ClosedApplicationYears < 1 || CertificationFileYears < 1 || SurveyAnswersYearsAfterLastSurvey < 1)
            throw new InvalidOperationException("Retention periods are whole years, at least 1 (Retention:AccountWithoutFileYears, ClosedApplicationYears, CertificationFileYears, SurveyAnswersYearsAfterLastSurvey).");
    }
}
