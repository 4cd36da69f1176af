using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CqpPortal.Testing;
using CqpPortal.Web.Email;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MailKit.Security;
using MimeKit;

namespace CqpPortal.Web.Tests.Email;

/// <summary>The sender without the web: SMTP to a real (minimal) server on loopback, the pickup folder, and the settings' checks.</summary>
public class SmtpEmailSenderTests
{
    private static readonly EmailMessage Message = new(
        "lea.durand@exemple.fr",
        "Votre inscription au CQP Télésecrétaire est enregistrée — étape « reçue »",
        "Bonjour Léa,\n\nVotre dossier d'inscription a bien été reçu. Prochaine étape : l'évaluation de recevabilité.\n\nÀ bientôt,\nL'équipe CQP",
        "<p>Bonjour Léa,</p><p>Votre dossier d'inscription a bien été <strong>reçu</strong>.</p>");

    private static SmtpEmailSender Sender(EmailSettings settings) =>
        new(Options.Create(settings), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLogger<SmtpEmailSender>.Instance);

    private static EmailSettings Smtp(int port, string? user = null, string? password = null, int timeoutSeconds = 10) => new()
    {
        SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = "None", SmtpUser = user, SmtpPassword = password, SmtpTimeoutSeconds = timeoutSeconds,
    };

    [Fact]
    public async Task A_message_sent_by_smtp_arrives_with_its_french_accents_intact()
    {
        await using var server = new LoopbackSmtpServer(credentials: ("portail", "mot-de-passe-é"));

        await Sender(Smtp(server.Port, "portail", "mot-de-passe-é")).SendAsync(Message);

        using var received = MimeMessage.Load(new MemoryStream(await server.MessageAsync()));
        Assert.Equal("portail", server.AuthenticatedUser);
        Assert.Equal("ne-pas-repondre@cqp-telesecretaire.fr", server.MailFrom);
        Assert.Equal(["lea.durand@exemple.fr"], server.Recipients);
        Assert.Equal(Message.Subject, received.Subject);
        Assert.Equal("Portail CQP", received.From.Mailboxes.Single().Name);
        Assert.Equal(Message.TextBody, received.TextBody!.Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.Contains("bien été <strong>reçu</strong>", received.HtmlBody);
        Assert.Equal("utf-8", received.BodyParts.OfType<TextPart>().First().ContentType.Charset, ignoreCase: true);
    }

    [Fact]
    public async Task A_server_without_authentication_is_used_without_logging_in_when_no_user_is_set()
    {
        await using var server = new LoopbackSmtpServer();

        await Sender(Smtp(server.Port)).SendAsync(Message with { HtmlBody = null });

        using var received = MimeMessage.Load(new MemoryStream(await server.MessageAsync()));
        Assert.Null(server.AuthenticatedUser);
        Assert.Null(received.HtmlBody);
        Assert.Contains("Prochaine étape : l'évaluation de recevabilité.", received.TextBody);
    }

    [Fact]
    public async Task A_closed_port_gives_a_delivery_exception_within_the_timeout()
    {
        var port = LoopbackSmtpServer.ClosedPort();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Smtp(port, timeoutSeconds: 10)).SendAsync(Message));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
        Assert.True(failure.IsTransient);
        Assert.Same(Message, failure.Email);
        Assert.Contains($"127.0.0.1:{port}", failure.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_gives_a_delivery_exception_after_the_timeout()
    {
        // Listening but never accepting: the connection opens (the system completes it) and no greeting ever comes.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var clock = Stopwatch.StartNew();

            var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Smtp(port, timeoutSeconds: 1)).SendAsync(Message));

            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
            Assert.True(failure.IsTransient);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Refused_credentials_give_a_delivery_exception_that_retrying_will_not_mend()
    {
        await using var server = new LoopbackSmtpServer(credentials: ("portail", "le-bon"));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Smtp(server.Port, "portail", "un-autre")).SendAsync(Message));

        Assert.False(failure.IsTransient);
        Assert.Contains("portail", failure.Message);
    }

    [Fact]
    public async Task Without_smtp_each_message_is_one_complete_eml_file_that_the_mail_folder_reads_back()
    {
        var folder = Directory.CreateTempSubdirectory("cqp-pickup-").FullName;
        try
        {
            var sender = Sender(new EmailSettings { PickupDirectory = folder });

            await sender.SendAsync(Message);
            await sender.SendAsync(Message with { To = "paul.martin@exemple.fr", Subject = "Rappel : votre session à Lille", HtmlBody = null });

            Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
            Assert.DoesNotContain(Directory.GetFiles(folder), f => !f.EndsWith(".eml", StringComparison.Ordinal));
            var mail = new MailFolder(folder);
            var lea = mail.LatestTo("lea.durand@exemple.fr");
            Assert.Contains($"Subject: {Message.Subject}", lea);
            Assert.Contains("From: Portail CQP <ne-pas-repondre@cqp-telesecretaire.fr>", lea);
            Assert.Contains("Prochaine étape : l'évaluation de recevabilité.", lea);
            Assert.Contains("bien été <strong>reçu</strong>", lea);
            Assert.Contains("Rappel : votre session à Lille", mail.LatestTo("paul.martin@exemple.fr"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("From", "pas une adresse", "Email:From")]
    [InlineData("SmtpPort", "0", "Email:SmtpPort 0 is not a port")]
    [InlineData("SmtpPort", "70000", "Email:SmtpPort 70000 is not a port")]
    [InlineData("SmtpSecurity", "Tls13", "Email:SmtpSecurity « Tls13 » is not one of Auto, StartTls, SslOnConnect, None.")]
    [InlineData("SmtpTimeoutSeconds", "0", "Email:SmtpTimeoutSeconds 0")]
    [InlineData("SmtpUser", "portail", "Email:SmtpPassword is required when Email:SmtpUser is set.")]
    public void Settings_that_cannot_work_are_refused_with_a_message_naming_the_setting(string key, string value, string expected)
    {
        var settings = new EmailSettings { SmtpHost = "smtp.exemple.fr" };
        typeof(EmailSettings).GetProperty(key)!.SetValue(settings, key is "SmtpPort" or "SmtpTimeoutSeconds" ? int.Parse(value) : value);

        var result = new EmailSettingsValidation().Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal) || f.Contains(expected));
        Assert.False(new EmailSettingsValidation().Validate(null, new EmailSettings()).Failed);
    }

    [Theory]
    [InlineData("Auto", 587, SecureSocketOptions.StartTls)]
    [InlineData("Auto", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("Auto", 25, SecureSocketOptions.StartTls)]
    [InlineData("sslonconnect", 2465, SecureSocketOptions.SslOnConnect)]
    [InlineData("None", 25, SecureSocketOptions.None)]
    public void The_connection_is_encrypted_unless_none_is_asked_for_by_name(string mode, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, new EmailSettings { SmtpSecurity = mode, SmtpPort = port }.SocketSecurity);
}
