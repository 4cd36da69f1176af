namespace CqpPortal.Web.Privacy;

/// <summary>Every night at 04:10 Paris: the privacy notice's retention periods applied. A thin Hangfire adapter over <see cref="RetentionSweep"/>.</summary>
public sealed class RetentionJob(RetentionSweep sweep, ILogger<RetentionJob> logger)
{
    public const string Id = "retention";
    public const string Cron = "10 4 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var run = await sweep.RunAsync(cancellationToken);
        logger.LogInformation("Retention: {People} people erased, {Surveys} survey answers reduced to their coded answers", run.People.Count, run.SurveyIds.Count);
    }
}
