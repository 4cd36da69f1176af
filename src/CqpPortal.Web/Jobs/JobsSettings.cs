namespace CqpPortal.Web.Jobs;

/// <summary>Section "Jobs".</summary>
public sealed class JobsSettings
{
    public const string Section = "Jobs";

    /// <summary>
    /// True: the web process runs the scheduler. False: it only schedules, and `./portal worker` (another process,
    /// or several, clustered) runs the jobs.
    /// </summary>
    public bool RunScheduler { get; set; } = true;
}
