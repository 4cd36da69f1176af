using CqpPortal.Domain.Certificates;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Imports;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Certificates;

/// <summary>
/// One line of the holders' register. <see cref="CertificateId"/> is null for a holder imported from the
/// organisation's records (certified before the portal): no number, state « antérieur au portail ».
/// </summary>
public sealed record HolderRow(int? CertificateId, string? Number, string HolderName, DateOnly ObtainedOn, string Certification, CertificateState? State)
{
    public const string BeforePortal = "antérieur au portail";

    public string StateLabel => State is { } state ? CertificateRules.Label(state) : BeforePortal;
}

/// <summary>The holders' register SIST keeps (seed 004): every certificate issued, and the holders certified before the portal.</summary>
public sealed class HoldersRegister(CqpDbContext db)
{
    public static readonly IReadOnlyList<string> Headers = ["Numéro", "Titulaire", "Date d'obtention", "Certification", "État"];

    public static string FileName(DateOnly day) => $"registre-titulaires-{day:yyyy-MM-dd}.xlsx";

    public async Task<IReadOnlyList<HolderRow>> ListAsync()
    {
        var issued = await db.Certificates.AsNoTracking()
            .Select(c => new { c.Id, c.Number, c.HolderName, c.ObtainedOn, c.Registration!.Certification!.Kind, c.Registration.Certification.Title, c.SignedAt, c.SentAt })
            .ToListAsync();
        var before = await db.Registrations.AsNoTracking()
            .Where(r => r.CertifiedOn != null && !db.Certificates.Any(c => c.RegistrationId == r.Id))
            .Select(r => new { r.Candidate!.FirstName, r.Candidate.LastName, CertifiedOn = r.CertifiedOn!.Value, r.Certification!.Kind, r.Certification.Title })
            .ToListAsync();
        return issued.Select(c => new HolderRow(c.Id, c.Number, c.HolderName, c.ObtainedOn, $"{c.Kind} {c.Title}", CertificateRules.StateOf(c.SignedAt, c.SentAt)))
            .Concat(before.Select(r => new HolderRow(null, null, $"{r.FirstName} {r.LastName}", r.CertifiedOn, $"{r.Kind} {r.Title}", null)))
            .OrderByDescending(r => r.ObtainedOn).ThenBy(r => r.HolderName, StringComparer.Create(Hosting.PortalWebExtensions.French, true))
            .ToList();
    }

    public async Task<byte[]> XlsxAsync() =>
        RecordFileWriter.Xlsx("Titulaires", Headers, (await ListAsync())
            .Select(r => (IReadOnlyList<string>)[r.Number ?? "", r.HolderName, r.ObtainedOn.ToString("dd/MM/yyyy"), r.Certification, r.StateLabel]));
}
