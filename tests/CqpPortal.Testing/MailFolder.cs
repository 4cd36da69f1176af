using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace CqpPortal.Testing;

/// <summary>The .eml files the portal wrote, read back as a person's mailbox.</summary>
public sealed partial class MailFolder(string path)
{
    public IReadOnlyList<string> All() =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(Decode).ToList() : [];

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

    /// <summary>Undoes the transfer encodings System.Net.Mail uses (quoted-printable, base64), so tests read plain text.</summary>
    private static string Decode(string file)
    {
        var raw = EncodedWord().Replace(File.ReadAllText(file), m => m.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))
            : QuotedPrintable(m.Groups[2].Value.Replace('_', ' ')));
        var decoded = new StringBuilder(raw);
        foreach (Match part in Base64Part().Matches(raw))
        {
            try { decoded.AppendLine(Encoding.UTF8.GetString(Convert.FromBase64String(part.Groups[1].Value.Replace("\r", "").Replace("\n", "")))); }
            catch (FormatException) { }
        }
        decoded.AppendLine(QuotedPrintable(raw.Replace("=\r\n", "").Replace("=\n", "")));
        return decoded.ToString();
    }

    private static string QuotedPrintable(string unfolded)
    {
        var bytes = new List<byte>(unfolded.Length);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?utf-8\?([QB])\?(.*?)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)")]
    private static partial Regex Base64Part();
}
