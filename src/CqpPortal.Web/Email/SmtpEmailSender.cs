using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.IO;
using MimeKit.Utils;
using MimeKit.Text;

namespace CqpPortal.Web.Email;

/// <summary>
/// One MimeKit message for both modes: sent by MailKit's SMTP client when <see cref="EmailSettings.SmtpHost"/> is set,
/// otherwise written as one complete .eml file in the pickup folder (development and tests).
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailSettings> options, IHostEnvironment environment, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mime = ToMime(message, settings);
        // Logs name the message, never a person: no recipient, no subject (subjects carry names), no body.
        if (settings.UsesSmtp)
        {
            await SendBySmtpAsync(message, mime, settings, cancellationToken);
            using var size = new MeasuringStream();
            await mime.WriteToAsync(size, CancellationToken.None);
            logger.LogInformation("E-mail {MessageId} ({Bytes} bytes) sent via SMTP {Host}:{Port}", mime.MessageId, size.Length, settings.SmtpHost, settings.SmtpPort);
        }
        else
        {
            var file = await WriteToPickupAsync(mime, Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath), cancellationToken);
            logger.LogInformation("E-mail {MessageId} ({Bytes} bytes) written to the pickup folder as {File}", mime.MessageId, new FileInfo(file).Length, Path.GetFileName(file));
        }
    }

    /// <summary>
    /// A line break typed in a name or a subject (CR, LF, or any other vertical break) becomes one space: a header is
    /// one line, so the message can always be built and no text can add a header of its own.
    /// </summary>
    public static string OneLine(string value) => LineBreaks().Replace(value, " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\r\n\v\f\u0085\u2028\u2029]+\s*")]
    private static partial System.Text.RegularExpressions.Regex LineBreaks();

    /// <summary>An address as typed, possibly « Name &lt;address&gt; », with its display name on one line.</summary>
    private static MailboxAddress Mailbox(string address)
    {
        var mailbox = MailboxAddress.Parse(OneLine(address));
        mailbox.Name = mailbox.Name is null ? null : OneLine(mailbox.Name);
        mailbox.Encoding = Encoding.UTF8;
        return mailbox;
    }

    /// <summary>UTF-8 throughout (subject, names, bodies); a text body, and the HTML one as its alternative when there is one.</summary>
    private static MimeMessage ToMime(EmailMessage message, EmailSettings settings)
    {
        var mime = new MimeMessage();
        var from = Mailbox(settings.From);
        mime.From.Add(from);
        mime.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        mime.To.Add(Mailbox(message.To));
        if (message.ReplyTo is not null) mime.ReplyTo.Add(Mailbox(message.ReplyTo));
        mime.Headers.Replace(HeaderId.Subject, Encoding.UTF8, OneLine(message.Subject));
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, message.TextBody);
        if (message.HtmlBody is null)
        {
            mime.Body = text;
        }
        else
        {
            var html = new TextPart(TextFormat.Html);
            html.SetText(Encoding.UTF8, message.HtmlBody);
            mime.Body = new MultipartAlternative { text, html };
        }
        if (message.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { mime.Body };
            foreach (var file in attachments)
                mixed.Add(new MimePart(ContentType.Parse(file.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(file.Content)), ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64, FileName = file.FileName,
                });
            mime.Body = mixed;
        }
        // 7-bit transfer encodings (quoted-printable or base64), so the file and any relay carry the accents intact.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <summary>Written under a hidden temporary name, then renamed in the same folder: a reader of *.eml never sees half a message.</summary>
    private static async Task<string> WriteToPickupAsync(MimeMessage mime, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        // Version 7 GUIDs start with the time: unique, and in sending order when listed by name.
        var name = Guid.CreateVersion7().ToString("N");
        var temporary = Path.Combine(folder, $".{name}.eml.tmp");
        var final = Path.Combine(folder, $"{name}.eml");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await mime.WriteToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, final);
            return final;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task SendBySmtpAsync(EmailMessage message, MimeMessage mime, EmailSettings settings, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var server = $"{settings.SmtpHost}:{settings.SmtpPort}";
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SocketSecurity, deadline.Token);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", deadline.Token);
            await client.SendAsync(mime, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(message, server, transient: true, $"no answer within {settings.SmtpTimeoutSeconds} s", e);
        }
        catch (SmtpCommandException e)
        {
            // 4xx: the server asks to try again later; 5xx: it refuses (a recipient, the sender, the size).
            throw Failure(message, server, transient: (int)e.StatusCode < 500, $"{(int)e.StatusCode} {e.Message}", e);
        }
        catch (AuthenticationException e)
        {
            throw Failure(message, server, transient: false, $"authentication refused for {settings.SmtpUser}: {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException
                                      or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            throw Failure(message, server, transient: e is not NotSupportedException, e.Message, e);
        }
    }

    // No subject nor recipient in the text: it ends up in logs (the retry job's, the delivery's warning).
    private static EmailDeliveryException Failure(EmailMessage message, string server, bool transient, string why, Exception inner) =>
        new(message, transient, $"E-mail not sent through {server}: {WithoutAddresses(why)}", inner);

    /// <summary>A server's answer often quotes the refused address: each address becomes « [adresse] ».</summary>
    public static string WithoutAddresses(string text) => Addresses().Replace(text, "[adresse]");

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial System.Text.RegularExpressions.Regex Addresses();
}
