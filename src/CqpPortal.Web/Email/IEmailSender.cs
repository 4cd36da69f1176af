namespace CqpPortal.Web.Email;

/// <summary>One e-mail; <paramref name="ReplyTo"/> when answers go to someone else than the portal (the contact form's sender).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? ReplyTo = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file sent with an e-mail (a convocation's PDF and calendar entry).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends the portal's e-mails: to a pickup folder of .eml files by default, by SMTP when configured.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
