using CqpPortal.Web.Email;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CqpPortal.Web.Tests.Email;

/// <summary>What the sender writes in the logs, and how it builds a message from what people typed.</summary>
public class EmailPrivacyTests
{
    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            Lines.Add(state.ToString() ?? "");
            return null;
        }
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception) + " " + state + " " + exception);
    }

    private static (SmtpEmailSender Sender, CapturingLogger<SmtpEmailSender> Log, string Folder) Pickup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cqp-mail-" + Guid.NewGuid().ToString("N"));
        var log = new CapturingLogger<SmtpEmailSender>();
        var sender = new SmtpEmailSender(Options.Create(new EmailSettings { PickupDirectory = folder }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, log);
        return (sender, log, folder);
    }

    [Fact]
    public async Task Sending_an_email_logs_neither_the_recipient_nor_the_subject_that_names_the_candidate()
    {
        var (sender, log, folder) = Pickup();

        await sender.SendAsync(new EmailMessage("lea.durand@exemple.fr", "Convocation de Léa Durand", "Bonjour Léa Durand,"));

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains("lea.durand", StringComparison.OrdinalIgnoreCase) || l.Contains("Durand"));
        Assert.Single(Directory.GetFiles(folder, "*.eml"));
    }

    [Fact]
    public async Task A_line_break_typed_in_a_name_or_a_subject_never_breaks_the_message_and_is_read_as_a_space()
    {
        var (sender, _, folder) = Pickup();

        await sender.SendAsync(new EmailMessage("Léa\r\nDurand <lea.durand@exemple.fr>", "Livret de Léa\r\nBcc: pirate@exemple.fr", "Bonjour,"));

        using var received = MimeMessage.Load(Directory.GetFiles(folder, "*.eml").Single());
        Assert.Equal("Léa Durand", received.To.Mailboxes.Single().Name);
        Assert.Equal("Livret de Léa Bcc: pirate@exemple.fr", received.Subject);
        Assert.Empty(received.Bcc);
    }

    [Fact]
    public void An_smtp_answer_quoting_an_address_loses_the_address()
    {
        Assert.Equal("550 5.1.1 <[adresse]>: user unknown", SmtpEmailSender.WithoutAddresses("550 5.1.1 <lea.durand@exemple.fr>: user unknown"));
    }
}
