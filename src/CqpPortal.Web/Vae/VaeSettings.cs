namespace CqpPortal.Web.Vae;

/// <summary>Section "Vae": the limits of the booklets' documents (issue 5: 10 MB per file, 60 MB per booklet).</summary>
public sealed class VaeSettings
{
    public const string Section = "Vae";
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxBookletBytes { get; set; } = 60 * 1024 * 1024;

    /// <summary>
    /// The largest request the server reads: above one file's limit, so that an oversize file reaches our check and gets
    /// a French message instead of a bare 413.
    /// </summary>
    public long MaxRequestBytes => Math.Max(30 * 1024 * 1024, 2 * MaxFileBytes + 1024 * 1024);
}
