namespace CqpPortal.Web.Jobs;

/// <summary>Reads Quartz's own PostgreSQL schema script (create-if-missing statements) from its assembly.</summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static readonly IReadOnlyList<string> Tables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_fired_triggers",
        "qrtz_scheduler_state", "qrtz_locks", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
    ];

    public static IEnumerable<string> CreateStatements()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from Quartz.dll.");
        var script = new StreamReader(stream).ReadToEnd();
        // The script separates statements with a line "--;;"; {0} and {1} are the table prefix (no schema qualifier here).
        return System.Text.RegularExpressions.Regex.Split(script, @"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(s => s.Replace("{0}", TablePrefix).Replace("{1}", TablePrefix).Trim())
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--")))
            .ToList();
    }
}
