using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Reports;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>
/// Two juries of 2025 with their holders' answers: jury A (12 March, 18 holders and a partial validation) answered at 6
/// and 24 months, jury B (14 May, 6 holders, every one « Autre » at 6 months) to show that a report counts its own
/// session only. The scheduler runs the queued reports.
/// </summary>
public sealed class OutcomeReportsPortal() : PortalFactory(TestCluster.NewDatabase("outcomes"), demoData: false,
    new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "true" }), IAsyncLifetime
{
    public static readonly DateOnly JuryADay = new(2025, 3, 12), JuryBDay = new(2025, 5, 14);

    public int JuryA { get; private set; }
    public int JuryB { get; private set; }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certification = await db.Certifications.SingleAsync();
        Session Jury(DateOnly day) => new()
        {
            CertificationId = certification.Id, Kind = SessionKind.Jury, StartsAt = DayInParis.At(day, new TimeOnly(10, 0)).ToUniversalTime(), DurationMinutes = 180,
            PlaceName = "Centre d'essai", Address = "1 rue du Test", PostalCode = "69000", City = "Lyon", Region = Region.Sud,
            Capacity = 30, RegistrationDeadline = day.AddDays(-14),
        };
        var a = Jury(JuryADay);
        var b = Jury(JuryBDay);
        db.Sessions.AddRange(a, b);

        DateTimeOffset Invited(DateOnly day, SurveyWave wave) => DayInParis.At(day.AddMonths((int)wave), new TimeOnly(9, 0)).ToUniversalTime();
        HolderSurvey Answer(DateOnly juryDay, SurveyWave wave, HolderSituation? situation, EmploymentContract? contract = null, EmploymentSector? sector = null,
            SurveyAnswerChannel channel = SurveyAnswerChannel.Online, bool reminded = false) => new()
        {
            Wave = wave, DueOn = juryDay.AddMonths((int)wave), InvitedAt = Invited(juryDay, wave),
            FirstReminderAt = reminded ? Invited(juryDay, wave).AddDays(7) : null,
            RespondedOn = situation is null ? null : juryDay.AddMonths((int)wave).AddDays(12),
            Channel = situation is null ? null : channel, Situation = situation, Contract = contract, Sector = sector,
        };

        var sixA = new List<HolderSurvey>();
        sixA.AddRange(Enumerable.Range(0, 5).Select(_ => Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch)));
        sixA.Add(Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.OtherBranch, reminded: true));
        sixA.AddRange(Enumerable.Range(0, 2).Select(_ => Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.Branch, SurveyAnswerChannel.Paper)));
        sixA.Add(Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.OtherBranch));
        sixA.AddRange(Enumerable.Range(0, 2).Select(_ => Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.JobSeeker, channel: SurveyAnswerChannel.Phone)));
        sixA.AddRange(Enumerable.Range(0, 5).Select(_ => Answer(JuryADay, SurveyWave.SixMonths, HolderSituation.InTraining)));
        sixA.AddRange(Enumerable.Range(0, 2).Select(_ => Answer(JuryADay, SurveyWave.SixMonths, null, reminded: true)));
        var i = 0;
        foreach (var survey in sixA)
        {
            var twentyFour = Answer(JuryADay, SurveyWave.TwentyFourMonths, i < 7 ? HolderSituation.Employed : null, i < 7 ? EmploymentContract.Cdi : null, i < 7 ? EmploymentSector.Branch : null);
            Holder(db, certification, a, JuryADay, JuryResult.TotalValidation, ++i, survey, twentyFour);
        }
        Holder(db, certification, a, JuryADay, JuryResult.PartialValidation, ++i);
        for (var k = 0; k < 6; k++) Holder(db, certification, b, JuryBDay, JuryResult.TotalValidation, ++i, Answer(JuryBDay, SurveyWave.SixMonths, HolderSituation.Other));
        await db.SaveChangesAsync();
        (JuryA, JuryB) = (a.Id, b.Id);
    }

    private static void Holder(CqpDbContext db, Certification certification, Session jury, DateOnly day, JuryResult result, int number, params HolderSurvey[] surveys)
    {
        var registration = new Registration
        {
            Certification = certification, Route = CertificationRoute.Training, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Sud,
            EducationLevel = 4, State = RegistrationState.Admissible, RegisteredOn = day.AddMonths(-10),
            JuryDecisions = [new JuryDecision { Session = jury, DecidedOn = day, Result = result }],
        };
        registration.Surveys.AddRange(surveys);
        db.Candidates.Add(new Candidate
        {
            FirstName = $"Devenir{number}", LastName = "Secret", Email = $"devenir{number}@exemple.fr", BirthDate = new(1991, 2, 3),
            Sex = Sex.Male, Region = Region.Sud, Registrations = [registration],
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<ReportRun> ProduceAsync(string kind, int sessionId)
    {
        ReportRun run;
        await using (var scope = Services.CreateAsyncScope())
            run = await scope.ServiceProvider.GetRequiredService<ReportRuns>().QueueAsync(kind, null, sessionId, null, "Test");
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            var current = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns.AsNoTracking().Include(r => r.Files).SingleAsync(r => r.Id == run.Id);
            if (current.State is ReportRunState.Succeeded or ReportRunState.Failed) return current;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Run {run.Id} still {current.State}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>The per-session outcome reports at 6 and 24 months: when the schedule queues them, and what they say.</summary>
public class HolderOutcomeReportTests(OutcomeReportsPortal portal) : IClassFixture<OutcomeReportsPortal>
{
    private async Task<IReadOnlyList<(string Kind, int? SessionId)>> QueueOnAsync(DateOnly day)
    {
        var clock = new FakeTimeProvider(DayInParis.At(day, new TimeOnly(6, 30)).ToUniversalTime());
        await using var scope = portal.Services.CreateAsyncScope();
        var schedules = ActivatorUtilities.CreateInstance<ReportSchedules>(scope.ServiceProvider, clock);
        return (await schedules.QueueDueHolderOutcomesAsync()).Select(r => (r.Kind, r.SessionId)).OrderBy(r => r.Kind).ThenBy(r => r.SessionId).ToList();
    }

    [Fact]
    public async Task The_schedule_queues_each_session_and_wave_once_its_answering_window_has_closed_and_an_old_6_month_key_skips_nothing()
    {
        // As the schedule before the window rule left it: a report queued the day the invitations left, under the old key.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            db.ReportRuns.Add(new ReportRun
            {
                Kind = ReportKinds.HolderOutcomes, SessionId = portal.JuryA, DedupeKey = $"holder-outcomes:session:{portal.JuryA}", RequestedByName = ReportRuns.SchedulerName,
                State = ReportRunState.Succeeded, CreatedAt = DayInParis.At(new DateOnly(2025, 9, 12), new TimeOnly(6, 30)).ToUniversalTime(),
            });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await QueueOnAsync(new DateOnly(2025, 9, 12)));  // the invitations leave at 9:00
        Assert.Empty(await QueueOnAsync(new DateOnly(2025, 11, 10))); // links still valid
        Assert.Equal([(ReportKinds.HolderOutcomes, portal.JuryA)], await QueueOnAsync(new DateOnly(2025, 11, 11)));
        Assert.Empty(await QueueOnAsync(new DateOnly(2025, 11, 11)));
        Assert.Empty(await QueueOnAsync(new DateOnly(2026, 1, 12)));
        Assert.Equal([(ReportKinds.HolderOutcomes, portal.JuryB)], await QueueOnAsync(new DateOnly(2026, 1, 13)));
        Assert.Empty(await QueueOnAsync(new DateOnly(2027, 5, 10)));
        Assert.Equal([(ReportKinds.HolderOutcomes24, portal.JuryA)], await QueueOnAsync(new DateOnly(2027, 5, 11)));
        Assert.Empty(await QueueOnAsync(new DateOnly(2027, 5, 11)));
        // Jury B's holders have no 24-month survey: its report is due all the same, on its own date.
        Assert.Equal([(ReportKinds.HolderOutcomes24, portal.JuryB)], await QueueOnAsync(new DateOnly(2027, 7, 13)));
    }

    [Fact]
    public async Task The_6_month_workbook_shows_the_answers_of_that_sessions_holders_only_masked_with_a_truthful_pie()
    {
        var run = await portal.ProduceAsync(ReportKinds.HolderOutcomes, portal.JuryA);

        Assert.Equal(ReportRunState.Succeeded, run.State);
        var file = run.Files.Single(f => f.FileName == "devenir-titulaires-6-mois-jury-2025-03-12.xlsx");
        using var book = Open(file.Content);
        Assert.Equal(["Synthèse", "Enquête", "Canal de réponse", "Situation", "Contrat", "Secteur"], book.SheetNames);
        var summary = book.Rows("Synthèse");
        Assert.Contains(["Titulaires certifiés (validation totale)", "18"], summary);
        Assert.Contains(["Enquêtes à 6 mois dues", "18"], summary);
        Assert.Contains(["Invitations envoyées", "18"], summary);
        Assert.Contains(["Relances envoyées", "< 5"], summary);
        Assert.Contains(["Réponses reçues", "16"], summary);
        Assert.Contains(["Taux de réponse (réponses / enquêtes dues)", "masqué"], summary);
        Assert.Contains(summary, r => r.Length > 0 && r[0].StartsWith("Fenêtre de réponse close le 11 novembre 2025"));
        // Jury B's six « Autre » are not counted.
        Assert.Equal(
        [
            ["Situation", "Effectif", "Part"], ["En emploi", "9", "0.5625"], ["Demandeur d'emploi", "< 5", "masqué"], ["En formation", "masqué", "masqué"],
            ["Autre", "0", "0"], ["Total", "16", "1"],
        ], book.Rows("Situation").Take(6));
        Assert.Equal([["Canal", "Effectif", "Part"], ["En ligne (lien personnel)", "12", "0.75"], ["Par téléphone", "< 5", "masqué"], ["Sur papier", "< 5", "masqué"]],
            book.Rows("Canal de réponse").Take(4));

        // The pie: « En emploi » keeps its 9 of 16 beside a grey « masqué » slice of the 7 hidden — never a full circle.
        var pie = book.Part("Situation").DrawingsPart!.ChartParts.Single().ChartSpace;
        Assert.Single(pie.Descendants<C.PieChart>());
        Assert.Equal(["En emploi", "masqué"], pie.Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text));
        Assert.Equal(["9", "7"], pie.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => p.NumericValue!.Text));
        Assert.Equal("BFBFBF", pie.Descendants<C.DataPoint>().ElementAt(1).Descendants<A.RgbColorModelHex>().First().Val!.Value);
        var range = pie.Descendants<C.Values>().Single().Descendants<C.Formula>().Single().Text;
        Assert.Equal(("masqué", 7.0), (book.Text("Situation", "A" + range[^2..].TrimStart('$')), book.Number("Situation", "B" + range[^2..].TrimStart('$'))));
        // Contract and sector: every part masked, so no pie, and the sheet says why.
        foreach (var sheet in new[] { "Contrat", "Secteur" })
        {
            Assert.Null(book.Part(sheet).DrawingsPart);
            Assert.Contains(book.Rows(sheet), r => r.Length > 0 && r[0] == TruthfulPie.AllMasked);
        }
        Assert.DoesNotContain(book.SheetNames.SelectMany(book.Rows).SelectMany(r => r), c => c.Contains("Devenir1") || c.Contains("Secret") || c.Contains('@'));
    }

    [Fact]
    public async Task The_6_month_pdf_shows_the_same_figures_as_text()
    {
        var run = await portal.ProduceAsync(ReportKinds.HolderOutcomes, portal.JuryA);

        var text = Words(run.Files.Single(f => f.FileName == "devenir-titulaires-6-mois-jury-2025-03-12.pdf").Content);
        Assert.Contains("Devenir des titulaires à 6 mois – jury du 12 mars 2025", text);
        // The official documents' reference: the jury session's day and id, then the wave; on every page.
        Assert.Contains($"TIT-2025-{portal.JuryA:000000}-6", text);
        Assert.Contains("Titulaires certifiés (validation totale) : 18", text);
        Assert.Contains("Relances envoyées : < 5", text);
        Assert.Contains("Réponses reçues : 16", text);
        Assert.Contains("Fenêtre de réponse close le 11 novembre 2025", text);
        Assert.Contains("En emploi 9 56,3 %", text);
        Assert.Contains("Autre 0 0,0 %", text);
        Assert.DoesNotContain("Devenir1", text);
        Assert.DoesNotContain("Secret", text);
    }

    [Fact]
    public async Task The_24_month_report_counts_the_24_month_answers_and_says_it_is_provisional_while_the_window_is_open()
    {
        var run = await portal.ProduceAsync(ReportKinds.HolderOutcomes24, portal.JuryA);

        Assert.Equal(ReportRunState.Succeeded, run.State);
        Assert.Equal(["devenir-titulaires-24-mois-jury-2025-03-12.pdf", "devenir-titulaires-24-mois-jury-2025-03-12.xlsx"], run.Files.Select(f => f.FileName).Order());
        using var book = Open(run.Files.Single(f => f.FileName.EndsWith(".xlsx")).Content);
        var summary = book.Rows("Synthèse");
        Assert.StartsWith("Devenir des titulaires à 24 mois – ", summary[1][0]);
        Assert.Contains(["Enquêtes à 24 mois dues", "18"], summary);
        Assert.Contains(["Réponses reçues", "7"], summary);
        Assert.Equal([["Situation", "Effectif", "Part"], ["En emploi", "7", "1"], ["Demandeur d'emploi", "0", "0"]], book.Rows("Situation").Take(3));
        var text = Words(run.Files.Single(f => f.FileName.EndsWith(".pdf")).Content);
        Assert.Contains("Devenir des titulaires à 24 mois", text);
        Assert.Contains("Rapport provisoire : la fenêtre de réponse reste ouverte jusqu'au 11 mai 2027", text);
    }

    private static string Words(byte[] pdf) =>
        string.Join(" ", PdfText.Of(pdf).Replace('\u00a0', ' ').Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static WorkbookReader Open(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cqp-outcomes-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, content);
        return new WorkbookReader(path);
    }
}
