using System.Net;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Surveys;

/// <summary>The portal on a database of its own, without demo data: the survey job's runs at fake dates see only these tests' holders.</summary>
public sealed class SurveyLinkPortal() : PortalFactory(TestCluster.NewDatabase("surveylinks"), demoData: false,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000" });

/// <summary>
/// The holders' follow-up through personal links: the survey job run with a fake clock (twice a day, as a retry or a
/// second node would) opens the 6- and 24-month waves for every holder, e-mails a link to those with an address,
/// reminds them at 7 and 21 days, each once; the anonymous pages answer and opt out through a link, and refuse unknown,
/// tampered, expired, used and opted-out links and contradictory answers. Each test works in years of its own (a run
/// opens every holder's due waves).
/// </summary>
public class SurveyLinkTests(SurveyLinkPortal portal) : IClassFixture<SurveyLinkPortal>
{
    /// <summary>The job's service with a fake clock at 09:00 in Paris on <paramref name="day"/>, run twice (a retry, a second node).</summary>
    private async Task RunTwiceOnAsync(DateOnly day)
    {
        for (var run = 0; run < 2; run++)
        {
            var clock = new FakeTimeProvider(DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime());
            await using var scope = portal.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var keys = ActivatorUtilities.CreateInstance<NotificationKeys>(services, clock);
            await ActivatorUtilities.CreateInstance<HolderSurveys>(services, keys, clock).RunDueAsync();
        }
    }

    private List<string> MailsTo(string email) =>
        portal.Mail.All().Where(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)).ToList();

    private static string AnswerLink(string mail) => new Uri(MailFolder.FirstLink(mail, "/Enquete/")).PathAndQuery;

    private static string OptOutLink(string mail) => new Uri(MailFolder.FirstLink(mail, "/Desinscription")).PathAndQuery;

    private static string Email(string name) => $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@exemple.fr";

    /// <summary>
    /// A holder certified on <paramref name="certifiedOn"/>: through a portal jury's final decision (CertifiedOn not set
    /// yet) or, <paramref name="imported"/>, from the organisation's records (CertifiedOn only, no jury). No login either way.
    /// </summary>
    private async Task<int> HolderAsync(string lastName, string email, DateOnly certifiedOn, bool imported = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training, State = RegistrationState.Admissible,
            EducationLevel = 4, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = certifiedOn.AddMonths(-10),
            CertifiedOn = imported ? certifiedOn : null,
        };
        if (!imported) registration.JuryDecisions.Add(new JuryDecision { DecidedOn = certifiedOn, Result = JuryResult.TotalValidation });
        db.Candidates.Add(new Candidate
        {
            FirstName = "Léa", LastName = lastName, Email = email, BirthDate = new DateOnly(1990, 3, 4), Sex = Sex.Female, Region = Region.Ouest,
            Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return registration.Id;
    }

    private async Task<List<HolderSurvey>> SurveysOfAsync(int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().HolderSurveys.Include(s => s.Links).AsNoTracking()
            .Where(s => s.RegistrationId == registrationId).OrderBy(s => s.Wave).ToListAsync();
    }

    private static Dictionary<string, string> Employed() => new()
    {
        ["Input.Situation"] = "Employed", ["Input.Contract"] = "Cdi", ["Input.Sector"] = "Branch", ["Input.JobTitle"] = "Télésecrétaire médicale", ["Input.Company"] = "Cabinet Vidal",
    };

    [Fact]
    public async Task A_holder_is_invited_at_6_and_24_months_reminded_at_7_and_21_days_each_once_and_an_answer_stops_the_reminders()
    {
        var certifiedOn = new DateOnly(2031, 1, 15);
        var email = Email("Suivie");
        var registrationId = await HolderAsync("Suivie", email, certifiedOn);
        var due = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths);

        await RunTwiceOnAsync(due.AddDays(-1));
        Assert.Empty(MailsTo(email));
        await RunTwiceOnAsync(due);
        var invitation = Assert.Single(MailsTo(email));
        Assert.Contains("Subject: Votre situation 6 mois après le CQP", invitation);
        Assert.Contains("Bonjour Léa", invitation);
        Assert.DoesNotContain("Suivie", invitation); // no personal data beyond the first name
        Assert.Contains($"jusqu'au {FrenchFormat.Date(due.AddDays(60))} inclus", invitation);
        Assert.Contains("/Desinscription", invitation);
        Assert.DoesNotContain("/Candidat/Enquete/", invitation); // no login: the personal link only

        await RunTwiceOnAsync(due.AddDays(6));
        Assert.Single(MailsTo(email));
        await RunTwiceOnAsync(due.AddDays(7));
        await RunTwiceOnAsync(due.AddDays(20));
        Assert.Equal(2, MailsTo(email).Count);
        Assert.Contains("Subject: Rappel : votre situation 6 mois", MailsTo(email)[1]);
        await RunTwiceOnAsync(due.AddDays(21));
        await RunTwiceOnAsync(due.AddDays(40));
        await RunTwiceOnAsync(due.AddDays(61));
        var mails = MailsTo(email);
        Assert.Equal(3, mails.Count);
        Assert.Contains("Subject: Dernier rappel : votre situation 6 mois", mails[2]);

        // One link per e-mail, each a fresh token stored as its hash only, each still open.
        var links = mails.Select(AnswerLink).ToList();
        Assert.Equal(3, links.Distinct().Count());
        var survey = Assert.Single(await SurveysOfAsync(registrationId));
        Assert.Equal([SurveyLinkPurpose.Invitation, SurveyLinkPurpose.FirstReminder, SurveyLinkPurpose.SecondReminder], survey.Links.OrderBy(l => l.Id).Select(l => l.Purpose));
        Assert.Equal(links.Select(l => SurveyLinkToken.Hash(l.Split('/')[2])).Order(), survey.Links.Select(l => l.TokenHash).Order());
        Assert.NotNull(survey.FirstReminderAt);
        Assert.NotNull(survey.SecondReminderAt);
        Assert.Null(survey.RespondedOn);
        using var visitor = PortalClient.For(portal);
        foreach (var link in links)
        {
            var (response, page) = await visitor.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Léa Suivie", page.Body!.TextContent);
            Assert.Contains(FrenchFormat.Date(certifiedOn), page.Body.TextContent);
            Assert.True(response.Headers.CacheControl?.NoStore, "private page: not stored");
        }

        // The 24-month wave: invited too; answered through its link, it gets no reminder.
        var due24 = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.TwentyFourMonths);
        await RunTwiceOnAsync(due24);
        var invitation24 = Assert.Single(MailsTo(email).Skip(3));
        Assert.Contains("Subject: Votre situation 24 mois après le CQP", invitation24);
        var answered = await visitor.SubmitAsync(AnswerLink(invitation24), Employed());
        Assert.True(PortalClient.IsRedirectTo(answered, "/Enquete/Merci"), $"{answered.StatusCode}");
        await RunTwiceOnAsync(due24.AddDays(7));
        await RunTwiceOnAsync(due24.AddDays(21));
        Assert.Equal(4, MailsTo(email).Count);

        var surveys = await SurveysOfAsync(registrationId);
        var answer = surveys.Single(s => s.Wave == SurveyWave.TwentyFourMonths);
        Assert.Equal((HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch, "Télésecrétaire médicale", "Cabinet Vidal", SurveyAnswerChannel.Online),
            (answer.Situation!.Value, answer.Contract!.Value, answer.Sector!.Value, answer.JobTitle, answer.Company, answer.Channel!.Value));
        Assert.Equal(DayInParis.Today(TimeProvider.System), answer.RespondedOn);
        Assert.Null(answer.FirstReminderAt);

        // The answers file for SIST gains the line at its next refresh.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var answersFile = scope.ServiceProvider.GetRequiredService<SurveyAnswersFile>();
            Assert.True(await answersFile.RefreshAsync());
            var file = await answersFile.LatestContentAsync();
            using var workbook = new MemoryStream(file!.Content);
            var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            var line = Assert.Single(rows, r => (r["Nom"] as string) == "Suivie");
            Assert.Equal(("24 mois", "En emploi", "Cabinet Vidal", "En ligne"), (line["Vague"], line["Situation"], line["Entreprise"], line["Canal"]));
        }

        // The link of an answered survey says so (410), without anyone's data, and takes no second answer.
        var (used, usedPage) = await visitor.GetAsync(AnswerLink(invitation24));
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("Vous avez déjà répondu à cette enquête", usedPage.Body!.TextContent);
        Assert.DoesNotContain("Suivie", usedPage.Body.TextContent);
    }

    [Fact]
    public async Task An_imported_holder_without_login_is_invited_and_a_holder_without_email_gets_a_survey_to_phone_but_no_email()
    {
        var certifiedOn = new DateOnly(2034, 3, 2);
        var email = Email("Importee");
        var imported = await HolderAsync("Importee", email, certifiedOn, imported: true);
        var silent = await HolderAsync("Sansadresse", "", certifiedOn, imported: true);
        var due = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths);
        var before = portal.Mail.All().Count;

        await RunTwiceOnAsync(due);
        await RunTwiceOnAsync(due.AddDays(7));
        await RunTwiceOnAsync(due.AddDays(21));

        Assert.Equal(3, MailsTo(email).Count);
        Assert.Equal(before + 3, portal.Mail.All().Count);
        var invited = Assert.Single(await SurveysOfAsync(imported));
        Assert.NotNull(invited.InvitedAt);
        var toPhone = Assert.Single(await SurveysOfAsync(silent));
        Assert.Equal((SurveyWave.SixMonths, due, (DateTimeOffset?)null, (DateTimeOffset?)null), (toPhone.Wave, toPhone.DueOn, toPhone.InvitedAt, toPhone.FirstReminderAt));
        Assert.Empty(toPhone.Links);
    }

    [Fact]
    public async Task A_holder_whose_address_is_known_only_after_the_wave_opened_is_invited_once_with_sixty_days_from_then()
    {
        var certifiedOn = new DateOnly(2035, 5, 11);
        var registrationId = await HolderAsync("Tardive", "", certifiedOn, imported: true);
        var due = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths);
        await RunTwiceOnAsync(due);
        Assert.Null(Assert.Single(await SurveysOfAsync(registrationId)).InvitedAt);

        var email = Email("Tardive");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var candidate = await db.Candidates.SingleAsync(c => c.Registrations.Any(r => r.Id == registrationId));
            candidate.Email = email;
            await db.SaveChangesAsync();
        }
        await RunTwiceOnAsync(due.AddDays(10));
        await RunTwiceOnAsync(due.AddDays(11));

        var invitation = Assert.Single(MailsTo(email));
        Assert.Contains("/Enquete/", invitation);
        var survey = Assert.Single(await SurveysOfAsync(registrationId));
        Assert.Equal(due.AddDays(10), DayInParis.Of(survey.InvitedAt!.Value));
        Assert.Equal(SurveyReminders.ExpiresAt(survey.InvitedAt.Value), Assert.Single(survey.Links).ExpiresAt);
        Assert.Null(survey.FirstReminderAt);
    }

    [Fact]
    public async Task An_online_answer_after_the_window_closed_is_refused_in_french_but_staff_may_still_type_one_received_by_phone()
    {
        var certifiedOn = new DateOnly(2036, 2, 3);
        var email = Email("Horsdelai");
        var registrationId = await HolderAsync("Horsdelai", email, certifiedOn);
        var due = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths);
        await RunTwiceOnAsync(due);
        var answer = new SurveyAnswer(HolderSituation.JobSeeker, null, null, null, null, null);

        async Task<IReadOnlyList<(string Field, string Message)>> AnswerOnAsync(DateOnly day, SurveyAnswerChannel channel)
        {
            var clock = new FakeTimeProvider(DayInParis.At(day, new TimeOnly(10, 0)).ToUniversalTime());
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var survey = await db.HolderSurveys.SingleAsync(s => s.RegistrationId == registrationId);
            return await ActivatorUtilities.CreateInstance<HolderSurveys>(scope.ServiceProvider, clock).AnswerAsync(survey, answer, channel);
        }

        var late = await AnswerOnAsync(due.AddDays(SurveyReminders.AnswerWindowDays + 1), SurveyAnswerChannel.Online);
        Assert.Contains("Cette enquête est close depuis le", Assert.Single(late).Message);
        Assert.Null(Assert.Single(await SurveysOfAsync(registrationId)).RespondedOn);

        Assert.Empty(await AnswerOnAsync(due.AddDays(SurveyReminders.AnswerWindowDays + 1), SurveyAnswerChannel.Phone));
        Assert.Equal(SurveyAnswerChannel.Phone, Assert.Single(await SurveysOfAsync(registrationId)).Channel);
        var again = await AnswerOnAsync(due.AddDays(SurveyReminders.AnswerWindowDays + 2), SurveyAnswerChannel.Paper);
        Assert.Contains("déjà une réponse", Assert.Single(again).Message);
    }

    [Fact]
    public async Task Opting_out_in_one_click_stops_the_reminders_and_the_later_wave_and_touches_no_other_survey()
    {
        var certifiedOn = new DateOnly(2037, 5, 20);
        var email = Email("Desinscrite");
        var otherEmail = Email("Voisine");
        var registrationId = await HolderAsync("Desinscrite", email, certifiedOn);
        var otherId = await HolderAsync("Voisine", otherEmail, certifiedOn, imported: true);
        var due = HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths);
        await RunTwiceOnAsync(due);
        var optOut = OptOutLink(Assert.Single(MailsTo(email)));

        using var visitor = PortalClient.For(portal);
        var (shown, page) = await visitor.GetAsync(optOut); // a mail scanner's GET changes nothing
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Ne plus recevoir l'enquête de suivi", page.Body!.TextContent);
        Assert.Null(Assert.Single(await SurveysOfAsync(registrationId)).OptedOutAt);

        var posted = await visitor.SubmitAsync(optOut, new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(posted, optOut), $"{posted.StatusCode}");
        var (_, confirmed) = await visitor.GetAsync(optOut);
        Assert.Contains("Vous ne recevrez plus l'enquête de suivi", confirmed.Body!.TextContent);
        Assert.NotNull(Assert.Single(await SurveysOfAsync(registrationId)).OptedOutAt);
        Assert.Null(Assert.Single(await SurveysOfAsync(otherId)).OptedOutAt);

        var (closed, closedPage) = await visitor.GetAsync(AnswerLink(MailsTo(email)[0]));
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains("Vous ne participez plus à cette enquête", closedPage.Body!.TextContent);

        await RunTwiceOnAsync(due.AddDays(7));
        await RunTwiceOnAsync(due.AddDays(21));
        await RunTwiceOnAsync(HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.TwentyFourMonths));
        Assert.Single(MailsTo(email));
        Assert.Single(await SurveysOfAsync(registrationId)); // no 24-month survey
        Assert.Equal(4, MailsTo(otherEmail).Count); // the other holder: invitation, two reminders, the 24-month wave
    }

    [Fact]
    public async Task Unknown_tampered_and_malformed_links_get_a_french_404_page_and_change_nothing()
    {
        var certifiedOn = new DateOnly(2040, 2, 10);
        var email = Email("Intacte");
        var registrationId = await HolderAsync("Intacte", email, certifiedOn);
        await RunTwiceOnAsync(HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths));
        var link = AnswerLink(Assert.Single(MailsTo(email)));
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        using var visitor = PortalClient.For(portal);
        foreach (var url in new[] { tampered, "/Enquete/" + SurveyLinkToken.New(), "/Enquete/abc", "/Enquete/%27%20OR%201%3D1", tampered + "/Desinscription" })
        {
            var (response, page) = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("n'est pas reconnu", page.Body!.TextContent);
            Assert.Contains("page Contact", page.Body.TextContent);
            Assert.DoesNotContain("Intacte", page.Body.TextContent);
        }

        // Posts with a valid antiforgery token (from the real form) to a tampered link: 404, nothing saved, nothing opted out.
        var (_, form) = await visitor.GetAsync(link);
        var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var answer = new Dictionary<string, string>(Employed()) { ["__RequestVerificationToken"] = antiforgery };
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.PostAsync(tampered, new FormUrlEncodedContent(answer))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.PostAsync(tampered + "/Desinscription",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }))).StatusCode);
        var survey = Assert.Single(await SurveysOfAsync(registrationId));
        Assert.Equal(((DateOnly?)null, (DateTimeOffset?)null), (survey.RespondedOn, survey.OptedOutAt));
    }

    [Fact]
    public async Task An_expired_link_says_so_with_a_410_page_and_takes_no_answer()
    {
        // Invited more than 60 days before today (real clock of the pages): 2025 is long past.
        var certifiedOn = new DateOnly(2025, 1, 20);
        var email = Email("Expiree");
        var registrationId = await HolderAsync("Expiree", email, certifiedOn);
        await RunTwiceOnAsync(HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths));
        var link = AnswerLink(Assert.Single(MailsTo(email)));

        using var visitor = PortalClient.For(portal);
        var (response, page) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Cette enquête est close", page.Body!.TextContent);
        Assert.Contains("Le délai pour répondre à cette enquête est passé", page.Body.TextContent);
        Assert.DoesNotContain("Expiree", page.Body.TextContent);
        Assert.DoesNotContain(page.Forms, f => f.Method == "post");

        var (_, contact) = await visitor.GetAsync("/Contact");
        var antiforgery = contact.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await visitor.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>(Employed()) { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Null(Assert.Single(await SurveysOfAsync(registrationId)).RespondedOn);
    }

    [Fact]
    public async Task A_contradictory_answer_is_refused_in_french_nothing_is_saved_and_the_form_comes_back_filled()
    {
        var certifiedOn = new DateOnly(2043, 6, 3);
        var email = Email("Contradiction");
        var registrationId = await HolderAsync("Contradiction", email, certifiedOn);
        await RunTwiceOnAsync(HolderSurveySchedule.DueOn(certifiedOn, SurveyWave.SixMonths));
        var link = AnswerLink(Assert.Single(MailsTo(email)));

        using var visitor = PortalClient.For(portal);
        var refused = await visitor.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Situation"] = "JobSeeker", ["Input.Contract"] = "Cdd", ["Input.JobTitle"] = "Standardiste", ["Input.Company"] = "Cabinet Vidal",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("Vous avez indiqué être demandeur d'emploi : le type de contrat ne concerne que les titulaires en emploi.", page.QuerySelector("#contract-error")!.TextContent);
        Assert.Contains("l'emploi occupé ne concerne que les titulaires en emploi", page.QuerySelector("#job-error")!.TextContent);
        Assert.Contains("le type de contrat", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.NotNull(page.QuerySelector("#situation-JobSeeker[checked]"));
        Assert.NotNull(page.QuerySelector("#contract-Cdd[checked]"));
        Assert.Equal("Standardiste", page.QuerySelector("#Input_JobTitle")!.GetAttribute("value"));
        Assert.Equal("Cabinet Vidal", page.QuerySelector("#Input_Company")!.GetAttribute("value"));
        var survey = Assert.Single(await SurveysOfAsync(registrationId));
        Assert.Equal(((DateOnly?)null, (HolderSituation?)null, (SurveyAnswerChannel?)null), (survey.RespondedOn, survey.Situation, survey.Channel));
        Assert.NotNull(page.QuerySelector("#sector-none[checked]")); // « sans objet » takes back a radio answer

        var corrected = await visitor.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[method=post]")!, link, new Dictionary<string, string>
        {
            ["Input.Situation"] = "JobSeeker", ["Input.Contract"] = "", ["Input.JobTitle"] = "", ["Input.Company"] = "",
        });
        Assert.True(PortalClient.IsRedirectTo(corrected, "/Enquete/Merci"), $"{corrected.StatusCode}");
        survey = Assert.Single(await SurveysOfAsync(registrationId));
        Assert.Equal((HolderSituation.JobSeeker, (EmploymentContract?)null, (string?)null, SurveyAnswerChannel.Online), (survey.Situation!.Value, survey.Contract, survey.JobTitle, survey.Channel!.Value));
    }
}
