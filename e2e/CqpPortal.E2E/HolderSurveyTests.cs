using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CqpPortal.Domain.Time;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class HolderSurveyTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_holder_answers_the_six_month_survey_from_the_dashboard()
    {
        var email = $"titulaire-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Yasmine Roche" };
            await users.CreateAsync(user, PortalClient.DemoPassword);
            await users.AddToRoleAsync(user, Roles.Candidate);
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var today = DayInParis.Today(TimeProvider.System);
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Vae, State = RegistrationState.Admissible,
                EducationLevel = 3, EmploymentStatus = EmploymentStatus.JobSeeker, Region = Region.Sud, RegisteredOn = today.AddMonths(-14),
            };
            registration.JuryDecisions.Add(new JuryDecision { DecidedOn = today.AddMonths(-6), Result = JuryResult.TotalValidation });
            db.Candidates.Add(new Candidate { UserId = user.Id, Email = email, FirstName = "Yasmine", LastName = "Roche", BirthDate = new DateOnly(1985, 5, 6), Sex = Sex.Female, Region = Region.Sud, Registrations = [registration] });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<HolderSurveys>().InviteDueAsync(id => $"{portal.BaseUrl}/Candidat/Enquete/{id}");
        }
        Assert.Contains("/Candidat/Enquete/", portal.Mail.LatestTo(email));

        await using var context = await portal.SignedInAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Candidat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Répondre à l'enquête 6 mois après le CQP" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("En formation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#level-error")).ToHaveTextAsync("Indiquez le niveau de la formation suivie.");
        await Assertions.Expect(page.GetByLabel("En formation")).ToBeCheckedAsync();
        await page.GetByLabel("Niveau de la formation suivie").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("votre réponse");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
