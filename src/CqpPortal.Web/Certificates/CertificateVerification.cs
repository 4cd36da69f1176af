using CqpPortal.Domain.Certificates;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Certificates;

/// <summary>What the public verification page may tell about a certificate: nothing else.</summary>
public sealed record VerifiedCertificate(string Number, string HolderName, string Certification, DateOnly ObtainedOn);

/// <summary>The public check of a certificate number: an exact match of a well-formed number, or nothing.</summary>
public sealed class CertificateVerification(CqpDbContext db)
{
    public const string NotFound = "Aucun certificat ne correspond à ce numéro.";

    /// <summary>The certificate of a number as typed (normalised first); null for an unknown or malformed number.</summary>
    public async Task<VerifiedCertificate?> FindAsync(string? typed)
    {
        if (!CertificateNumber.TryParse(typed, out var number)) return null;
        return await db.Certificates.AsNoTracking().Where(c => c.Number == number)
            .Select(c => new VerifiedCertificate(c.Number, c.HolderName, c.Registration!.Certification!.Kind + " " + c.Registration.Certification.Title, c.ObtainedOn))
            .FirstOrDefaultAsync();
    }
}
