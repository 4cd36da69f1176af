using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Reports;

/// <summary>
/// Runs one report run: marks it Running (a new attempt, from scratch), lets its producer make the files while
/// recording progress, then publishes the files and the Succeeded state in one transaction. Only the latest attempt
/// may publish, so a run recovered after a crash ends with exactly one set of files.
/// </summary>
public sealed class ReportRunner(CqpDbContext db, IEnumerable<IReportProducer> producers, IServiceProvider services,
    ReportsSettings settings, TimeProvider clock, ILogger<ReportRunner> logger)
{
    public const string UnexpectedError = "Le rapport n'a pas pu être produit à cause d'une erreur inattendue ; le détail est dans le journal du serveur. Relancez-le ou prévenez l'administrateur.";

    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await db.ReportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            logger.LogWarning("Report run {RunId} not found", runId);
            return;
        }
        if (run.State is ReportRunState.Succeeded or ReportRunState.Failed)
        {
            logger.LogInformation("Report run {RunId} already {State}: nothing to do", runId, run.State);
            return;
        }

        // A new attempt from scratch: a previous one (killed midway) left only its progress, never files.
        var attempt = run.Attempts + 1;
        var started = await db.ReportRuns
            .Where(r => r.Id == runId && (r.State == ReportRunState.Queued || r.State == ReportRunState.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReportRunState.Running)
                .SetProperty(r => r.Attempts, attempt)
                .SetProperty(r => r.StartedAt, clock.GetUtcNow())
                .SetProperty(r => r.ProgressPercent, 0)
                .SetProperty(r => r.ProgressStep, attempt > 1 ? "Reprise depuis le début" : "Démarrage")
                .SetProperty(r => r.ErrorMessage, (string?)null), cancellationToken);
        if (started == 0) return;
        await db.ReportRunFiles.Where(f => f.ReportRunId == runId).ExecuteDeleteAsync(cancellationToken);

        var producer = producers.FirstOrDefault(p => p.Kind == run.Kind);
        if (producer is null)
        {
            await FailAsync(runId, attempt, $"Type de rapport inconnu : {run.Kind}.");
            return;
        }

        IReadOnlyList<ReportFile> files;
        try
        {
            var context = new ReportRunContext(runId, run.Year, run.SessionId, services,
                (percent, step, ct) => ProgressAsync(runId, attempt, percent, step, ct)) { CertificationId = run.CertificationId };
            files = await producer.ProduceAsync(context, cancellationToken);
            if (files.Count == 0) throw new ReportException("Le rapport n'a produit aucun fichier.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped on purpose: back in the queue for the next try.
            await db.ReportRuns.Where(r => r.Id == runId && r.Attempts == attempt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReportRunState.Queued).SetProperty(r => r.ProgressStep, "Interrompu, en attente de reprise"), CancellationToken.None);
            throw;
        }
        catch (ReportException e)
        {
            await FailAsync(runId, attempt, e.Message);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Report run {RunId} ({Kind}) failed", runId, run.Kind);
            await FailAsync(runId, attempt, UnexpectedError);
            return;
        }

        await PublishAsync(runId, attempt, files, cancellationToken);
    }

    /// <summary>Files and state in one transaction: before the commit nobody sees a file, after it all of them.</summary>
    private async Task PublishAsync(int runId, int attempt, IReadOnlyList<ReportFile> files, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var published = await db.ReportRuns
            .Where(r => r.Id == runId && r.State == ReportRunState.Running && r.Attempts == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReportRunState.Succeeded)
                .SetProperty(r => r.ProgressPercent, 100)
                .SetProperty(r => r.ProgressStep, "Terminé")
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow()), cancellationToken);
        if (published == 0)
        {
            // Another attempt took the run over (a node thought dead came back): its result wins.
            logger.LogWarning("Report run {RunId}: attempt {Attempt} superseded, files dropped", runId, attempt);
            return;
        }
        await db.ReportRunFiles.Where(f => f.ReportRunId == runId).ExecuteDeleteAsync(cancellationToken);
        db.ReportRunFiles.AddRange(files.Select(f => new ReportRunFile
        {
            ReportRunId = runId, FileName = f.FileName, ContentType = f.ContentType, Content = f.Content, Length = f.Content.LongLength,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Report run {RunId} succeeded with {Count} file(s)", runId, files.Count);
    }

    private async Task ProgressAsync(int runId, int attempt, int percent, string step, CancellationToken cancellationToken)
    {
        await db.ReportRuns.Where(r => r.Id == runId && r.Attempts == attempt && r.State == ReportRunState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProgressPercent, percent).SetProperty(r => r.ProgressStep, step), cancellationToken);
        if (settings.StepDelayMs > 0) await Task.Delay(settings.StepDelayMs, cancellationToken);
    }

    private async Task FailAsync(int runId, int attempt, string frenchMessage)
    {
        await db.ReportRuns.Where(r => r.Id == runId && r.Attempts == attempt && r.State == ReportRunState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReportRunState.Failed)
                .SetProperty(r => r.ErrorMessage, frenchMessage.Length > 1000 ? frenchMessage[..1000] : frenchMessage)
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
    }
}
