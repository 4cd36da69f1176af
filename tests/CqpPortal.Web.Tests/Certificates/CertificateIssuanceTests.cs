using CqpPortal.Domain.Certificates;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Certificates;

/// <summary>After a jury, total validations get a numbered certificate and partial ones an attestation, once.</summary>
[Collection(PortalCollection.Name)]
public class CertificateIssuanceTests(DemoPortal portal)
{
    [Fact]
    public async Task A_total_validation_gets_one_certificate_however_often_issuance_runs()
    {
        var holder = await Holders.DecidedAsync(portal, JuryResult.TotalValidation);

        Assert.Equal(new IssuanceResult(1, 0), await Holders.IssueAsync(portal, holder.JuryId));
        Assert.Equal(new IssuanceResult(0, 0), await Holders.IssueAsync(portal, holder.JuryId));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(new IssuanceResult(0, 0), await scope.ServiceProvider.GetRequiredService<CertificateIssuance>().IssueForDecisionAsync(holder.DecisionId));

        var certificates = await Holders.QueryAsync(portal, db => db.Certificates.Where(c => c.RegistrationId == holder.RegistrationId).ToListAsync());
        var certificate = Assert.Single(certificates);
        Assert.True(CertificateNumber.IsWellFormed(certificate.Number));
        Assert.Equal(($"{holder.FirstName} {holder.LastName}", holder.DecidedOn, holder.DecisionId), (certificate.HolderName, certificate.ObtainedOn, certificate.JuryDecisionId));
        Assert.Null(certificate.SignedAt);
        Assert.Equal(holder.DecidedOn, await Holders.QueryAsync(portal, db => db.Registrations.Where(r => r.Id == holder.RegistrationId).Select(r => r.CertifiedOn).SingleAsync()));
        Assert.Equal(0, await Holders.QueryAsync(portal, db => db.CandidateDocuments.CountAsync(d => d.CandidateId == holder.CandidateId)));
    }

    [Fact]
    public async Task A_partial_validation_gets_one_attestation_of_the_units_acquired_and_the_deadline_in_the_candidates_documents()
    {
        var holder = await Holders.DecidedAsync(portal, JuryResult.PartialValidation, validatedUnits: 2);

        Assert.Equal(new IssuanceResult(0, 1), await Holders.IssueAsync(portal, holder.JuryId));
        Assert.Equal(new IssuanceResult(0, 0), await Holders.IssueAsync(portal, holder.JuryId));

        var document = Assert.Single(await Holders.QueryAsync(portal, db => db.CandidateDocuments.Where(d => d.CandidateId == holder.CandidateId).ToListAsync()));
        Assert.StartsWith("Attestation de validation partielle", document.Title);
        var units = await Holders.QueryAsync(portal, db => db.CertificationUnits.Where(u => holder.UnitIds.Contains(u.Id)).OrderBy(u => u.Number).ToListAsync());
        var text = string.Join(' ', PdfText.Of(document.Content).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Attestation de validation partielle", text);
        Assert.Contains($"{holder.FirstName} {holder.LastName}", text);
        Assert.Contains("CQP Télésecrétaire qualifié(e)", text); // the seeded certification's name, from the data
        var acquired = text.IndexOf("Unités acquises", StringComparison.Ordinal);
        var remaining = text.IndexOf("Unités restant à valider", StringComparison.Ordinal);
        Assert.True(acquired >= 0 && remaining > acquired);
        Assert.InRange(text.IndexOf($"Unité 1 – {units[0].Title}", StringComparison.Ordinal), acquired, remaining);
        Assert.InRange(text.IndexOf($"Unité 2 – {units[1].Title}", StringComparison.Ordinal), acquired, remaining);
        Assert.True(text.IndexOf($"Unité 3 – {units[2].Title}", StringComparison.Ordinal) > remaining);
        Assert.Contains("au plus tard le 1er décembre 2027", text);
        Assert.False(await Holders.QueryAsync(portal, db => db.Certificates.AnyAsync(c => c.RegistrationId == holder.RegistrationId)));
    }

    [Fact]
    public async Task A_non_validation_gets_neither_certificate_nor_attestation()
    {
        var holder = await Holders.DecidedAsync(portal, JuryResult.NotValidated, validatedUnits: 0);
        Assert.Equal(new IssuanceResult(0, 0), await Holders.IssueAsync(portal, holder.JuryId));
        Assert.Equal(0, await Holders.QueryAsync(portal, db => db.CandidateDocuments.CountAsync(d => d.CandidateId == holder.CandidateId)));
        Assert.Null(await Holders.QueryAsync(portal, db => db.Registrations.Where(r => r.Id == holder.RegistrationId).Select(r => r.CertifiedOn).SingleAsync()));
    }

    [Fact]
    public void The_printed_certificate_carries_the_number_the_three_signature_blocks_and_a_qr_code_to_the_verification_page()
    {
        var link = "https://cqp.example.fr" + CertificatePdf.VerificationPathFor("7K3M-9QX2-HT4B-W");
        var pdf = CertificatePdf.Certificate(new CertificateSheet("7K3M-9QX2-HT4B-W", "Maëlle Martin", new DateOnly(2026, 11, 20), "CQP Accueil", "Prestataires de services"), link);
        var text = PdfText.Of(pdf);
        foreach (var expected in new[] { "Certificat de qualification professionnelle", "Maëlle Martin", "CQP Accueil", "20 novembre 2026", "7K3M-9QX2-HT4B-W",
                     "Pour la CPNEFP", "Pour le SIST", "Le titulaire", "prestataires de services" })
            Assert.Contains(expected, text);
        Assert.Contains(link, text.Replace("\n", "").Replace(" ", ""));
        // The QR code is drawn as vector squares: one per dark module of the link's code (a 25×25 or larger matrix).
        var modules = CertificatePdf.QrModules(link);
        Assert.True(modules.Count >= 25 && (modules.Count - 17) % 4 == 0 && modules.All(r => r.Count == modules.Count));
        Assert.True(modules[0].Take(7).All(dark => dark)); // the finder pattern in the corner: no quiet zone left in the matrix
        var without = CertificatePdf.Certificate(new CertificateSheet("7K3M-9QX2-HT4B-W", "Maëlle Martin", new DateOnly(2026, 11, 20), "CQP Accueil", ""), null);
        Assert.True(pdf.Length > without.Length + 2000);
        Assert.Contains("page « Vérifier un certificat »", PdfText.Of(without));
    }
}
