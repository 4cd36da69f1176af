namespace CqpPortal.Web.Jobs;

/// <summary>Section "Jobs".</summary>
public sealed class JobsSettings
{
    public const string Section = "Jobs";

    /// <summary>
    /// True: the process runs a Hangfire server (it executes jobs). False: it only enqueues and schedules, and
    /// `./portal worker` (another process, or several) runs the jobs.
    /// </summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>
    /// How long a job fetched by a server stays invisible to the others. A live server keeps pushing it forward (a
    /// heartbeat every fifth of it), so a long job is never handed out twice; a dead server's job is handed to another
    /// server at most this long after its last heartbeat. Tests set a few seconds.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs one server runs at once.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often a server looks for recurring and delayed jobs that fell due (Hangfire's default; tests set 1 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
