using CqpPortal.Web.Registrations;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// Every morning at 07:30 Paris: the journeys' deadline warnings, the staff's weekly digest (Monday) and the closing of
/// journeys past their deadline. A thin Hangfire adapter over <see cref="JourneyDeadlines"/>.
/// </summary>
public sealed class JourneyDeadlineJob(JourneyDeadlines deadlines, ILogger<JourneyDeadlineJob> logger)
{
    public const string Id = "journey-deadlines";
    public const string Cron = "30 7 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var run = await deadlines.RunAsync(cancellationToken);
        logger.LogInformation("Journey deadlines: {Warned} warnings sent, {Closed} journeys closed, {InDigest} files in the weekly digest", run.Warned, run.Closed, run.InDigest);
    }
}
