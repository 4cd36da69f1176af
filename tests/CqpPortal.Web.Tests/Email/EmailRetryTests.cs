using CqpPortal.Testing;
using CqpPortal.Web.Email;
using CqpPortal.Web.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Email;

/// <summary>When the mail server is down, what the user did stands and the e-mail waits in the job system.</summary>
public class EmailRetryTests
{
    [Fact]
    public async Task An_email_the_smtp_server_cannot_take_is_queued_as_a_job_that_sends_it_again()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("mailretry"), demoData: false, new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = LoopbackSmtpServer.ClosedPort().ToString(), ["Email:SmtpSecurity"] = "None", ["Email:SmtpTimeoutSeconds"] = "5",
        });
        var message = new EmailMessage("lea.durand@exemple.fr", "Votre candidature au CQP est recevable", "Bonjour Léa,\n\nVotre candidature est déclarée recevable.");

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendAsync(message); // no exception reaches the caller

        var monitoring = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queued = monitoring.EnqueuedJobs("default", 0, 50).Select(j => j.Value.Job).Single(j => j.Type == typeof(EmailRetryJob));
        Assert.Equal(nameof(EmailRetryJob.SendAsync), queued.Method.Name);
        Assert.Equal(message, queued.Args[0]);
    }

    [Fact]
    public async Task The_retry_job_sends_the_message_once_the_server_answers()
    {
        await using var server = new LoopbackSmtpServer();
        using var portal = new PortalFactory(TestCluster.NewDatabase("mailretry"), demoData: false, new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = server.Port.ToString(), ["Email:SmtpSecurity"] = "None", ["Email:SmtpTimeoutSeconds"] = "5",
        });

        await ActivatorUtilities.CreateInstance<EmailRetryJob>(portal.Services)
            .SendAsync(new EmailMessage("lea.durand@exemple.fr", "Rappel : votre session dans 2 jours", "Bonjour Léa"), CancellationToken.None);

        Assert.Equal(["lea.durand@exemple.fr"], server.Recipients);
    }
}
