using CqpPortal.Domain.Certificates;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Certificates;

/// <summary>A certificate's printable PDF and its file name.</summary>
public sealed record CertificateFile(string FileName, byte[] Content);

/// <summary>
/// SIST's side of the paper certificate: the printable PDF (with the QR code to the verification page, from
/// Portal:PublicUrl, never from a request's host), then « signé » — the holder finds the certificate in their documents
/// and is told by e-mail — then « envoyé ». The order is <see cref="CertificateRules"/>'.
/// </summary>
public sealed class PaperCertificates(CqpDbContext db, CandidateMailer mailer, TimeProvider clock, IOptions<PortalSettings> settings)
{
    public static string FileName(string number) => $"certificat-{number}.pdf";

    public async Task<CertificateFile?> PdfAsync(int certificateId)
    {
        var sheet = await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId)
            .Select(c => new CertificateSheet(c.Number, c.HolderName, c.ObtainedOn, c.Registration!.Certification!.Kind + " " + c.Registration.Certification.Title,
                c.Registration.Certification.Branch, c.Id))
            .FirstOrDefaultAsync();
        return sheet is null ? null : new CertificateFile(FileName(sheet.Number), Write(sheet));
    }

    /// <summary>Marks the certificate signed, puts it in the holder's documents and tells them; returns why not when refused.</summary>
    public async Task<string?> MarkSignedAsync(int certificateId, string sistUserId)
    {
        var certificate = await db.Certificates.Include(c => c.Registration!).ThenInclude(r => r.Candidate)
            .Include(c => c.Registration!).ThenInclude(r => r.Certification).FirstOrDefaultAsync(c => c.Id == certificateId);
        if (certificate is null) return "Ce certificat n'existe pas.";
        if (CertificateRules.WhyNotMarkSigned(CertificateRules.StateOf(certificate.SignedAt, certificate.SentAt)) is { } why) return why;
        var registration = certificate.Registration!;
        var certification = registration.Certification!;
        certificate.SignedAt = clock.GetUtcNow();
        certificate.SignedByUserId = sistUserId;
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = registration.CandidateId, RegistrationId = registration.Id, Title = $"Certificat – {certification.Name}",
            FileName = FileName(certificate.Number), ContentType = "application/pdf", CreatedAt = clock.GetUtcNow(),
            Content = Write(new CertificateSheet(certificate.Number, certificate.HolderName, certificate.ObtainedOn, certification.Name, certification.Branch, certificate.Id)),
        });
        await db.SaveChangesAsync();
        await mailer.CertificateSignedAsync(registration.Candidate!, certification.Name, certificate.Number, certificate.ObtainedOn);
        return null;
    }

    /// <summary>Marks the signed certificate sent to the holder; returns why not when refused.</summary>
    public async Task<string?> MarkSentAsync(int certificateId)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId);
        if (certificate is null) return "Ce certificat n'existe pas.";
        if (CertificateRules.WhyNotMarkSent(CertificateRules.StateOf(certificate.SignedAt, certificate.SentAt)) is { } why) return why;
        certificate.SentAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return null;
    }

    private byte[] Write(CertificateSheet sheet) =>
        CertificatePdf.Certificate(sheet, settings.Value.PublicLink(CertificatePdf.VerificationPathFor(sheet.Number)));
}
