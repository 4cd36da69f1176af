using CqpPortal.Web.Surveys;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// Every morning at 09:00 Paris, and once at the start of a node that runs the scheduler (a missed run is caught up):
/// the 6- and 24-month surveys due today and the reminders due. A thin Hangfire adapter over <see cref="HolderSurveys"/>.
/// </summary>
public sealed class HolderSurveyJob(HolderSurveys surveys, ILogger<HolderSurveyJob> logger)
{
    public const string Id = "holder-surveys";
    public const string Cron = "0 9 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var run = await surveys.RunDueAsync(cancellationToken);
        logger.LogInformation("Holder surveys: {Opened} opened, {Invited} invitations and {Reminded} reminders sent", run.Opened, run.Invited, run.Reminded);
    }
}
