namespace CqpPortal.Web.Email;

/// <summary>Section "Email". Without <see cref="SmtpHost"/>, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";
    public string From { get; set; } = "CQP Télésecrétaire <ne-pas-repondre@cqp-telesecretaire.fr>";
    public string PickupDirectory { get; set; } = ".data/mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}
