using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class JuryAccessTests(BrowserPortal portal)
{
    /// <summary>A VAE candidate whose booklet 2 is accepted, convened to a coming jury with no member yet; returns the jury's id.</summary>
    private async Task<int> ConvenedVaeCandidateAsync(string lastName)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var registration = new Registration
        {
            CertificationId = certificationId, Route = CertificationRoute.Vae, EmploymentStatus = EmploymentStatus.Employee, EducationLevel = 4,
            TeleSecretaryMonths = 48, Region = Region.Ouest, State = RegistrationState.Admissible, RegisteredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-8)),
            AdmissibilityDecidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-7)), PrivacyConsentAt = DateTimeOffset.UtcNow.AddMonths(-8),
        };
        db.Candidates.Add(new Candidate
        {
            FirstName = "Maëlle", LastName = lastName, Email = $"{lastName.ToLowerInvariant()}@exemple.fr", BirthDate = new DateOnly(1985, 3, 9),
            Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration],
        });
        var booklet = new Booklet { Registration = registration, Kind = BookletKind.Experience, State = BookletState.Admissible };
        foreach (var activityId in await db.Activities.OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync())
            booklet.Situations.Add(new BookletSituation { ActivityId = activityId, Context = $"Récit de Maëlle {lastName} : permanence d'un cabinet d'avocats",
                Actions = "J'ai filtré et transmis les appels urgents." });
        db.Booklets.Add(booklet);
        var startsAt = DateTimeOffset.UtcNow.AddDays(40);
        var jury = new Session
        {
            CertificationId = certificationId, Kind = SessionKind.Jury, StartsAt = startsAt, DurationMinutes = 180, PlaceName = "Salle du jury VAE",
            Address = "2 place Graslin", PostalCode = "44000", City = "Nantes", Region = Region.Ouest, Capacity = 10,
            RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-14)),
        };
        jury.Enrolments.Add(new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
        db.Sessions.Add(jury);
        await db.SaveChangesAsync();
        return jury.Id;
    }

    [Fact]
    public async Task Staff_assign_the_jury_member_who_sees_the_candidate_and_downloads_the_jury_pdf()
    {
        var lastName = "Kervella" + Guid.NewGuid().ToString("N")[..4];
        var juryId = await ConvenedVaeCandidateAsync(lastName);

        await using var staffContext = await portal.SignedInAsync("staff@cqp.test");
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync($"/Staff/Jurys/Session/{juryId}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Membres du jury (0)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await staff.GetByLabel("Ajouter un membre du jury").SelectOptionAsync(new SelectOptionValue { Label = "Patrick Fournier (jury@cqp.test)" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Affecter à ce jury" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Le membre est affecté à ce jury");
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "jury@cqp.test" })).ToContainTextAsync("Patrick Fournier");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        Assert.Contains("Salle du jury VAE", portal.Mail.LatestTo("jury@cqp.test"));

        await using var juryContext = await portal.SignedInAsync("jury@cqp.test");
        var jury = await juryContext.NewPageAsync();
        await jury.GotoAsync("/Jury");
        await Assertions.Expect(jury.GetByRole(AriaRole.Heading, new() { Name = "Mes jurys" })).ToBeVisibleAsync();
        var card = jury.Locator($"section[aria-labelledby='jury-{juryId}']");
        await Assertions.Expect(card).ToContainTextAsync($"{lastName.ToUpperInvariant()} Maëlle");
        await Assertions.Expect(card).ToContainTextAsync("VAE");
        await Accessibility.AssertNoSeriousViolationsAsync(jury);
        var download = await jury.RunAndWaitForDownloadAsync(() =>
            card.GetByRole(AriaRole.Link, new() { Name = $"Dossier du jury (PDF) de {lastName.ToUpperInvariant()} Maëlle" }).ClickAsync());
        var text = PdfText.Of(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains($"Maëlle {lastName}", text);
        Assert.Contains("permanence d'un cabinet d'avocats", text);
    }
}
