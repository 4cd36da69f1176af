using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Registrations;

/// <summary>What the registration says, as the last step of the form and the receipt print it (one wording for both).</summary>
public sealed record RegistrationSummary(string Name, string Email, string BirthDate, string Region, string Route, string Funding, string Status, string Education, string Experience)
{
    public static RegistrationSummary Of(Candidate c, Registration r) => new(
        c.FullName, c.Email,
        FrenchFormat.Date(c.BirthDate),
        FrenchLabels.Of(r.Region),
        FrenchLabels.Of(r.Route),
        r.Funding is { } f ? FrenchLabels.Of(f) : "—",
        FrenchLabels.Of(r.EmploymentStatus) + (r.EmployerName is null ? "" : $" – {r.EmployerName} (SIRET {r.EmployerSiret})"),
        EducationLevels.Label(r.EducationLevel) + (r.DiplomaGroup is { } g ? $" – {DiplomaGroups.Label(g)}" : "")
            + (r.HighestDiploma is null ? "" : $" – {r.HighestDiploma}"),
        $"{r.TeleSecretaryMonths} mois en télésecrétariat ; {r.PhoneJobMonths} mois dans un emploi au téléphone"
            + (r.PhoneJobKind is { } k ? $" ({FrenchLabels.Of(k)}, {r.PhoneTimeShare} % du temps)" : "")
            + (r.Sectors.Count > 0 || r.OtherSector is not null ? $" ; secteurs : {ExperienceSectors.Describe(r.Sectors, r.OtherSector)}" : ""));
}

/// <param name="SentOn">The day the file was sent (a paper form's own date).</param>
/// <param name="Proofs">The proofs joined, as (kind, file name), in the order they were sent.</param>
public sealed record RegistrationReceiptData(int RegistrationId, string Certification, RegistrationSummary Summary, DateOnly SentOn,
    DateTimeOffset SentAt, bool? CompanyMayFollow, IReadOnlyList<(ProofKind Kind, string FileName)> Proofs, string? PaperNote = null);

/// <summary>
/// The receipt of a registration (« accusé de réception ») : what the candidate sent, as the form's last step showed it,
/// with the proofs joined and the time it was received — a PDF with the organisation's letterhead and a reference
/// (ACC-year-id), kept in the candidate's « Mes documents ». Made once, when the file is sent.
/// </summary>
public static class RegistrationReceipt
{
    public const string Title = "Récapitulatif de l'inscription envoyée";

    public static string FileName(DateOnly sentOn) => $"recapitulatif-inscription-{sentOn:yyyy-MM-dd}.pdf";

    public static string Reference(RegistrationReceiptData d) => DocumentReference.Of(DocumentKind.RegistrationReceipt, d.SentOn, d.RegistrationId);

    public static byte[] Pdf(RegistrationReceiptData d)
    {
        var s = d.Summary;
        var pdf = new PdfDocumentWriter(Title, $"{d.Certification} – récapitulatif d'inscription")
            .Reference(Reference(d))
            .Title("Récapitulatif de votre inscription")
            .Paragraph($"Votre bulletin d'inscription au {d.Certification} a été reçu par l'organisme de formation le "
                + $"{FrenchFormat.Date(d.SentOn)} à {FrenchFormat.Time(d.SentAt)}. Voici ce qu'il contient, tel que vous l'avez envoyé. "
                + "L'organisme vérifie votre dossier et vous répondra par écrit sur sa recevabilité.");
        if (d.PaperNote is not null) pdf.Note(d.PaperNote);
        pdf.Heading("Identité")
            .Field("Nom", s.Name)
            .Field("Adresse électronique", string.IsNullOrEmpty(s.Email) ? "—" : s.Email)
            .Field("Date de naissance", s.BirthDate)
            .Field("Région", s.Region)
            .Heading("Parcours")
            .Field("Voie d'accès", s.Route)
            .Field("Financement envisagé", s.Funding)
            .Field("Situation", s.Status)
            .Field("Diplôme", s.Education)
            .Heading("Expérience professionnelle")
            .Paragraph(s.Experience)
            .Heading("Justificatifs joints");
        if (d.Proofs.Count == 0) pdf.Paragraph("Aucun.");
        foreach (var (kind, fileName) in d.Proofs) pdf.Line($"– {FrenchLabels.Of(kind)} : {fileName}");
        if (d.CompanyMayFollow is { } follow)
            pdf.Heading("Suivi par votre entreprise")
                .Paragraph(follow ? "Votre entreprise peut suivre votre dossier." : "Votre entreprise voit seulement qu'une inscription existe.");
        pdf.Heading("Données personnelles")
            .Paragraph("Vous avez accepté que ces informations soient traitées pour votre inscription, votre certification et le suivi "
                + "statistique anonyme du dispositif (notice « Données personnelles » du portail).");
        return pdf.MadeAndSigned(d.SentOn).ToBytes();
    }
}
