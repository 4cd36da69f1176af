using System.Text;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>Report runs through the real scheduler: queued, progress, files published with the Succeeded state only, failures in French.</summary>
public class ReportRunTests(ReportsPortal portal) : IClassFixture<ReportsPortal>
{
    [Fact]
    public async Task A_run_shows_its_progress_and_offers_no_file_until_it_succeeds_then_all_of_them()
    {
        var queued = await portal.QueueAsync(GatedProducer.GatedKind, year: 1001);
        Assert.Equal(ReportRunState.Queued, queued.State);

        var running = await portal.WaitForAsync(queued.Id, r => r.ProgressPercent == 40);
        Assert.Equal(ReportRunState.Running, running.State);
        Assert.Equal("Étape de test", running.ProgressStep);
        Assert.Equal(1, running.Attempts);
        Assert.NotNull(running.StartedAt);
        Assert.Empty(running.Files);

        portal.Gated.Gate(1001).SetResult();
        var done = await portal.WaitForAsync(queued.Id, r => r.State != ReportRunState.Running);

        Assert.Equal(ReportRunState.Succeeded, done.State);
        Assert.Equal(100, done.ProgressPercent);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(["a.txt", "b.txt"], done.Files.Select(f => f.FileName).Order());
        Assert.Equal("second", Encoding.UTF8.GetString(done.Files.Single(f => f.FileName == "b.txt").Content));
        Assert.Equal(6, done.Files.Single(f => f.FileName == "b.txt").Length);
    }

    [Fact]
    public async Task A_producer_failure_is_shown_in_french_and_leaves_no_file()
    {
        var french = await portal.QueueAsync(GatedProducer.GatedKind, year: GatedProducer.FailInFrench);
        var unexpected = await portal.QueueAsync(GatedProducer.GatedKind, year: GatedProducer.FailUnexpectedly);
        portal.Gated.Gate(GatedProducer.FailInFrench).TrySetResult();
        portal.Gated.Gate(GatedProducer.FailUnexpectedly).TrySetResult();

        var failed = await portal.WaitForAsync(french.Id, r => r.State is ReportRunState.Failed or ReportRunState.Succeeded);
        Assert.Equal(ReportRunState.Failed, failed.State);
        Assert.Equal("Les données de test sont incomplètes.", failed.ErrorMessage);
        Assert.Empty(failed.Files);

        var crashed = await portal.WaitForAsync(unexpected.Id, r => r.State is ReportRunState.Failed or ReportRunState.Succeeded);
        Assert.Equal(ReportRunState.Failed, crashed.State);
        Assert.Equal(ReportRunner.UnexpectedError, crashed.ErrorMessage);
        Assert.DoesNotContain("boom", crashed.ErrorMessage);
        Assert.Empty(crashed.Files);
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_node_restarts_from_scratch_and_a_finished_run_is_not_run_again()
    {
        // As a killed node leaves it: Running, attempt 1, some progress, no file (files only come with Succeeded).
        var queued = await portal.QueueAsync(ReportKinds.AnnualPack, year: 2025);
        var finished = await portal.WaitForAsync(queued.Id, r => r.State == ReportRunState.Succeeded);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            await db.ReportRuns.Where(r => r.Id == queued.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReportRunState.Running).SetProperty(r => r.ProgressPercent, 50).SetProperty(r => r.FinishedAt, (DateTimeOffset?)null));
            await db.ReportRunFiles.Where(f => f.ReportRunId == queued.Id).ExecuteDeleteAsync();

            await scope.ServiceProvider.GetRequiredService<ReportRunner>().RunAsync(queued.Id, CancellationToken.None);
        }
        var recovered = await portal.RunAsync(queued.Id);
        Assert.Equal(ReportRunState.Succeeded, recovered.State);
        Assert.Equal(finished.Attempts + 1, recovered.Attempts);
        Assert.Equal(["annual-2025-graphiques.zip", "annual-2025.json", "annual-2025.pdf", "annual-2025.xlsx"], recovered.Files.Select(f => f.FileName).Order());

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportRunner>().RunAsync(queued.Id, CancellationToken.None);
        var again = await portal.RunAsync(queued.Id);
        Assert.Equal(recovered.Attempts, again.Attempts);
        Assert.Equal(recovered.Files.Select(f => f.Id), again.Files.Select(f => f.Id));
    }

    [Fact]
    public async Task The_annual_pack_run_gives_the_json_of_the_statistics_download()
    {
        var queued = await portal.QueueAsync(ReportKinds.AnnualPack, year: 2025);

        var done = await portal.WaitForAsync(queued.Id, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);

        Assert.Equal(ReportRunState.Succeeded, done.State);
        Assert.Equal(["annual-2025-graphiques.zip", "annual-2025.json", "annual-2025.pdf", "annual-2025.xlsx"], done.Files.Select(f => f.FileName).Order());
        Assert.Contains("Chiffres clés", PdfText.Of(done.Files.Single(f => f.FileName.EndsWith(".pdf")).Content));
        var file = done.Files.Single(f => f.FileName.EndsWith(".json"));
        Assert.Equal("application/json", file.ContentType);
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var download = await sist.Http.GetByteArrayAsync("/Analyse/Statistiques/2025.json");
        Assert.Equal(download, file.Content);
    }

    [Fact]
    public async Task The_holder_outcome_report_of_a_jury_counts_its_holders_answers_without_any_name_in_a_workbook_and_a_pdf()
    {
        var queued = await portal.QueueAsync(ReportKinds.HolderOutcomes, sessionId: portal.DueJuryId);

        var done = await portal.WaitForAsync(queued.Id, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);

        Assert.Equal(ReportRunState.Succeeded, done.State);
        Assert.Equal(2, done.Files.Count);
        var workbook = done.Files.Single(f => f.FileName.EndsWith(".xlsx"));
        Assert.StartsWith("devenir-titulaires-6-mois-jury-", workbook.FileName);
        var file = done.Files.Single(f => f.FileName.EndsWith(".pdf"));
        Assert.StartsWith("devenir-titulaires-6-mois-jury-", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        var text = string.Join(" ", PdfText.Of(file.Content).Replace('\u00a0', ' ').Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        // 3 holders, 2 answers (1 employed on a CDI in the branch, 1 job seeker): each is 1 to 4 people, shown as in the annual pack.
        Assert.Contains("Devenir des titulaires à 6 mois", text);
        Assert.Contains("Titulaires certifiés (validation totale) : < 5", text);
        Assert.Contains("Invitations envoyées : < 5", text);
        Assert.Contains("Réponses reçues : < 5", text);
        Assert.Contains("En emploi <5 masqué", text);
        Assert.Contains("Demandeur d'emploi <5 masqué", text);
        Assert.Contains("En formation 0 masqué", text);
        Assert.Contains("CDI <5", text);
        Assert.Contains("Dans la branche <5", text);
        Assert.DoesNotContain("En emploi 1", text);
        // One chart per table: the campaign, the channels, situation, contract, sector.
        Assert.Equal(5, PdfText.ImageCount(file.Content));
        Assert.DoesNotContain("Titulaire1", text);
        Assert.DoesNotContain("Confidentiel", text);
    }

    [Fact]
    public async Task A_holder_outcome_report_for_a_session_that_is_not_a_jury_fails_in_french()
    {
        var queued = await portal.QueueAsync(ReportKinds.HolderOutcomes, sessionId: portal.OldEvaluationId);

        var done = await portal.WaitForAsync(queued.Id, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);

        Assert.Equal(ReportRunState.Failed, done.State);
        Assert.Equal($"La session n° {portal.OldEvaluationId} n'est pas un jury.", done.ErrorMessage);
    }

    [Fact]
    public async Task The_daily_job_queues_one_report_per_jury_whose_answering_window_has_closed_and_nothing_more_when_run_again()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var schedules = scope.ServiceProvider.GetRequiredService<ReportSchedules>();

        var first = await schedules.QueueDueHolderOutcomesAsync();
        var second = await schedules.QueueDueHolderOutcomesAsync();

        var run = Assert.Single(first);
        Assert.Equal(portal.DueJuryId, run.SessionId);
        Assert.Equal(ReportKinds.HolderOutcomes, run.Kind);
        Assert.Equal(ReportRuns.SchedulerName, run.RequestedByName);
        Assert.Null(run.RequestedById);
        Assert.Empty(second);
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        Assert.Equal(1, await db.ReportRuns.CountAsync(r => r.DedupeKey == ReportSchedules.HolderOutcomesKey(portal.DueJuryId, SurveyWave.SixMonths)));
        Assert.False(await db.ReportRuns.AnyAsync(r => r.DedupeKey != null && (r.SessionId == portal.RecentJuryId || r.SessionId == portal.CancelledJuryId || r.SessionId == portal.OldEvaluationId)));
        Assert.Equal(ReportRunState.Succeeded, (await portal.WaitForAsync(run.Id, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed)).State);
    }

    [Fact]
    public async Task The_yearly_trigger_queues_the_previous_year_once()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var schedules = scope.ServiceProvider.GetRequiredService<ReportSchedules>();

        var first = await schedules.QueueAnnualPackAsync();
        var second = await schedules.QueueAnnualPackAsync();

        Assert.NotNull(first);
        Assert.Equal(DayInParis.Today(TimeProvider.System).Year - 1, first.Year);
        Assert.Null(second);
    }
}
