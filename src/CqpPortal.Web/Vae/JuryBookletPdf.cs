using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Vae;

/// <summary>What the jury reads of a VAE candidate: booklet 2 accepted, with the summary of booklet 1.</summary>
public sealed record JuryBookletData(
    string CandidateName, DateOnly BirthDate, string Certification, string EducationLevel, DateOnly AcceptedOn,
    int RelatedMonths, IReadOnlyList<string> Jobs,
    IReadOnlyList<JuryUnit> Units, IReadOnlyList<string> Attachments, int BookletId = 0);

public sealed record JuryUnit(int Number, string Title, IReadOnlyList<JuryActivity> Activities);
public sealed record JuryActivity(string Code, string Title, IReadOnlyList<(string Context, string Actions, string Tools, string Result)> Situations);

/// <summary>The jury PDF of booklet 2: cover, candidate summary, the text per unit and activity, the list of attachments.</summary>
public static class JuryBookletPdf
{
    public static string FileName(string candidateName) =>
        "livret2-jury-" + string.Concat(candidateName.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".pdf";

    public static byte[] Render(JuryBookletData data)
    {
        var pdf = new PdfDocumentWriter($"Livret 2 de {data.CandidateName}", $"Livret 2 VAE de {data.CandidateName} – dossier du jury");
        if (data.BookletId > 0) pdf.Reference(DocumentReference.Of(DocumentKind.JuryBooklet, data.AcceptedOn, data.BookletId));
        pdf.Title("Validation des acquis de l'expérience – livret 2")
            .Paragraph($"Dossier pour le jury du {data.Certification}")
            .Field("Candidat", data.CandidateName)
            .Field("Livret 2 accepté le", FrenchFormat.Date(data.AcceptedOn));

        pdf.Heading("Le candidat")
            .Field("Date de naissance", FrenchFormat.Date(data.BirthDate))
            .Field("Niveau de diplôme", data.EducationLevel)
            .Field("Expérience en rapport avec le CQP (livret 1)", $"{data.RelatedMonths} mois en équivalent temps plein");
        foreach (var job in data.Jobs) pdf.Paragraph("• " + job);

        foreach (var unit in data.Units)
        {
            pdf.Heading($"Unité {unit.Number} : {unit.Title}");
            foreach (var activity in unit.Activities)
            {
                pdf.Heading($"{activity.Code} – {activity.Title}");
                if (activity.Situations.Count == 0) pdf.Paragraph("Aucune situation décrite.");
                for (var i = 0; i < activity.Situations.Count; i++)
                {
                    var s = activity.Situations[i];
                    pdf.Paragraph($"Situation {i + 1}")
                        .Paragraph("Contexte : " + s.Context)
                        .Paragraph("Ce que le candidat a fait : " + s.Actions)
                        .Paragraph("Outils : " + (s.Tools.Length > 0 ? s.Tools : "—"))
                        .Paragraph("Résultat : " + (s.Result.Length > 0 ? s.Result : "—"));
                }
            }
        }

        pdf.Heading("Pièces jointes");
        if (data.Attachments.Count == 0) pdf.Paragraph("Aucune pièce jointe.");
        foreach (var attachment in data.Attachments) pdf.Paragraph("• " + attachment);
        return pdf.ToBytes();
    }
}
