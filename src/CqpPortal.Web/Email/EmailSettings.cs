using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Email;

/// <summary>
/// Section "Email". Without <see cref="SmtpHost"/>, messages are written as .eml files to <see cref="PickupDirectory"/>
/// (development and tests); with it, they are sent by SMTP. Checked at start by <see cref="EmailSettingsValidation"/>.
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    /// <summary>The values of <see cref="SmtpSecurity"/>: Auto is TLS from the first byte on port 465, STARTTLS otherwise.</summary>
    public static readonly IReadOnlyList<string> SecurityModes = ["Auto", "StartTls", "SslOnConnect", "None"];

    public string From { get; set; } = "Portail CQP <ne-pas-repondre@cqp-telesecretaire.fr>";
    public string PickupDirectory { get; set; } = ".data/mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>Auto, StartTls, SslOnConnect, or None — the last one only for a relay on the same machine or network.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>How long connecting, authenticating and sending one message may take altogether.</summary>
    public int SmtpTimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>Auto: TLS from the first byte on 465, STARTTLS (required) elsewhere; no encryption only when asked by name.</summary>
    public SecureSocketOptions SocketSecurity => SmtpSecurity.ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };
}

/// <summary>Refuses to start with settings that could only fail later, when the first e-mail is sent.</summary>
public sealed class EmailSettingsValidation : IValidateOptions<EmailSettings>
{
    public ValidateOptionsResult Validate(string? name, EmailSettings settings)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(settings.From, out var from) || !from.Address.Contains('@'))
            failures.Add($"Email:From « {settings.From} » is not an e-mail address (e.g. « Portail CQP <ne-pas-repondre@exemple.fr> »).");
        if (settings.SmtpPort is < 1 or > 65535)
            failures.Add($"Email:SmtpPort {settings.SmtpPort} is not a port: between 1 and 65535 (587 for STARTTLS, 465 for TLS).");
        if (!EmailSettings.SecurityModes.Contains(settings.SmtpSecurity, StringComparer.OrdinalIgnoreCase))
            failures.Add($"Email:SmtpSecurity « {settings.SmtpSecurity} » is not one of {string.Join(", ", EmailSettings.SecurityModes)}.");
        if (settings.SmtpTimeoutSeconds is < 1 or > 600)
            failures.Add($"Email:SmtpTimeoutSeconds {settings.SmtpTimeoutSeconds} must be between 1 and 600.");
        if (!string.IsNullOrEmpty(settings.SmtpUser) && string.IsNullOrEmpty(settings.SmtpPassword))
            failures.Add("Email:SmtpPassword is required when Email:SmtpUser is set.");
        if (!settings.UsesSmtp && string.IsNullOrWhiteSpace(settings.PickupDirectory))
            failures.Add("Email:PickupDirectory is required when Email:SmtpHost is not set (e-mails are then written there as .eml files).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
