using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Email;

/// <summary>
/// One sender for both modes: System.Net.Mail writes a complete .eml to the pickup folder, or talks SMTP.
/// (MailKit is not served by the registry here.)
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailSettings> options, IHostEnvironment environment, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = MailAddress.TryCreate(settings.From, out var from) ? from : new MailAddress("ne-pas-repondre@cqp-telesecretaire.fr"),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = message.TextBody,
        };
        mail.To.Add(message.To);
        if (message.HtmlBody is not null)
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, "text/html"));

        using var client = CreateClient(settings);
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("E-mail {Subject} sent to {Recipient} via {Mode}", message.Subject, message.To, client.DeliveryMethod);
    }

    private SmtpClient CreateClient(EmailSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }
        var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpSsl };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        return client;
    }
}
