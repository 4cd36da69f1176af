using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Admissibility;

/// <summary>What the letter needs, nothing more.</summary>
public sealed record DecisionLetterData(
    string CandidateName, Sex Sex, string CertificationTitle, CertificationRoute Route, DateOnly RegisteredOn,
    RegistrationState Decision, string? Motive, DateOnly DecidedOn, int JourneyLimitMonths, string SignedBy,
    IReadOnlyList<string>? RequestedDocuments = null, int RegistrationId = 0, int LetterNumber = 1);

/// <summary>The written answer on admissibility ("réponse écrite sur la recevabilité"), as a PDF.</summary>
public static class DecisionLetter
{
    public static string FileName(DateOnly decidedOn) => $"decision-recevabilite-{decidedOn:yyyy-MM-dd}.pdf";

    public static byte[] Render(DecisionLetterData d)
    {
        var civility = d.Sex == Sex.Female ? "Madame" : "Monsieur";
        var pdf = new PdfDocumentWriter("Décision de recevabilité", $"{d.CertificationTitle} – décision du {FrenchFormat.Date(d.DecidedOn)}");
        // The registration's first letter is DEC-yyyy-id; a later one (after an « Incomplet ») gets its number.
        if (d.RegistrationId > 0) pdf.Reference(DocumentReference.Of(DocumentKind.AdmissibilityDecision, d.DecidedOn, d.RegistrationId, d.LetterNumber > 1 ? d.LetterNumber : null));
        pdf
            .Title("Décision sur la recevabilité de votre candidature")
            .Field("Candidat", d.CandidateName)
            .Field("Certification", $"CQP {d.CertificationTitle}")
            .Field("Voie d'accès", FrenchLabels.Of(d.Route))
            .Field("Dossier déposé le", FrenchFormat.Date(d.RegisteredOn))
            .Field("Date de la décision", FrenchFormat.Date(d.DecidedOn))
            .Heading($"{civility},");
        switch (d.Decision)
        {
            case RegistrationState.Admissible:
                var deadline = JourneyDeadline.From(d.DecidedOn, d.JourneyLimitMonths).Deadline;
                pdf.Paragraph("Par délégation de la CPNEFP, nous avons le plaisir de vous informer que votre candidature est déclarée recevable : vous remplissez les conditions d'accès au CQP.")
                   .Paragraph($"Vous disposez d'un délai de deux ans pour réaliser l'ensemble de votre parcours, soit jusqu'au {FrenchFormat.Date(deadline)}.")
                   .Paragraph(d.Route switch
                   {
                       CertificationRoute.Vae => "Prochaine étape : la rédaction de votre livret 2, qui décrit en détail votre expérience, avant les mises en situation professionnelles simulées.",
                       CertificationRoute.Free => "Prochaine étape : votre inscription à une session d'évaluation, dont les dates et lieux sont publiés sur notre site.",
                       _ => "Prochaine étape : votre positionnement et l'élaboration de votre parcours de formation individuel.",
                   });
                break;
            case RegistrationState.NotAdmissible:
                pdf.Paragraph("Par délégation de la CPNEFP, nous sommes au regret de vous informer que votre candidature n'est pas recevable, pour le motif suivant :")
                   .Paragraph(d.Motive ?? "")
                   .Paragraph("Vous pouvez déposer une nouvelle candidature lorsque votre situation remplira les conditions de l'article 3 de l'accord du 16 décembre 2015. Nous restons à votre disposition pour toute question.");
                break;
            default:
                pdf.Paragraph("Votre dossier est incomplet. Pour que nous puissions nous prononcer sur sa recevabilité, merci de le compléter dans votre espace candidat :")
                   .Paragraph(d.Motive ?? "");
                foreach (var (label, i) in (d.RequestedDocuments ?? []).Select((l, i) => (l, i)))
                    pdf.Field($"Document demandé n° {i + 1}", label);
                if (d.RequestedDocuments is { Count: > 0 })
                    pdf.Paragraph("Ajoutez chacun de ces documents à l'étape « Justificatifs » de votre bulletin d'inscription, en face de la demande à laquelle il répond.");
                pdf.Paragraph("Dès que vous l'aurez complété et renvoyé, nous examinerons à nouveau votre candidature.");
                break;
        }
        return pdf.Paragraph($"Nous vous prions d'agréer, {civility}, nos salutations distinguées.")
            .MadeAndSigned(d.DecidedOn)
            .Note($"Décision enregistrée par {d.SignedBy}.")
            .ToBytes();
    }
}
