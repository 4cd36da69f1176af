using CqpPortal.Web.Surveys;
using Quartz;

namespace CqpPortal.Web.Jobs;

/// <summary>Every morning: the 6- and 24-month survey invitations due today. A thin Quartz adapter over <see cref="HolderSurveys"/>.</summary>
[DisallowConcurrentExecution]
public sealed class HolderSurveyJob(HolderSurveys surveys, IConfiguration configuration, ILogger<HolderSurveyJob> logger) : IJob
{
    public static readonly JobKey Key = new("holder-surveys", "portal");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await surveys.InviteDueAsync(id => AnswerLink(configuration, id), cancellationToken);
        logger.LogInformation("Holder survey invitations sent: {Count}", sent);
    }

    /// <summary>The link of the e-mail: jobs run outside any web request, so the site's address is a setting.</summary>
    public static string AnswerLink(IConfiguration configuration, int surveyId) =>
        $"{(configuration["Portal:PublicUrl"] ?? "http://127.0.0.1:5080").TrimEnd('/')}/Candidat/Enquete/{surveyId}";
}
