namespace CqpPortal.Domain.Audit;

/// <summary>
/// When someone reads others' files far faster than a person at work does: more than <see cref="Threshold"/> reads
/// within <see cref="Window"/> (61 files in 5 minutes by default; staff read 297 files in 2.4 s unnoticed). The
/// administrators are told at most once per person per <see cref="Quiet"/>, so a scraping session makes one e-mail, not
/// hundreds.
/// </summary>
public sealed class ReadRateAlert(int threshold, TimeSpan window, TimeSpan quiet)
{
    public static readonly ReadRateAlert Default = new(60, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    public int Threshold { get; } = threshold > 0 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));
    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));
    public TimeSpan Quiet { get; } = quiet >= TimeSpan.Zero ? quiet : throw new ArgumentOutOfRangeException(nameof(quiet));

    /// <summary>A read at <paramref name="read"/> still counts at <paramref name="now"/> (it is inside the window ending now).</summary>
    public bool StillCounts(DateTimeOffset read, DateTimeOffset now) => read > now - Window;

    /// <summary>The reads in the window ending now are more than the threshold.</summary>
    public bool IsAbove(IEnumerable<DateTimeOffset> reads, DateTimeOffset now) => reads.Count(r => StillCounts(r, now) && r <= now) > Threshold;

    /// <summary>
    /// Whether to alert now, given the person's reads (this one included) and their last alert: the rate is above the
    /// threshold and no alert was sent for them within the quiet period.
    /// </summary>
    public bool ShouldAlert(IEnumerable<DateTimeOffset> reads, DateTimeOffset? lastAlert, DateTimeOffset now) =>
        (lastAlert is not { } last || now - last >= Quiet) && IsAbove(reads, now);

    /// <summary>What the alert says, in French: « 61 lectures de dossiers en 5 minutes (seuil : 60) ».</summary>
    public string Describe(int reads) => $"{reads} lectures de dossiers en {Minutes(Window)} (seuil : {Threshold})";

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes)
            ? $"{window.TotalMinutes:0} minute{(window.TotalMinutes >= 2 ? "s" : "")}"
            : $"{window.TotalSeconds:0} secondes";
}
