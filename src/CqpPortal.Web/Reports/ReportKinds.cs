namespace CqpPortal.Web.Reports;

public static class ReportKinds
{
    /// <summary>The annual review pack of a year (statistics for SIST and the committee).</summary>
    public const string AnnualPack = "annual-pack";

    /// <summary>The anonymous 6-month outcomes of the holders certified by one jury session.</summary>
    public const string HolderOutcomes = "holder-outcomes";

    /// <summary>Every answer to the holder surveys, for SIST (nominative: downloaded from /Analyse/Enquetes only).</summary>
    public const string SurveyAnswers = "survey-answers";

    public static string Label(string kind) => kind switch
    {
        AnnualPack => "Dossier annuel de la réunion de veille",
        HolderOutcomes => "Devenir des titulaires à 6 mois (par jury)",
        SurveyAnswers => "Fichier des réponses aux enquêtes (SIST)",
        _ => kind,
    };
}

/// <summary>Section "Reports".</summary>
public sealed class ReportsSettings
{
    public const string Section = "Reports";

    /// <summary>A pause after each progress step, in milliseconds: 0 in use; tests set it to catch a run midway.</summary>
    public int StepDelayMs { get; set; }
}
