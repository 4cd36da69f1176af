using CqpPortal.Web.Hosting;
using Microsoft.Extensions.Options;
using CqpPortal.Web.Surveys;

namespace CqpPortal.Web.Jobs;

/// <summary>Every morning at 09:00 Paris: the 6- and 24-month survey invitations due today. A thin Hangfire adapter over <see cref="HolderSurveys"/>.</summary>
public sealed class HolderSurveyJob(HolderSurveys surveys, IOptions<PortalSettings> portal, ILogger<HolderSurveyJob> logger)
{
    public const string Id = "holder-surveys";
    public const string Cron = "0 9 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await surveys.InviteDueAsync(id => AnswerLink(portal.Value, id), cancellationToken);
        logger.LogInformation("Holder survey invitations sent: {Count}", sent);
    }

    /// <summary>The link of the e-mail: jobs run outside any web request, so the site's address is a setting (required in Production).</summary>
    public static string AnswerLink(PortalSettings portal, int surveyId) =>
        portal.PublicLink($"/Candidat/Enquete/{surveyId}");
}
