using System.ComponentModel.DataAnnotations;

namespace CqpPortal.Web.Audit;

/// <summary>
/// The `Audit` section (environment variables `Audit__ReadAlertThreshold`…): when a read rate raises an alert to the
/// administrators (<see cref="Domain.Audit.ReadRateAlert"/>).
/// </summary>
public sealed class AuditSettings
{
    public const string Section = "Audit";

    /// <summary>More reads than this within the window raise an alert.</summary>
    [Range(1, 100_000)]
    public int ReadAlertThreshold { get; set; } = 60;

    [Range(1, 24 * 60)]
    public int ReadAlertWindowMinutes { get; set; } = 5;

    /// <summary>At most one alert per person within this many minutes.</summary>
    [Range(0, 7 * 24 * 60)]
    public int ReadAlertQuietMinutes { get; set; } = 60;

    public Domain.Audit.ReadRateAlert Rule =>
        new(ReadAlertThreshold, TimeSpan.FromMinutes(ReadAlertWindowMinutes), TimeSpan.FromMinutes(ReadAlertQuietMinutes));
}
