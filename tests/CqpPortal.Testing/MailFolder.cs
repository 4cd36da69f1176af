using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace CqpPortal.Testing;

/// <summary>The .eml files the portal wrote, read back as a person's mailbox.</summary>
public sealed partial class MailFolder(string path)
{
    public IReadOnlyList<string> All() =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.eml").OrderBy(File.GetCreationTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(Decode).ToList() : [];

    /// <summary>The newest message to <paramref name="recipient"/>, waiting a little for it.</summary>
    public string LatestTo(string recipient)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var message = All().LastOrDefault(m => m.Contains($"To: {recipient}", StringComparison.OrdinalIgnoreCase));
            if (message is not null) return message;
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"No e-mail to {recipient} in {path}.");
    }

    public static string FirstLink(string message, string pathPart) =>
        LinkPattern().Matches(message).Select(m => m.Value).First(l => l.Contains(pathPart)).Replace("&amp;", "&");

    /// <summary>
    /// The message as a person reads it, parsed by MimeKit (encoded subjects and names, quoted-printable or base64 bodies):
    /// its From, To and Subject lines, then the text body and the HTML body, then one « Attachment: name (type) » line per file.
    /// </summary>
    private static string Decode(string file)
    {
        using var message = MimeMessage.Load(file);
        return new StringBuilder()
            .Append("From: ").AppendLine(string.Join(", ", message.From.Mailboxes.Select(m => m.Name is { Length: > 0 } ? $"{m.Name} <{m.Address}>" : m.Address)))
            .Append("To: ").AppendLine(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)))
            .Append("Subject: ").AppendLine(message.Subject)
            .AppendLine()
            .AppendLine(message.TextBody)
            .AppendLine(message.HtmlBody)
            .AppendJoin("", message.Attachments.OfType<MimePart>().Select(a => $"Attachment: {a.FileName} ({a.ContentType.MimeType})\n"))
            .ToString();
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
