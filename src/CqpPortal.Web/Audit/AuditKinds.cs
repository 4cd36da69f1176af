namespace CqpPortal.Web.Audit;

/// <summary>What a journal row is about, as administrators read it (the value stored in <c>AuditEntries.Kind</c>).</summary>
public static class AuditKinds
{
    public const string File = "dossier";
    public const string Proof = "justificatif";
    public const string Document = "document";
    public const string Booklet = "livret";
    public const string BookletDocument = "document de livret";
    public const string Grid = "grille";
    public const string EvaluationFile = "dossier d'évaluation";
    public const string EvaluationSession = "session d'évaluation";
    public const string Decision = "décision";
    public const string SurveyAnswer = "réponse d'enquête";
    public const string Training = "formation";
    public const string Evaluator = "évaluateur";
    public const string Certificate = "certificat";
    public const string CompanyAccess = "accès entreprise";
    public const string Report = "rapport";
    public const string List = "liste";
    public const string Erasure = "effacement";

    /// <summary>A read rate far above normal (<see cref="Domain.Audit.ReadRateAlert"/>): the row names the reader.</summary>
    public const string Alert = "alerte";

    public static readonly IReadOnlyList<string> All =
        [File, Proof, Document, Booklet, BookletDocument, Grid, EvaluationFile, EvaluationSession, Decision, SurveyAnswer, Training, Evaluator, Certificate, CompanyAccess, Report, List, Erasure, Alert];
}
