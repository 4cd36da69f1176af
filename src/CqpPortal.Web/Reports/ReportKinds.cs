using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Reports;

public static class ReportKinds
{
    /// <summary>The annual review pack of a year (statistics for SIST and the committee).</summary>
    public const string AnnualPack = "annual-pack";

    /// <summary>The anonymous 6-month outcomes of the holders certified by one jury session (the kind's name predates the 24-month one).</summary>
    public const string HolderOutcomes = "holder-outcomes";

    /// <summary>Every answer to the holder surveys, for SIST (nominative: downloaded from /Analyse/Enquetes only).</summary>
    public const string SurveyAnswers = "survey-answers";

    /// <summary>The anonymous 24-month outcomes of the holders certified by one jury session.</summary>
    public const string HolderOutcomes24 = "holder-outcomes-24";

    /// <summary>A run records no wave: each wave is a kind of its own.</summary>
    public static string HolderOutcomesOf(SurveyWave wave) => wave == SurveyWave.SixMonths ? HolderOutcomes : HolderOutcomes24;

    public static string Label(string kind) => kind switch
    {
        AnnualPack => "Dossier annuel de la réunion de veille",
        HolderOutcomes => "Devenir des titulaires à 6 mois (par jury)",
        SurveyAnswers => "Fichier des réponses aux enquêtes (SIST)",
        HolderOutcomes24 => "Devenir des titulaires à 24 mois (par jury)",
        _ => kind,
    };
}

/// <summary>What a report kind asks for when started by hand: nothing, a year, or a past jury session.</summary>
public enum ReportParameter { None, Year, JurySession }

/// <summary>
/// How the runs page offers a kind: its label, the one parameter it asks, and a sentence on what it makes. A producer
/// declares it (<see cref="IReportProducer.Descriptor"/>); the page lists every declared kind with no change of its own.
/// </summary>
public sealed record ReportKindDescriptor(string Kind, string Label, ReportParameter Parameter, string Hint);

/// <summary>Section "Reports".</summary>
public sealed class ReportsSettings
{
    public const string Section = "Reports";

    /// <summary>A pause after each progress step, in milliseconds: 0 in use; tests set it to catch a run midway.</summary>
    public int StepDelayMs { get; set; }
}
