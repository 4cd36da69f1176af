using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Privacy;

/// <summary>The kinds of people the erasure and retention tests make.</summary>
public enum PersonKind { Holder, NotAdmissible, Withdrawn, InProgress, DraftOnly }

/// <summary>One person made by <see cref="PrivacyPeople.AddAsync"/>: their account, candidate id and the texts that must go.</summary>
public sealed record PrivacyPerson(string Email, int CandidateId, int RegistrationId, string LastName, DateOnly BirthDate);

/// <summary>
/// Builds a person with everything an erasure touches: an account, a registration of the given kind registered on
/// <c>registeredOn</c>, a proof, a letter, a VAE booklet with text and an attachment, a jury decision with a comment
/// (holders also a certificate and a survey answer naming a company).
/// </summary>
public static class PrivacyPeople
{
    public static readonly byte[] ProofBytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x70, 0x72, 0x65, 0x75, 0x76, 0x65];

    public static async Task<PrivacyPerson> AddAsync(PortalFactory portal, PersonKind kind, DateOnly registeredOn, DateOnly birthDate, string lastName,
        Sex sex = Sex.Female, Region region = Region.Bretagne)
    {
        var email = await TestAccounts.CreateAsync(portal, Roles.Candidate, "Personne Test");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        var certification = await db.Certifications.OrderBy(c => c.Id).FirstAsync();
        var activity = await db.Activities.OrderBy(a => a.Id).FirstAsync();
        var (state, jury) = kind switch
        {
            PersonKind.Holder => (RegistrationState.Admissible, (JuryResult?)JuryResult.TotalValidation),
            PersonKind.NotAdmissible => (RegistrationState.NotAdmissible, null),
            PersonKind.Withdrawn => (RegistrationState.Withdrawn, JuryResult.PartialValidation),
            PersonKind.InProgress => (RegistrationState.Admissible, null),
            _ => (RegistrationState.Draft, null),
        };
        var registration = new Registration
        {
            Certification = certification, Route = CertificationRoute.Vae, EmploymentStatus = EmploymentStatus.Employee, Region = region, EducationLevel = 4,
            EmployerName = $"Cabinet {lastName}", EmployerSiret = "81234567800013", OtherSector = $"Secteur de {lastName}", Sectors = ["other"],
            TeleSecretaryMonths = 30, PhoneJobMonths = 14, Funding = Funding.Cpf, State = state,
            RegisteredOn = kind == PersonKind.DraftOnly ? null : registeredOn,
            AdmissibilityDecidedOn = kind == PersonKind.DraftOnly ? null : registeredOn.AddDays(10),
            DecisionMotive = kind == PersonKind.NotAdmissible ? $"Expérience de {lastName} insuffisante" : null,
            CertifiedOn = kind == PersonKind.Holder ? registeredOn.AddMonths(8) : null,
            Proofs = [new RegistrationProof { Kind = ProofKind.Experience, FileName = $"attestation-{lastName}.pdf", ContentType = "application/pdf", Length = ProofBytes.Length, Content = ProofBytes }],
        };
        if (jury is { } result)
            registration.JuryDecisions.Add(new JuryDecision { DecidedOn = registeredOn.AddMonths(8), Result = result, Comment = $"Le jury félicite {lastName}" });
        if (kind == PersonKind.Holder)
            registration.Surveys.Add(new HolderSurvey
            {
                Wave = SurveyWave.SixMonths, DueOn = registeredOn.AddMonths(14), RespondedOn = registeredOn.AddMonths(14), Situation = HolderSituation.Employed,
                Contract = EmploymentContract.Cdi, Sector = EmploymentSector.Branch, JobTitle = "Télésecrétaire", Company = $"Société {lastName}",
            });
        var candidate = new Candidate
        {
            UserId = user!.Id, FirstName = "Camille", LastName = lastName, Email = email, Phone = "06 12 34 56 78", BirthDate = birthDate, Sex = sex, Region = region,
            Registrations = [registration],
        };
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        db.Booklets.Add(new Booklet
        {
            RegistrationId = registration.Id, Kind = BookletKind.Experience,
            Situations = [new BookletSituation { ActivityId = activity.Id, Position = 1, Context = $"Mon poste chez {lastName} et fils", Actions = "J'ai répondu", Tools = "Téléphone", Result = "Clients servis" }],
            Documents = [new BookletDocument { Kind = BookletDocumentKind.WorkSample, FileName = $"exemple-{lastName}.pdf", ContentType = "application/pdf", Length = ProofBytes.Length, Content = ProofBytes }],
        });
        db.CandidateDocuments.Add(new CandidateDocument { CandidateId = candidate.Id, RegistrationId = registration.Id, Title = "Convocation", FileName = "convocation.pdf", ContentType = "application/pdf", Content = ProofBytes });
        if (kind == PersonKind.Holder)
        {
            var decision = registration.JuryDecisions[0];
            db.Certificates.Add(new Certificate { RegistrationId = registration.Id, JuryDecisionId = decision.Id, Number = $"CQP-{candidate.Id:00000}", ObtainedOn = decision.DecidedOn, HolderName = $"Camille {lastName}" });
        }
        await db.SaveChangesAsync();
        return new PrivacyPerson(email, candidate.Id, registration.Id, lastName, birthDate);
    }
}
