using CqpPortal.Web.Hosting;
using CqpPortal.Web.Surveys;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Jobs;

/// <summary>Every hour: a new answers file for SIST when the answers changed. A thin Hangfire adapter over <see cref="SurveyAnswersFile"/>.</summary>
public sealed class SurveyAnswersFileJob(SurveyAnswersFile file, ILogger<SurveyAnswersFileJob> logger)
{
    public const string Id = "survey-answers-file";
    public const string Cron = "10 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var made = await file.RefreshAsync(cancellationToken);
        logger.LogInformation("Survey answers file: {Outcome}", made ? "new file made" : "unchanged");
    }
}

/// <summary>
/// Monday, 08:00 Paris: SIST's analysts are told when the answers file changed since the last notice (the file is
/// refreshed first, so the notice speaks of the latest answers).
/// </summary>
public sealed class SurveyAnswersMailJob(SurveyAnswersFile file, IOptions<PortalSettings> portal, ILogger<SurveyAnswersMailJob> logger)
{
    public const string Id = "survey-answers-weekly-mail";
    public const string Cron = "0 8 * * 1";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await file.RefreshAsync(cancellationToken);
        var sent = await file.AnnounceAsync(portal.Value.PublicLink(SurveyAnswersFile.PagePath), cancellationToken);
        logger.LogInformation("Survey answers file notices sent: {Count}", sent);
    }
}
