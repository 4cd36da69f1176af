using CqpPortal.Domain.Certificates;
using CqpPortal.Domain.Journey;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CqpPortal.Web.Certificates;

/// <summary>What one run of <see cref="CertificateIssuance"/> produced (what existed already is not counted).</summary>
public sealed record IssuanceResult(int Certificates, int Attestations);

/// <summary>
/// After a jury: each total validation gets its holder's certificate (an unguessable number, the date of obtaining =
/// the decision's date, <see cref="Registration.CertifiedOn"/> set) for SIST to print and have signed; each partial
/// validation gets an « Attestation de validation partielle » in the candidate's documents. Idempotent: running it
/// again for the same jury creates nothing new, so the jury's code may call it whenever the minutes are locked.
/// </summary>
public sealed class CertificateIssuance(CqpDbContext db, TimeProvider clock, ILogger<CertificateIssuance> logger)
{
    private const int NumberAttempts = 5;

    public async Task<IssuanceResult> IssueForSessionAsync(int jurySessionId)
    {
        var decisionIds = await db.JuryDecisions.Where(d => d.SessionId == jurySessionId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var total = new IssuanceResult(0, 0);
        foreach (var id in decisionIds)
        {
            var one = await IssueForDecisionAsync(id);
            total = new IssuanceResult(total.Certificates + one.Certificates, total.Attestations + one.Attestations);
        }
        return total;
    }

    public async Task<IssuanceResult> IssueForDecisionAsync(int decisionId)
    {
        var decision = await db.JuryDecisions
            .Include(d => d.Registration!).ThenInclude(r => r.Candidate)
            .Include(d => d.Registration!).ThenInclude(r => r.Certification!).ThenInclude(c => c.Units)
            .Include(d => d.UnitResults)
            .FirstOrDefaultAsync(d => d.Id == decisionId);
        if (decision is null) return new IssuanceResult(0, 0);
        return CertificateRules.DocumentFor(decision.Result) switch
        {
            JuryOutcomeDocument.Certificate => new IssuanceResult(await IssueCertificateAsync(decision) ? 1 : 0, 0),
            JuryOutcomeDocument.PartialAttestation => new IssuanceResult(0, await AddAttestationAsync(decision) ? 1 : 0),
            _ => new IssuanceResult(0, 0),
        };
    }

    /// <summary>The file name of a decision's attestation: how a second run knows it is already there.</summary>
    public static string AttestationFileName(JuryDecision decision) => $"attestation-validation-partielle-{decision.DecidedOn:yyyy-MM-dd}-{decision.Id}.pdf";

    private async Task<bool> IssueCertificateAsync(JuryDecision decision)
    {
        var registration = decision.Registration!;
        if (await db.Certificates.AnyAsync(c => c.RegistrationId == registration.Id)) return false;
        registration.CertifiedOn = decision.DecidedOn;
        for (var attempt = 1; ; attempt++)
        {
            var certificate = new Certificate
            {
                RegistrationId = registration.Id, JuryDecisionId = decision.Id, Number = CertificateNumber.New(), ObtainedOn = decision.DecidedOn,
                HolderName = registration.Candidate!.FullName, IssuedAt = clock.GetUtcNow(),
            };
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync();
                logger.LogInformation("Certificate {CertificateId} issued for registration {RegistrationId}", certificate.Id, registration.Id);
                return true;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                db.Entry(certificate).State = EntityState.Detached;
                // Another run issued this registration's certificate meanwhile: it is there, nothing more to do.
                if (unique.ConstraintName?.Contains("RegistrationId", StringComparison.Ordinal) == true)
                {
                    await db.Entry(registration).ReloadAsync();
                    return false;
                }
                // The same number drawn twice (one chance in 2^60 per pair): draw again.
                if (attempt >= NumberAttempts) throw;
            }
        }
    }

    private async Task<bool> AddAttestationAsync(JuryDecision decision)
    {
        var registration = decision.Registration!;
        var fileName = AttestationFileName(decision);
        if (await db.CandidateDocuments.AnyAsync(d => d.CandidateId == registration.CandidateId && d.FileName == fileName)) return false;
        var certification = registration.Certification!;
        var validatedBefore = await db.JuryUnitResults
            .Where(u => u.Validated && u.JuryDecisionId != decision.Id && db.JuryDecisions.Any(d => d.Id == u.JuryDecisionId && d.RegistrationId == registration.Id && d.DecidedOn <= decision.DecidedOn))
            .Select(u => u.UnitId).ToListAsync();
        var acquired = decision.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).Concat(validatedBefore).ToHashSet();
        var units = certification.Units.OrderBy(u => u.Number).ToList();
        var sheet = new AttestationSheet(registration.Candidate!.FullName, certification.Name, decision.DecidedOn,
            units.Where(u => acquired.Contains(u.Id)).Select(u => new AttestationUnit(u.Number, u.Title)).ToList(),
            units.Where(u => !acquired.Contains(u.Id)).Select(u => new AttestationUnit(u.Number, u.Title)).ToList(),
            registration.AdmissibilityDecidedOn is { } admissible ? JourneyDeadline.From(admissible, certification.JourneyLimitMonths) : null, registration.Id);
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = registration.CandidateId, RegistrationId = registration.Id, Title = $"Attestation de validation partielle – jury du {Formatting.FrenchFormat.Date(decision.DecidedOn)}",
            FileName = fileName, ContentType = "application/pdf", Content = CertificatePdf.PartialAttestation(sheet), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return true;
    }
}
