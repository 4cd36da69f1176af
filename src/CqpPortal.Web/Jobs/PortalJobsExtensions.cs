using CqpPortal.Domain.Time;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Privacy;
using CqpPortal.Web.Registrations;
using CqpPortal.Web.Reports;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace CqpPortal.Web.Jobs;

public static class PortalJobsExtensions
{
    /// <summary>Hangfire's tables live in this schema of the portal's database, installed by the migrate step.</summary>
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire on the portal's PostgreSQL database: every node can enqueue jobs and schedule them; nodes with
    /// Jobs:RunScheduler (and `./portal worker`) also run a Hangfire server that executes them. Servers share the
    /// queue, so a job runs on one of them, and a dead server's job goes to another one (see <see cref="JobsSettings.InvisibilityTimeout"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPortalJobs(this IHostApplicationBuilder builder, bool? runScheduler = null)
    {
        var settings = builder.Configuration.GetSection(JobsSettings.Section).Get<JobsSettings>() ?? new JobsSettings();
        if (runScheduler is not null) settings.RunScheduler = runScheduler.Value;
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new JobServerName());

        var connectionString = Hosting.PortalDataExtensions.ConnectionString(builder.Configuration);
        var storageOptions = StorageOptions(settings);
        // The storage and the activator are this host's own, registered before AddHangfire so that its defaults
        // (Hangfire's static JobStorage.Current and JobActivator.Current) are not used: the tests run several hosts in one process.
        builder.Services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions, null), storageOptions));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, hangfire) => hangfire
            .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHostedService<RecurringJobsRegistration>();

        builder.Services.AddPortalReports(builder.Configuration);
        builder.Services.AddScoped<Sessions.SessionReminders>();
        builder.Services.AddScoped<Surveys.HolderSurveys>();
        builder.Services.AddScoped<Surveys.SurveyCampaigns>();
        builder.Services.AddScoped<Surveys.SurveyAnswersFile>();
        builder.Services.AddScoped<Surveys.SurveyLinks>();
        builder.Services.AddPortalJourneys();
        builder.Services.AddScoped<NotificationKeys>();
        builder.Services.AddUserSessionPurge();
        builder.Services.AddPortalPrivacy(builder.Configuration);
        if (settings.RunScheduler)
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.ServerName = services.GetRequiredService<JobServerName>().Value;
                server.WorkerCount = settings.WorkerCount;
                server.SchedulePollingInterval = settings.SchedulePollingInterval;
                server.Activator = services.GetRequiredService<JobActivator>();
            });
        return builder;
    }

    /// <summary>
    /// The sliding invisibility timeout: a server that fetched a job renews its claim every fifth of the timeout while
    /// the job runs, so a live long job is never handed out twice, and a dead server's job is fetched again by another
    /// server once the timeout has passed since its last renewal. The schema is never created here (no DDL right needed).
    /// </summary>
    public static PostgreSqlStorageOptions StorageOptions(JobsSettings settings) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = false,
        InvisibilityTimeout = settings.InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>The recurring jobs, in Paris time. Hangfire's recurring scheduler fires each occurrence once across all servers.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager recurring)
    {
        var paris = new RecurringJobOptions { TimeZone = DayInParis.Zone };
        recurring.AddOrUpdate<SessionReminderJob>(SessionReminderJob.Id, job => job.RunAsync(CancellationToken.None), SessionReminderJob.Cron, paris);
        recurring.AddOrUpdate<JourneyDeadlineJob>(JourneyDeadlineJob.Id, job => job.RunAsync(CancellationToken.None), JourneyDeadlineJob.Cron, paris);
        recurring.AddOrUpdate<HolderSurveyJob>(HolderSurveyJob.Id, job => job.RunAsync(CancellationToken.None), HolderSurveyJob.Cron, paris);
        recurring.AddOrUpdate<AnnualPackScheduleJob>(AnnualPackScheduleJob.Id, job => job.RunAsync(CancellationToken.None), AnnualPackScheduleJob.Cron, paris);
        recurring.AddOrUpdate<HolderOutcomeScheduleJob>(HolderOutcomeScheduleJob.Id, job => job.RunAsync(CancellationToken.None), HolderOutcomeScheduleJob.Cron, paris);
        recurring.AddOrUpdate<SurveyAnswersFileJob>(SurveyAnswersFileJob.Id, job => job.RunAsync(CancellationToken.None), SurveyAnswersFileJob.Cron, paris);
        recurring.AddOrUpdate<SurveyAnswersMailJob>(SurveyAnswersMailJob.Id, job => job.RunAsync(CancellationToken.None), SurveyAnswersMailJob.Cron, paris);
        UserSessionsExtensions.RegisterRecurringJobs(recurring, paris);
        Privacy.PrivacyExtensions.RegisterRecurringJobs(recurring, paris);
    }

    /// <summary>
    /// The daily runs that must not be lost when the site was down at their hour: one run of each is enqueued when a node
    /// that runs the scheduler starts. Each is idempotent (claimed keys), so a run on a day it already ran sends nothing twice.
    /// </summary>
    /// <summary>The jobs <see cref="EnqueueCatchUpRuns"/> enqueues at every start.</summary>
    public static readonly IReadOnlyList<Type> CatchUpJobs = [typeof(HolderSurveyJob), typeof(SurveyAnswersFileJob)];

    public static void EnqueueCatchUpRuns(IBackgroundJobClient jobs)
    {
        jobs.Enqueue<HolderSurveyJob>(job => job.RunAsync(CancellationToken.None));
        // SIST's answers file, so that it exists as soon as a first node starts (rebuilt only when the answers changed).
        jobs.Enqueue<SurveyAnswersFileJob>(job => job.RunAsync(CancellationToken.None));
    }

    /// <summary>
    /// At start-up of every node: AddOrUpdate is idempotent, so nodes starting together agree. In the background and
    /// tried again every 30 s, so a node started before the deploy's migrate step (Portal:MigrateOnStart=false) still
    /// starts, and registers them once the job schema exists.
    /// </summary>
    private sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, JobsSettings settings, ILogger<RecurringJobsRegistration> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield(); // off the start-up path: a missing schema makes the lock wait, and must not hold the host
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    RegisterRecurringJobs(recurring);
                    if (settings.RunScheduler) EnqueueCatchUpRuns(jobs);
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Recurring jobs not registered yet (has the migrate step run?): trying again in 30 s");
                    await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                }
            }
        }
    }
}

/// <summary>This host's Hangfire server name (machine, process, a random part), so /health can find its own server.</summary>
public sealed class JobServerName
{
    public string Value { get; } = $"cqp-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
}
