using System.Text.RegularExpressions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Admissibility;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Tests.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.OfficialDocuments;

/// <summary>
/// Every letter and PDF carries the organisation's identity (from the Organisation settings of the test portal, see
/// <see cref="PortalFactory.Organisation"/>), its reference, « Fait à …, le … » with the signatory, and « Page n sur N ».
/// </summary>
[Collection(PortalCollection.Name)]
public class OfficialDocumentTests(DemoPortal portal)
{
    private static string Text(byte[] pdf) => Regex.Replace(PdfText.Of(pdf), @"\s+", " ");

    /// <summary>The identity block, the signatory and the page numbers every official document shows.</summary>
    private static void AssertOfficial(string text, string reference, DateOnly madeOn)
    {
        Assert.Contains("Organisme de formation du CQP", text);
        Assert.Contains("10 rue de l'Exemple, 75010 Paris", text);
        Assert.Contains("SIRET 812 345 678 00013", text);
        Assert.Contains("Tél. 01 23 45 67 89", text);
        Assert.Contains("contact@cqp-telesecretaire.fr", text);
        Assert.Contains($"Référence : {reference}", text);
        Assert.Contains($"Réf. {reference} – Page 1 sur ", text);
        Assert.Contains($"Fait à Paris, le {FrenchFormat.Date(madeOn)}", text);
        Assert.Contains("Claire Lemoine Responsable de la certification", text);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_decision_letter_names_the_organisation_its_reference_the_place_and_day_and_the_signatory_on_numbered_pages()
    {
        var email = await TestAccounts.CreateAsync(portal, Roles.Candidate, "Inès Référence");
        var registrationId = await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CqpDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training,
                Funding = Funding.Cpf, EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 4, TeleSecretaryMonths = 14,
                Region = Region.Sud, State = RegistrationState.Submitted, RegisteredOn = new DateOnly(2026, 11, 2), PrivacyConsentAt = DateTimeOffset.UtcNow,
            };
            db.Candidates.Add(new Candidate
            {
                UserId = user.Id, FirstName = "Inès", LastName = "Référence", Email = email, BirthDate = new DateOnly(1990, 5, 1),
                Sex = Sex.Female, Region = Region.Sud, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            return registration.Id;
        });

        var letter = await InScopeAsync(async services =>
        {
            var staffId = await JurySessions.UserIdAsync(services.GetRequiredService<CqpDbContext>(), "staff@cqp.test");
            Assert.True(await services.GetRequiredService<AdmissibilityDecisions>().DecideAsync(registrationId, RegistrationState.Admissible, null, staffId, "Sophie Staff"));
            return await services.GetRequiredService<CqpDbContext>().CandidateDocuments.Where(d => d.RegistrationId == registrationId).Select(d => d.Content).SingleAsync();
        });

        var today = DayInParis.Today(TimeProvider.System);
        AssertOfficial(Text(letter), $"DEC-{today.Year}-{registrationId:000000}", today);
        Assert.Contains("Page 1 sur 1", Text(letter));
    }

    [Fact]
    public async Task A_convocation_is_official_and_made_twice_keeps_its_reference_and_its_day()
    {
        var (candidate, session, certification) = await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CqpDbContext>();
            var enrolment = await db.SessionEnrolments.Include(e => e.Registration!).ThenInclude(r => r.Candidate)
                .Include(e => e.Session!).ThenInclude(s => s.Certification).AsNoTracking()
                .Where(e => e.Session!.Kind == SessionKind.Evaluation).OrderBy(e => e.Id).FirstAsync();
            return (enrolment.Registration!.Candidate!, enrolment.Session!, enrolment.Session!.Certification!);
        });
        var issuedOn = new DateOnly(2026, 12, 1);

        var first = Text(Convocation.Pdf(candidate, session, certification, issuedOn));
        var again = Text(Convocation.Pdf(candidate, session, certification, issuedOn));

        var reference = $"CON-{DayInParis.Of(session.StartsAt).Year}-{candidate.Id:000000}-{session.Id}";
        AssertOfficial(first, reference, issuedOn);
        Assert.Contains("Fait à Paris, le 1er décembre 2026", first);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task The_minutes_of_a_jury_with_no_decision_yet_say_so_instead_of_listing_units_as_not_validated()
    {
        var president = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Paule Procès");
        var candidate = await JuryCandidates.CreateAsync(portal, CertificationRoute.Training, evaluatedDaysAgo: 20);
        var juryId = await JurySessions.CreateAsync(portal, -1, [candidate.RegistrationId], [president]);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");

        var response = await staff.Http.GetAsync($"/Staff/Jurys/Session/{juryId}?handler=Minutes");
        var text = Text(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("Décision : décision non enregistrée", text);
        Assert.DoesNotContain("non validée", text);
        Assert.DoesNotContain("Unités :", text);
        var juryDay = await InScopeAsync(async services => DayInParis.Of(await services.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.Id == juryId).Select(s => s.StartsAt).SingleAsync()));
        AssertOfficial(text, $"PVJ-{juryDay.Year}-{juryId:000000}", juryDay);
    }

    [Fact]
    public async Task The_certificate_is_official_with_its_reference_and_the_day_it_was_obtained()
    {
        var (id, obtainedOn) = await InScopeAsync(async services =>
        {
            var certificate = await services.GetRequiredService<CqpDbContext>().Certificates.OrderBy(c => c.Id).Select(c => new { c.Id, c.ObtainedOn }).FirstAsync();
            return (certificate.Id, certificate.ObtainedOn);
        });

        var file = await InScopeAsync(services => services.GetRequiredService<PaperCertificates>().PdfAsync(id));

        var text = Text(file!.Content);
        AssertOfficial(text, $"CER-{obtainedOn.Year}-{id:000000}", obtainedOn);
        Assert.Contains("Pour la CPNEFP", text);
    }

    [Fact]
    public async Task The_legal_notice_names_the_publisher_its_siret_the_director_of_publication_and_the_host_from_the_settings()
    {
        using var visitor = PortalClient.For(portal);

        var (_, page) = await visitor.GetAsync("/mentions-legales");

        var block = page.QuerySelector("#editeur-hebergeur")!.TextContent;
        foreach (var expected in new[]
        {
            "Organisme de formation du CQP", "10 rue de l'Exemple", "75010 Paris", "812 345 678 00013", "11 75 99999 75",
            "Bernard Lefèvre, directeur de l'organisme de formation", "Hébergeur Exemple SAS", "1 avenue de l'Hébergement", "59100 Roubaix", "03 20 00 00 00",
        })
            Assert.Contains(expected, block);
    }
}
