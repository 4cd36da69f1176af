using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class SurveyLinkTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_holder_from_the_records_answers_through_the_link_of_the_email_without_signing_in()
    {
        var email = $"lien-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var today = DayInParis.Today(TimeProvider.System);
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Vae, State = RegistrationState.Admissible,
                EducationLevel = 3, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Sud, RegisteredOn = today.AddMonths(-14), CertifiedOn = today.AddMonths(-6),
            };
            db.Candidates.Add(new Candidate { Email = email, FirstName = "Maëlle", LastName = "Fabre", BirthDate = new DateOnly(1987, 9, 1), Sex = Sex.Female, Region = Region.Sud, Registrations = [registration] });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<HolderSurveys>().RunDueAsync();
        }
        var link = new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Enquete/")).PathAndQuery;

        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre situation 6 mois après le CQP" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Maëlle Fabre")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A contract for a job seeker: refused, in French, with what was typed kept.
        await page.GetByLabel("Demandeur d'emploi").CheckAsync();
        await page.GetByLabel("CDD").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contract-error")).ToContainTextAsync("le type de contrat ne concerne que les titulaires en emploi");
        await Assertions.Expect(page.GetByLabel("Demandeur d'emploi")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("CDD")).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#contract-none").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merci pour votre réponse" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous avez déjà répondu à cette enquête" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_demo_holder_is_invited_by_the_run_enqueued_at_start_and_unknown_links_get_a_french_page()
    {
        Assert.Contains("/Enquete/", portal.Mail.LatestTo("ines.garnier@exemple.fr")); // the catch-up run of the scheduler at start

        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/Enquete/" + CqpPortal.Domain.Surveys.SurveyLinkToken.New());
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ce lien d'enquête n'est pas reconnu" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
