using System.Net;
using System.Text.Json;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Surveys;

/// <summary>Holders are invited 6 and 24 months after certification, once per wave, and answer from their own space.</summary>
[Collection(PortalCollection.Name)]
public class HolderSurveyTests(DemoPortal portal)
{
    /// <summary>A candidate account whose registration got a total validation <paramref name="monthsAgo"/> months ago.</summary>
    private async Task<PortalClient> HolderAsync(int monthsAgo, int extraDays = 0)
    {
        var client = await TestAccounts.SignedInAsync(portal, Identity.Roles.Candidate, "Sofia Lambert");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var today = DayInParis.Today(TimeProvider.System);
        var userId = await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync();
        var certificationId = await db.Certifications.Select(c => c.Id).FirstAsync();
        var candidate = new Candidate { UserId = userId, Email = client.Email!, FirstName = "Sofia", LastName = "Lambert", BirthDate = new DateOnly(1990, 3, 4), Sex = Sex.Female, Region = Region.Ouest };
        var registration = new Registration
        {
            CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EducationLevel = 4,
            EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = today.AddMonths(-monthsAgo - 10),
        };
        registration.JuryDecisions.Add(new JuryDecision { DecidedOn = today.AddMonths(-monthsAgo).AddDays(-extraDays), Result = JuryResult.TotalValidation });
        candidate.Registrations.Add(registration);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return client;
    }

    private async Task<int> InviteDueAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var portalSettings = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CqpPortal.Web.Hosting.PortalSettings>>().Value;
        return await scope.ServiceProvider.GetRequiredService<HolderSurveys>().InviteDueAsync(id => portalSettings.PublicLink(HolderSurveys.OwnSpacePath(id)));
    }

    private int MailsTo(string email) => portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase));

    private async Task<int> SixMonthResponsesAsync(int year)
    {
        using var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");
        using var json = JsonDocument.Parse(await sist.Http.GetStringAsync($"/Analyse/Statistiques/{year}.json"));
        return json.RootElement.GetProperty("holders").GetProperty("6 mois").GetProperty("responses").GetInt32();
    }

    [Fact]
    public async Task A_holder_is_invited_once_when_the_six_month_wave_falls_due_and_answers_from_the_link()
    {
        using var holder = await HolderAsync(monthsAgo: 6);
        await InviteDueAsync();
        await InviteDueAsync(); // the daily job may run twice (a retry, a second node): one invitation only
        Assert.Equal(1, MailsTo(holder.Email!));
        var mail = portal.Mail.LatestTo(holder.Email!);
        Assert.Contains("situation 6 mois", mail);
        var link = new Uri(MailFolder.FirstLink(mail, "/Candidat/Enquete/")).PathAndQuery;

        var (_, home) = await holder.GetAsync("/Candidat");
        Assert.Contains("Répondre à l'enquête 6 mois", home.Body!.TextContent);

        // Employed but without contract and sector: French messages beside the fields, the typed job kept.
        var incomplete = await holder.SubmitAsync(link, new Dictionary<string, string> { ["Input.Situation"] = "Employed", ["Input.JobTitle"] = "Standardiste" });
        var page = await PortalClient.ParseAsync(incomplete);
        Assert.Contains("Indiquez votre type de contrat.", page.QuerySelector("#contract-error")!.TextContent);
        Assert.Contains("dans la branche", page.QuerySelector("#sector-error")!.TextContent);
        Assert.Equal("Standardiste", page.QuerySelector("#Input_JobTitle")!.GetAttribute("value"));

        var year = DayInParis.Today(TimeProvider.System).Year;
        var before = await SixMonthResponsesAsync(year);
        var answered = await holder.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Situation"] = "Employed", ["Input.Contract"] = "Cdi", ["Input.Sector"] = "Branch", ["Input.JobTitle"] = "Standardiste",
        });
        Assert.True(PortalClient.IsRedirectTo(answered, link), $"{answered.StatusCode}");
        var (_, summary) = await holder.GetAsync(link);
        Assert.Contains("votre réponse", summary.Body!.TextContent);
        Assert.Contains("CDI", summary.Body.TextContent);
        Assert.Equal(before + 1, await SixMonthResponsesAsync(year));

        await using var scope = portal.Services.CreateAsyncScope();
        var survey = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().HolderSurveys.SingleAsync(s => s.Registration!.Candidate!.Email == holder.Email);
        Assert.Equal((HolderSituation.Employed, EmploymentContract.Cdi, (string?)null), (survey.Situation!.Value, survey.Contract!.Value, survey.NsfCode));
    }

    [Fact]
    public async Task The_demo_holder_from_the_records_is_invited_by_the_run_that_a_start_enqueues()
    {
        // ./portal run: the scheduler's catch-up run at start (SchedulerTests) invites her, certified six months before the seeding.
        await InviteDueAsync();
        var mail = portal.Mail.LatestTo("ines.garnier@exemple.fr");
        Assert.Contains("Bonjour Inès", mail);
        Assert.Contains("/Enquete/", mail);
        Assert.DoesNotContain("/Candidat/Enquete/", mail); // no login
    }

    [Fact]
    public async Task No_invitation_before_the_due_day_nor_long_after_it()
    {
        using var early = await HolderAsync(monthsAgo: 5);
        using var late = await HolderAsync(monthsAgo: 10); // due four months ago: past the 90-day window
        await InviteDueAsync();
        Assert.Equal(0, MailsTo(early.Email!));
        Assert.Equal(0, MailsTo(late.Email!));
    }

    [Fact]
    public async Task A_survey_is_answered_only_by_its_holder()
    {
        using var holder = await HolderAsync(monthsAgo: 24);
        await InviteDueAsync();
        var link = new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(holder.Email!), "/Candidat/Enquete/")).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await holder.Http.GetAsync(link)).StatusCode);

        using var other = await TestAccounts.SignedInAsync(portal, Identity.Roles.Candidate);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(link)).StatusCode);
        using var demoCandidate = PortalClient.For(portal);
        await demoCandidate.LoginAsync("candidat@cqp.test");
        var (_, ownPage) = await demoCandidate.GetAsync("/Candidat");
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await demoCandidate.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Situation"] = "Other" }));
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync(link), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(link), "/Compte/Connexion"));

        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().HolderSurveys
            .Where(s => s.Registration!.Candidate!.Email == holder.Email).Select(s => s.RespondedOn).SingleAsync());
    }
}
