using CqpPortal.Web.Reports;
using Quartz;

namespace CqpPortal.Web.Jobs;

public static class PortalJobsExtensions
{
    /// <summary>
    /// Quartz with its persistent ADO.NET store on the portal's PostgreSQL database, clustered so that several nodes
    /// share the work and recover each other's interrupted jobs. The qrtz_* tables come from a migration.
    /// </summary>
    public static IHostApplicationBuilder AddPortalJobs(this IHostApplicationBuilder builder, bool? runScheduler = null)
    {
        var settings = builder.Configuration.GetSection(JobsSettings.Section).Get<JobsSettings>() ?? new JobsSettings();
        if (runScheduler is not null) settings.RunScheduler = runScheduler.Value;
        builder.Services.AddSingleton(settings);

        var connectionString = Hosting.PortalDataExtensions.ConnectionString(builder.Configuration);
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "CqpPortal";
                scheduler.GenerateInstanceId = true; // one id per node: required for clustering
            });
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
            });
            // Reminders 14 and 2 days before sessions, every morning at 08:00 Paris time; recovered if a node dies mid-run.
            quartz.AddJob<SessionReminderJob>(job => job.WithIdentity(SessionReminderJob.Key).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger.ForJob(SessionReminderJob.Key).WithIdentity("session-reminders-daily", "portal")
                .WithCronSchedule("0 0 8 * * ?", cron => cron.InTimeZone(Formatting.FrenchFormat.Paris)));
            // Holder follow-up survey invitations (6 and 24 months after certification), every morning at 09:00 Paris time.
            quartz.AddJob<HolderSurveyJob>(job => job.WithIdentity(HolderSurveyJob.Key).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger.ForJob(HolderSurveyJob.Key).WithIdentity("holder-surveys-daily", "portal")
                .WithCronSchedule("0 0 9 * * ?", cron => cron.InTimeZone(Formatting.FrenchFormat.Paris)));
            Reports.PortalReportsExtensions.AddReportJobs(quartz);
        });
        builder.Services.AddPortalReports(builder.Configuration);
        builder.Services.AddScoped<Sessions.SessionReminders>();
        builder.Services.AddScoped<Surveys.HolderSurveys>();
        if (settings.RunScheduler)
            builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
