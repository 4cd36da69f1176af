using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Evaluations;

/// <summary>The attendance sheet (« feuille d'émargement ») of an evaluation session: a row to sign per candidate, then the evaluators' signatures.</summary>
public static class AttendanceSheet
{
    /// <summary>The sheet's file name, dated with the session's day in Paris.</summary>
    public static string FileName(EvaluationSitting s) => $"feuille-emargement-{CqpPortal.Domain.Time.DayInParis.Of(s.StartsAt):yyyy-MM-dd}.pdf";

    public static byte[] Pdf(EvaluationSitting s)
    {
        static string Who(AssignedEvaluator? e) => e is null ? "non désigné" : $"{e.Name} ({e.Organisation}){(e.Remote ? " – à distance" : "")}";
        var evaluator = s.In(EvaluatorRole.Evaluator);
        var coEvaluator = s.In(EvaluatorRole.CoEvaluator);
        var pdf = new PdfDocumentWriter("Feuille d'émargement", $"{s.Certification} – feuille d'émargement du {FrenchFormat.Date(s.StartsAt)}")
            .Reference(DocumentReference.Of(DocumentKind.AttendanceSheet, CqpPortal.Domain.Time.DayInParis.Of(s.StartsAt), s.SessionId))
            .Title("Feuille d'émargement")
            .Field("Certification", s.Certification)
            .Field("Session", FrenchLabels.Of(s.Kind))
            .Field("Date", $"{FrenchFormat.DateTime(s.StartsAt)} (durée {FrenchFormat.Duration(s.DurationMinutes)})")
            .Field("Lieu", $"{s.PlaceName}, {s.Address}, {s.PostalCode} {s.City}")
            .Field("Évaluateur", Who(evaluator))
            .Field("Co-évaluateur", Who(coEvaluator));
        if (s.Cancelled) pdf.Paragraph("Cette session est annulée.");
        pdf.Space(8).SignatureTable(["Candidat", "Voie", "Signature"], [0.42, 0.28, 0.30],
            s.Candidates.Select(c => (IReadOnlyList<string>)[c.Name, FrenchLabels.Of(c.Route), ""]).ToList(), rowHeight: 34);
        pdf.Heading("Signatures des évaluateurs");
        foreach (var e in new[] { ("Évaluateur", evaluator), ("Co-évaluateur", coEvaluator) })
            pdf.KeepTogether(44).Space(18).Line($"{e.Item1} : {e.Item2?.Name ?? ""}{(e.Item2?.Remote == true ? " (à distance)" : "")}").Line("Signature :");
        return pdf.ToBytes();
    }
}
