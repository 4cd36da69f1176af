using CqpPortal.Domain.Records;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Imports;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CqpPortal.Web.Surveys;

/// <summary>The latest answers file, as SIST's page shows it.</summary>
public sealed record SurveyAnswersFileInfo(int RunId, int FileId, string FileName, DateTimeOffset MadeAt, int Answers);

/// <summary>
/// The answers file for SIST (cahier des charges: « intégration des réponses dans un fichier à créer sous excel »,
/// « transmission de ce fichier à SIST au fur et à mesure des collectes »): one `.xlsx` of every answer to the 6- and
/// 24-month surveys, in the surveys import template's columns and labels (so it imports back), plus « Canal ». It is
/// kept as a report run of kind <see cref="ReportKinds.SurveyAnswers"/>, made again only when the answers changed
/// (<see cref="SurveyAnswersFingerprint"/>): the run's unique dedupe key holds the previous file and the fingerprint, so
/// two servers refreshing at once make one file. Only SIST's analysts download it (/Analyse/Enquetes).
/// </summary>
public sealed class SurveyAnswersFile(CqpDbContext db, TimeProvider clock, UserManager<PortalUser> users, NotificationKeys keys, SistMailer mailer)
{
    public const string SheetName = "Réponses";
    public const string PagePath = "/Analyse/Enquetes";
    public static readonly IReadOnlyList<string> Columns = [.. RecordTemplates.Surveys.Columns, SurveyColumns.Channel];

    private static readonly StringComparer FrenchOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public static string FileName(DateOnly day) => $"reponses-enquetes-titulaires-{day:yyyy-MM-dd}.xlsx";

    /// <summary>Every answer, one line each in <see cref="Columns"/>, by holder then wave.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> LinesAsync(CancellationToken cancellationToken = default)
    {
        var answers = await db.HolderSurveys.AsNoTracking()
            .Where(s => s.RespondedOn != null && s.Situation != null)
            .Select(s => new
            {
                s.Id, s.Registration!.Candidate!.LastName, s.Registration.Candidate.FirstName, s.Registration.Candidate.BirthDate,
                CertifiedOn = s.Registration.CertifiedOn
                    ?? s.Registration.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).Where(j => j.Result == JuryResult.TotalValidation).Max(j => (DateOnly?)j.DecidedOn),
                s.Wave, s.RespondedOn, s.Situation, s.Contract, s.Sector, s.JobTitle, s.TrainingLevel, s.NsfCode, s.Company, s.Channel,
            })
            .ToListAsync(cancellationToken);
        return answers
            .OrderBy(a => a.LastName, FrenchOrder).ThenBy(a => a.FirstName).ThenBy(a => a.BirthDate)
            .ThenBy(a => a.CertifiedOn).ThenBy(a => a.Wave).ThenBy(a => a.Id)
            .Select(a => (IReadOnlyList<string>)[.. new SurveyRecord
            {
                LastName = a.LastName, FirstName = a.FirstName, BirthDate = a.BirthDate, CertifiedOn = a.CertifiedOn, Wave = a.Wave,
                RespondedOn = a.RespondedOn!.Value, Situation = a.Situation!.Value, Contract = a.Contract, Sector = a.Sector, JobTitle = a.JobTitle,
                TrainingLevel = a.TrainingLevel, NsfCode = a.NsfCode, Company = a.Company,
            }.ToCells(), a.Channel is { } channel ? FrenchLabels.Of(channel) : ""])
            .ToList();
    }

    /// <summary>The latest file made (null before the first one).</summary>
    public async Task<SurveyAnswersFileInfo?> LatestAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.ReportRuns.AsNoTracking()
            .Where(r => r.Kind == ReportKinds.SurveyAnswers && r.State == ReportRunState.Succeeded)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.DedupeKey, r.FinishedAt, r.CreatedAt, File = r.Files.Select(f => new { f.Id, f.FileName }).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest?.File is null) return null;
        return new SurveyAnswersFileInfo(latest.Id, latest.File.Id, latest.File.FileName, latest.FinishedAt ?? latest.CreatedAt,
            FingerprintOf(latest.DedupeKey)?.Answers ?? 0);
    }

    /// <summary>The latest file's content, for SIST's download; null before the first one.</summary>
    public async Task<ReportFile?> LatestContentAsync(CancellationToken cancellationToken = default)
    {
        if (await LatestAsync(cancellationToken) is not { } latest) return null;
        return await db.ReportRunFiles.AsNoTracking().Where(f => f.Id == latest.FileId)
            .Select(f => new ReportFile(f.FileName, f.ContentType, f.Content)).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Makes a new file when the answers changed since the latest one (or there is none yet). Returns true when a file
    /// was made, false when nothing changed or another server made the same file at the same moment.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var lines = await LinesAsync(cancellationToken);
        var now = SurveyAnswersFingerprint.Of(lines);
        var latest = await db.ReportRuns.AsNoTracking()
            .Where(r => r.Kind == ReportKinds.SurveyAnswers && r.State == ReportRunState.Succeeded)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.DedupeKey }).FirstOrDefaultAsync(cancellationToken);
        if (!SurveyAnswersFingerprint.NeedsNewFile(FingerprintOf(latest?.DedupeKey), now)) return false;

        var at = clock.GetUtcNow();
        var content = RecordFileWriter.Xlsx(SheetName, Columns, lines);
        var run = new ReportRun
        {
            Kind = ReportKinds.SurveyAnswers, RequestedByName = ReportRuns.SchedulerName, DedupeKey = DedupeKey(latest?.Id, now),
            State = ReportRunState.Succeeded, ProgressPercent = 100, Attempts = 1, CreatedAt = at, StartedAt = at, FinishedAt = at,
            Files = [new ReportRunFile { FileName = FileName(DayInParis.Of(at)), ContentType = RecordFileWriter.XlsxContentType, Content = content, Length = content.Length }],
        };
        db.ReportRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.Entry(run).State = EntityState.Detached; // another server made this very file after the same previous one
            return false;
        }
    }

    /// <summary>
    /// The weekly e-mail to each SIST analyst when the file changed since the last one they were told about: a link to
    /// the page, never the file, no personal data. Each (file, analyst) is claimed once, so a run repeated or on two
    /// servers sends it once. Returns how many e-mails were handed over.
    /// </summary>
    public async Task<int> AnnounceAsync(string pageLink, CancellationToken cancellationToken = default)
    {
        if (await LatestAsync(cancellationToken) is not { } latest) return 0;
        var sent = 0;
        foreach (var analyst in await users.GetUsersInRoleAsync(Roles.SistAnalyst))
        {
            if (string.IsNullOrWhiteSpace(analyst.Email)) continue;
            if (!await keys.TryClaimAsync(AnnouncementKey(latest.RunId, analyst.Id), cancellationToken)) continue;
            await mailer.SurveyAnswersFileUpdatedAsync(analyst.Email, latest.Answers, latest.MadeAt, pageLink);
            sent++;
        }
        return sent;
    }

    public static string AnnouncementKey(int runId, string userId) => $"survey-answers-file:{runId}:user:{userId}";

    private static string DedupeKey(int? previousRunId, SurveyAnswersFingerprint fingerprint) =>
        $"{ReportKinds.SurveyAnswers}:after:{previousRunId ?? 0}:{fingerprint}";

    private static SurveyAnswersFingerprint? FingerprintOf(string? dedupeKey) =>
        dedupeKey is null ? null : SurveyAnswersFingerprint.TryParse(dedupeKey[(dedupeKey.LastIndexOf(':') + 1)..]);
}
