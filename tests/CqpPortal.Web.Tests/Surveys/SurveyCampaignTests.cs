using System.Net;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports;
using CqpPortal.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace CqpPortal.Web.Tests.Surveys;

/// <summary>
/// Staff follow the survey campaigns, phone the holders no e-mail reaches and type their answers; SIST downloads the
/// answers file, made again only when the answers change, and is told once a week when it did.
/// </summary>
[Collection(PortalCollection.Name)]
public class SurveyCampaignTests(DemoPortal portal)
{
    private const string Campaigns = "/Staff/Enquetes";
    private const string AnswersPage = "/Analyse/Enquetes";
    private static readonly DateOnly Today = DayInParis.Today(TimeProvider.System);

    /// <summary>A jury session of its own (a unique city), so its cohort's line holds only this test's holders.</summary>
    private async Task<(int Id, string City, DateOnly On)> JurySessionAsync(int monthsAgo, int extraDays)
    {
        var on = Today.AddMonths(-monthsAgo).AddDays(-extraDays);
        var city = "Essai-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Jury,
            StartsAt = DayInParis.At(on, new TimeOnly(9, 0)).ToUniversalTime(), DurationMinutes = 240, PlaceName = "Salle du jury",
            Address = "1 rue des Tests", PostalCode = "67000", City = city, Region = Region.Est, Capacity = 10, RegistrationDeadline = on.AddDays(-14),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return (session.Id, city, on);
    }

    /// <summary>A holder certified on <paramref name="certifiedOn"/> (by the jury session when given) with one survey shaped by <paramref name="shape"/>.</summary>
    private async Task<(int SurveyId, string LastName)> HolderSurveyAsync(int? sessionId, DateOnly certifiedOn, Action<HolderSurvey> shape,
        string? email = "", string? phone = null, SurveyWave wave = SurveyWave.SixMonths)
    {
        var lastName = "Suivi" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training, State = RegistrationState.Admissible,
            EducationLevel = 4, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Est, RegisteredOn = certifiedOn.AddMonths(-10), CertifiedOn = certifiedOn,
        };
        registration.JuryDecisions.Add(new JuryDecision { SessionId = sessionId, DecidedOn = certifiedOn, Result = JuryResult.TotalValidation });
        var survey = new HolderSurvey { Wave = wave, DueOn = certifiedOn.AddMonths((int)wave) };
        shape(survey);
        registration.Surveys.Add(survey);
        db.Candidates.Add(new Candidate
        {
            FirstName = "Inès", LastName = lastName, Email = email == "" ? $"{lastName.ToLowerInvariant()}@exemple.fr" : email ?? "", Phone = phone,
            BirthDate = new DateOnly(1991, 2, 3), Sex = Sex.Female, Region = Region.Est, Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (survey.Id, lastName);
    }

    private static void Answer(HolderSurvey s, SurveyAnswerChannel channel)
    {
        s.RespondedOn = Today.AddDays(-2);
        s.Situation = HolderSituation.JobSeeker;
        s.Channel = channel;
    }

    private async Task<HolderSurvey> ReloadAsync(int surveyId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().HolderSurveys.AsNoTracking().SingleAsync(s => s.Id == surveyId);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email);
        return client;
    }

    private static IReadOnlyList<string> Cells(AngleSharp.Dom.IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task Staff_see_each_cohorts_invited_reminded_answered_by_channel_opted_out_and_response_rate()
    {
        var jury = await JurySessionAsync(monthsAgo: 6, extraDays: 10);
        var now = DateTimeOffset.UtcNow;
        await HolderSurveyAsync(jury.Id, jury.On, s => { s.InvitedAt = now.AddDays(-10); Answer(s, SurveyAnswerChannel.Online); });
        await HolderSurveyAsync(jury.Id, jury.On, s => { s.InvitedAt = now.AddDays(-10); s.FirstReminderAt = now.AddDays(-3); Answer(s, SurveyAnswerChannel.Phone); });
        await HolderSurveyAsync(jury.Id, jury.On, s => Answer(s, SurveyAnswerChannel.Paper), email: null);
        await HolderSurveyAsync(jury.Id, jury.On, s => { s.InvitedAt = now.AddDays(-10); s.FirstReminderAt = now.AddDays(-3); s.OptedOutAt = now.AddDays(-1); });
        await HolderSurveyAsync(jury.Id, jury.On, s => s.InvitedAt = now.AddDays(-10));
        await HolderSurveyAsync(jury.Id, jury.On, s => s.InvitedAt = null, wave: SurveyWave.TwentyFourMonths); // not due for 18 months: not counted

        using var staff = await SignedInAsync("staff@cqp.test");
        var (response, page) = await staff.GetAsync(Campaigns);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("#cohorts-6 tbody tr").Single(r => r.TextContent.Contains(jury.City));
        Assert.Equal([$"Jury du {FrenchFormat.Date(jury.On)} ({jury.City})", "5", "4", "2", "3", "1", "1", "1", FrenchFormat.Share(0.6)], Cells(row));
        Assert.DoesNotContain(page.QuerySelectorAll("#cohorts-24 tbody tr"), r => r.TextContent.Contains(jury.City));
        Assert.Equal(2, page.QuerySelectorAll("#waves tbody tr").Length);

        using var home = await SignedInAsync("admin@cqp.test");
        var (_, staffHome) = await home.GetAsync("/Staff");
        Assert.NotNull(staffHome.QuerySelector($"a[href='{Campaigns}']"));
    }

    [Fact]
    public async Task Holders_certified_without_a_portal_jury_are_counted_under_taken_over_files_by_month()
    {
        var certifiedOn = Today.AddMonths(-24).AddDays(-40);
        await HolderSurveyAsync(null, certifiedOn, s => Answer(s, SurveyAnswerChannel.Import), wave: SurveyWave.TwentyFourMonths, email: null);

        using var staff = await SignedInAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync(Campaigns);
        var row = page.QuerySelectorAll("#cohorts-24 tbody tr").Single(r => r.TextContent.Contains($"Dossiers repris : obtenus en {FrenchFormat.Month(certifiedOn)}"));
        Assert.NotEqual("0", Cells(row)[4]);
    }

    [Fact]
    public async Task Holders_no_e_mail_reaches_are_listed_to_phone_and_on_request_those_silent_after_the_second_reminder()
    {
        var jury = await JurySessionAsync(monthsAgo: 6, extraDays: 5);
        var now = DateTimeOffset.UtcNow;
        var noEmail = await HolderSurveyAsync(jury.Id, jury.On, _ => { }, email: null, phone: "06 12 34 56 78");
        var silent = await HolderSurveyAsync(jury.Id, jury.On, s => { s.InvitedAt = now.AddDays(-25); s.FirstReminderAt = now.AddDays(-18); s.SecondReminderAt = now.AddDays(-4); });
        var answered = await HolderSurveyAsync(jury.Id, jury.On, s => Answer(s, SurveyAnswerChannel.Online), email: null);
        var optedOut = await HolderSurveyAsync(jury.Id, jury.On, s => s.OptedOutAt = now, email: null);

        using var staff = await SignedInAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync(Campaigns);
        var listed = page.QuerySelectorAll("#to-phone tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(listed, r => r.Contains(noEmail.LastName));
        Assert.Contains("06 12 34 56 78", row);
        Assert.Contains(FrenchFormat.Date(jury.On), row);
        Assert.NotNull(page.QuerySelector($"#to-phone a[href='/Staff/Enquetes/Reponse/{noEmail.SurveyId}']"));
        Assert.DoesNotContain(listed, r => r.Contains(silent.LastName) || r.Contains(answered.LastName) || r.Contains(optedOut.LastName));

        var (_, withReminded) = await staff.GetAsync($"{Campaigns}?relances=true");
        var all = withReminded.QuerySelectorAll("#to-phone tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(all, r => r.Contains(silent.LastName));
        Assert.Contains(all, r => r.Contains(noEmail.LastName));
        Assert.DoesNotContain(all, r => r.Contains(answered.LastName) || r.Contains(optedOut.LastName));
    }

    [Fact]
    public async Task Staff_type_an_answer_received_by_phone_recorded_with_its_channel_and_author_and_it_cannot_be_answered_twice()
    {
        var jury = await JurySessionAsync(monthsAgo: 6, extraDays: 3);
        var holder = await HolderSurveyAsync(jury.Id, jury.On, _ => { }, email: null, phone: "01 23 45 67 89");
        var url = $"/Staff/Enquetes/Reponse/{holder.SurveyId}";
        using var staff = await SignedInAsync("staff@cqp.test");
        var (_, formPage) = await staff.GetAsync(url);
        Assert.Contains(holder.LastName, formPage.QuerySelector("h1")!.TextContent);
        var form = formPage.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Situation"));

        // Employed without contract, sector nor channel: French messages beside the fields, what was typed comes back.
        var refused = await PortalClient.ParseAsync(await staff.PostFormAsync(form, url, new Dictionary<string, string>
        {
            ["Input.Situation"] = "Employed", ["Input.JobTitle"] = "Standardiste", ["Input.Company"] = "Allo Secrétariat",
        }));
        Assert.Contains("téléphone", refused.QuerySelector("#channel-error")!.TextContent);
        Assert.Contains("Indiquez le jour de la réponse", refused.QuerySelector("#received-error")!.TextContent);
        Assert.Contains("Indiquez votre type de contrat.", refused.QuerySelector("#contract-error")!.TextContent);
        Assert.Equal("Standardiste", refused.QuerySelector("#Input_JobTitle")!.GetAttribute("value"));
        Assert.Equal("Allo Secrétariat", refused.QuerySelector("#Input_Company")!.GetAttribute("value"));
        Assert.NotNull(refused.QuerySelector("#situation-Employed[checked]"));
        Assert.Null((await ReloadAsync(holder.SurveyId)).RespondedOn);

        var answer = new Dictionary<string, string>
        {
            ["Input.Channel"] = "Phone", ["Input.Situation"] = "Employed", ["Input.Contract"] = "Cdd", ["Input.Sector"] = "Branch",
            ["Input.JobTitle"] = "Standardiste", ["Input.Company"] = "Allo Secrétariat",
        };
        // A day after today is refused: the answer is dated the day of the call, which the statistics count.
        var future = await PortalClient.ParseAsync(await staff.PostFormAsync(form, url, new Dictionary<string, string>(answer) { ["Input.ReceivedOn"] = Today.AddDays(1).ToString("yyyy-MM-dd") }));
        Assert.Contains("après aujourd'hui", future.QuerySelector("#received-error")!.TextContent);
        answer["Input.ReceivedOn"] = Today.AddDays(-2).ToString("yyyy-MM-dd");
        var recorded = await staff.PostFormAsync(form, url, answer);
        Assert.True(PortalClient.IsRedirectTo(recorded, url), $"{recorded.StatusCode}");
        var survey = await ReloadAsync(holder.SurveyId);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var staffId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync();
            Assert.Equal((SurveyAnswerChannel.Phone, staffId, Today.AddDays(-2)), (survey.Channel!.Value, survey.RecordedByUserId, survey.RespondedOn!.Value));
        }
        Assert.Equal((HolderSituation.Employed, EmploymentContract.Cdd, "Allo Secrétariat"), (survey.Situation!.Value, survey.Contract!.Value, survey.Company));

        var (_, shown) = await staff.GetAsync(url);
        Assert.Contains("téléphone", shown.QuerySelector("#answer-origin")!.TextContent);
        Assert.Null(shown.QuerySelector("form input[name='Input.Situation']"));

        // A second answer (another tab, the same form posted again) is refused and changes nothing.
        var second = await PortalClient.ParseAsync(await staff.PostFormAsync(form, url, new Dictionary<string, string>(answer) { ["Input.Channel"] = "Paper", ["Input.Situation"] = "Other" }));
        Assert.Contains("déjà une réponse", second.QuerySelector(".validation-summary-errors")!.TextContent);
        var after = await ReloadAsync(holder.SurveyId);
        Assert.Equal((SurveyAnswerChannel.Phone, HolderSituation.Employed), (after.Channel!.Value, after.Situation!.Value));
    }

    [Fact]
    public async Task Only_staff_open_the_campaigns_and_type_answers_and_an_unknown_survey_is_not_found()
    {
        var holder = await HolderSurveyAsync(null, Today.AddMonths(-6).AddDays(-1), _ => { }, email: null);
        var entry = $"/Staff/Enquetes/Reponse/{holder.SurveyId}";
        foreach (var email in new[] { "staff@cqp.test", "admin@cqp.test" })
        {
            using var allowed = await SignedInAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await allowed.Http.GetAsync(Campaigns)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.Http.GetAsync(entry)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await allowed.Http.GetAsync("/Staff/Enquetes/Reponse/999999999")).StatusCode);
        }
        foreach (var email in new[] { "candidat@cqp.test", "titulaire@cqp.test", "manager@cqp.test", "sist@cqp.test", "comite@cqp.test", "jury@cqp.test", "evaluateur@cqp.test" })
        {
            using var refused = await SignedInAsync(email);
            foreach (var url in new[] { Campaigns, entry })
                Assert.True(PortalClient.IsRedirectTo(await refused.Http.GetAsync(url), "/Compte/AccesRefuse"), $"{email} {url}");
            var post = await refused.Http.PostAsync(entry, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Channel"] = "Phone", ["Input.Situation"] = "Other" }));
            Assert.True(PortalClient.IsRedirectTo(post, "/Compte/AccesRefuse") || post.StatusCode == HttpStatusCode.BadRequest, $"{email} POST {post.StatusCode}");
        }
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(entry), "/Compte/Connexion"));
        Assert.Null((await ReloadAsync(holder.SurveyId)).RespondedOn);
    }

    private SurveyAnswersFile AnswersFile(IServiceProvider services, TimeProvider clock) => ActivatorUtilities.CreateInstance<SurveyAnswersFile>(services, clock);

    private async Task<bool> RefreshAsync(TimeProvider clock)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await AnswersFile(scope.ServiceProvider, clock).RefreshAsync();
    }

    private async Task<int> AnnounceAsync(TimeProvider clock)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await AnswersFile(scope.ServiceProvider, clock).AnnounceAsync("http://localhost" + AnswersPage);
    }

    private static async Task<List<IDictionary<string, object>>> DownloadAsync(PortalClient sist)
    {
        var response = await sist.Http.GetAsync($"{AnswersPage}?handler=Fichier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(CqpPortal.Web.Imports.RecordFileWriter.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    private int NoticesTo(string email) => portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)
        && m.Contains("Fichier des r", StringComparison.Ordinal) && m.Contains("/Analyse/Enquetes"));

    [Fact]
    public async Task The_answers_file_gains_a_line_after_an_answer_is_not_made_again_when_nothing_changed_and_SIST_is_told_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await RefreshAsync(clock); // whatever the shared database held before
        await AnnounceAsync(clock);
        Assert.False(await RefreshAsync(clock));
        var noticesBefore = NoticesTo("sist@cqp.test");
        Assert.Equal(0, await AnnounceAsync(clock)); // nothing changed since the last notice

        var holder = await HolderSurveyAsync(null, Today.AddMonths(-6).AddDays(-3), s =>
        {
            s.RespondedOn = Today; s.Situation = HolderSituation.Employed; s.Contract = EmploymentContract.Cdi; s.Sector = EmploymentSector.OtherBranch;
            s.JobTitle = "Assistante"; s.Company = "Permanence Plus"; s.Channel = SurveyAnswerChannel.Phone;
        });
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await RefreshAsync(clock));
        Assert.False(await RefreshAsync(clock));

        using var sist = await SignedInAsync("sist@cqp.test");
        var (_, page) = await sist.GetAsync(AnswersPage);
        Assert.Contains(FrenchFormat.DateTime(clock.GetUtcNow()), page.QuerySelector("#answers-file")!.TextContent);
        var rows = await DownloadAsync(sist);
        var line = Assert.Single(rows, r => (r["Nom"] as string) == holder.LastName);
        Assert.Equal(("Inès", "6 mois", "En emploi", "CDI", "Autre branche", "Assistante", "Permanence Plus", "Téléphone"),
            (line["Prénom"], line["Vague"], line["Situation"], line["Statut du contrat"], line["Secteur"], line["Emploi occupé"], line["Entreprise"], line["Canal"]));
        Assert.Equal(Today.ToString("dd/MM/yyyy"), line["Date de réponse"]);
        Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelectorAll("#answers-file dd")[1].TextContent.Trim());

        // The weekly notice: once for this file, with the page's link and nothing personal.
        Assert.True(await AnnounceAsync(clock) >= 1);
        Assert.Equal(0, await AnnounceAsync(clock));
        Assert.Equal(noticesBefore + 1, NoticesTo("sist@cqp.test"));
        var notice = portal.Mail.LatestTo("sist@cqp.test");
        Assert.DoesNotContain(holder.LastName, notice);
        Assert.DoesNotContain("Attachment:", notice);
    }

    [Fact]
    public async Task Only_SIST_downloads_the_answers_file_not_even_from_the_report_runs()
    {
        await HolderSurveyAsync(null, Today.AddMonths(-6).AddDays(-4), s => Answer(s, SurveyAnswerChannel.Online));
        await RefreshAsync(TimeProvider.System);
        int fileId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            fileId = await db.ReportRunFiles.Where(f => db.ReportRuns.Any(r => r.Id == f.ReportRunId && r.Kind == ReportKinds.SurveyAnswers)).MaxAsync(f => f.Id);
        }

        using (var sist = await SignedInAsync("sist@cqp.test"))
        {
            Assert.Equal(HttpStatusCode.OK, (await sist.Http.GetAsync(AnswersPage)).StatusCode);
            await DownloadAsync(sist);
            Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync($"/Analyse/Rapports/Fichier/{fileId}")).StatusCode);
        }
        foreach (var email in new[] { "comite@cqp.test", "staff@cqp.test", "admin@cqp.test", "candidat@cqp.test", "titulaire@cqp.test", "manager@cqp.test", "jury@cqp.test", "evaluateur@cqp.test" })
        {
            using var refused = await SignedInAsync(email);
            foreach (var url in new[] { AnswersPage, $"{AnswersPage}?handler=Fichier" })
                Assert.True(PortalClient.IsRedirectTo(await refused.Http.GetAsync(url), "/Compte/AccesRefuse"), $"{email} {url}");
        }
        foreach (var email in new[] { "comite@cqp.test", "staff@cqp.test" })
        {
            using var runsReader = await SignedInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await runsReader.Http.GetAsync($"/Analyse/Rapports/Fichier/{fileId}")).StatusCode);
            var (_, runs) = await runsReader.GetAsync("/Analyse/Rapports");
            Assert.Null(runs.QuerySelector($"a[href='/Analyse/Rapports/Fichier/{fileId}']"));
        }
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync($"{AnswersPage}?handler=Fichier"), "/Compte/Connexion"));
    }
}
