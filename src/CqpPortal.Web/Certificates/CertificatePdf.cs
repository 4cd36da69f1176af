using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Journey;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Certificates;

/// <summary>What the paper certificate says.</summary>
public sealed record CertificateSheet(string Number, string HolderName, DateOnly ObtainedOn, string CertificationName, string Branch, int CertificateId = 0);

/// <summary>A unit of the referential on an attestation.</summary>
public sealed record AttestationUnit(int Number, string Title);

/// <summary>What an attestation of partial validation says.</summary>
public sealed record AttestationSheet(string HolderName, string CertificationName, DateOnly DecidedOn, IReadOnlyList<AttestationUnit> Acquired,
    IReadOnlyList<AttestationUnit> Remaining, JourneyDeadline? Deadline, int RegistrationId = 0);

/// <summary>
/// The certificate SIST prints for signature (seed 001: « certificat papier établi par SIST sous la responsabilité de la
/// CPNEFP. Signatures par CPNEFP, SIST et candidat »), and the attestation a partial validation gives. Take text, return bytes.
/// </summary>
public static class CertificatePdf
{
    public static readonly IReadOnlyList<string> Signatories = ["Pour la CPNEFP", "Pour le SIST", "Le titulaire"];

    public const string VerificationPath = "/Verifier-un-certificat";

    /// <summary>The verification page's path for a number (what the QR code opens, after the public address).</summary>
    public static string VerificationPathFor(string number) => $"{VerificationPath}?numero={Uri.EscapeDataString(number)}";

    /// <param name="verificationLink">The absolute link to the verification page with the number (from Portal:PublicUrl); without it, no QR code.</param>
    public static byte[] Certificate(CertificateSheet sheet, string? verificationLink)
    {
        var pdf = new PdfDocumentWriter("Certificat de qualification professionnelle", $"{sheet.CertificationName} – certificat n° {sheet.Number}", "CPNEFP – SIST");
        if (sheet.CertificateId > 0) pdf.Reference(DocumentReference.Of(DocumentKind.Certificate, sheet.ObtainedOn, sheet.CertificateId));
        pdf.Title("Certificat de qualification professionnelle")
            .Paragraph(string.IsNullOrWhiteSpace(sheet.Branch)
                ? "Délivré par la commission paritaire nationale de l'emploi et de la formation professionnelle (CPNEFP) de la branche."
                : $"Délivré par la commission paritaire nationale de l'emploi et de la formation professionnelle (CPNEFP) de la branche des {LowerFirst(sheet.Branch)}.")
            .Space(10)
            .Paragraph("La CPNEFP certifie que")
            .Title(sheet.HolderName)
            .Paragraph($"a obtenu le {sheet.CertificationName}")
            .Field("Date d'obtention", FrenchFormat.Date(sheet.ObtainedOn))
            .Field("Numéro du certificat", sheet.Number)
            // The organisation prepares the certificate for SIST and the CPNEFP, who sign it in the blocks below.
            .MadeAndSigned(sheet.ObtainedOn, "Dossier présenté au jury par l'organisme de formation")
            .Space(6)
            .SignatureBlocks(Signatories)
            .Space(10);
        if (verificationLink is not null)
        {
            pdf.Note("Vérifiez ce certificat sur le portail : scannez le code ci-dessous ou ouvrez " + verificationLink);
            pdf.MatrixCode(QrModules(verificationLink), 96);
        }
        else
        {
            pdf.Note($"Vérifiez ce certificat sur le portail, page « Vérifier un certificat », avec le numéro {sheet.Number}.");
        }
        pdf.Note("Certificat établi par le SIST sous la responsabilité de la CPNEFP.");
        return pdf.ToBytes();
    }

    public static byte[] PartialAttestation(AttestationSheet sheet)
    {
        var pdf = new PdfDocumentWriter("Attestation de validation partielle", $"{sheet.CertificationName} – attestation de validation partielle");
        if (sheet.RegistrationId > 0) pdf.Reference(DocumentReference.Of(DocumentKind.PartialAttestation, sheet.DecidedOn, sheet.RegistrationId));
        pdf.Title("Attestation de validation partielle")
            .Field("Candidat", sheet.HolderName)
            .Field("Certification", sheet.CertificationName)
            .Field("Décision du jury du", FrenchFormat.Date(sheet.DecidedOn))
            .Paragraph($"Le jury a validé une partie du {sheet.CertificationName}. Les unités acquises vous restent acquises ; présentez les autres pour obtenir la certification.")
            .Heading("Unités acquises");
        foreach (var unit in sheet.Acquired) pdf.Line($"Unité {unit.Number} – {unit.Title}");
        pdf.Heading("Unités restant à valider");
        foreach (var unit in sheet.Remaining) pdf.Line($"Unité {unit.Number} – {unit.Title}");
        pdf.Space(8);
        pdf.Paragraph(sheet.Deadline is { } deadline
            ? $"Votre parcours doit être achevé au plus tard le {FrenchFormat.Date(deadline.Deadline)} (deux ans à compter de la décision de recevabilité du {FrenchFormat.Date(deadline.Start)})."
            : "Votre parcours doit être achevé dans les deux ans suivant la décision de recevabilité.");
        pdf.MadeAndSigned(sheet.DecidedOn);
        return pdf.ToBytes();
    }

    /// <summary>The modules of a link's QR code, drawn as vector squares (<see cref="QrCodes.Modules"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> QrModules(string link) => QrCodes.Modules(link);

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
