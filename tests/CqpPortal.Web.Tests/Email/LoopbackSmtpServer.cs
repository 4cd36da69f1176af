using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CqpPortal.Web.Tests.Email;

/// <summary>
/// Just enough of an SMTP server, on loopback, for one session: greeting, EHLO (offering AUTH PLAIN when credentials are
/// expected), AUTH PLAIN, MAIL FROM, RCPT TO, DATA, QUIT. What it receives is kept for the test to read.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly (string User, string Password)? credentials;
    private readonly Task session;

    public LoopbackSmtpServer((string User, string Password)? credentials = null)
    {
        this.credentials = credentials;
        listener.Start();
        session = RunAsync();
    }

    /// <summary>A loopback port nobody listens on: an SMTP server that is down.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public string? AuthenticatedUser { get; private set; }
    public string? MailFrom { get; private set; }
    public List<string> Recipients { get; } = [];

    /// <summary>The DATA of the message, dots unstuffed, once the session has ended.</summary>
    public async Task<byte[]> MessageAsync()
    {
        await session.WaitAsync(TimeSpan.FromSeconds(30));
        return data ?? throw new InvalidOperationException("No message was received.");
    }

    private byte[]? data;

    private async Task RunAsync()
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        // Latin-1 maps each byte to one char and back: the DATA bytes are kept exactly.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP test");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    if (credentials is not null) await writer.WriteLineAsync("250-AUTH PLAIN");
                    await writer.WriteLineAsync("250 HELP");
                    break;
                case "AUTH":
                    var parts = line.Split(' ');
                    var response = parts.Length > 2 ? parts[2] : await ChallengeAsync(reader, writer);
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    if (credentials is { } expected && fields.Length == 3 && fields[1] == expected.User && fields[2] == expected.Password)
                    {
                        AuthenticatedUser = fields[1];
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    }
                    else await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                    break;
                case "MAIL":
                    MailFrom = line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0].Trim('<', '>');
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    Recipients.Add(line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>'));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        message.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    data = Encoding.Latin1.GetBytes(message.ToString());
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                    break;
            }
        }
    }

    private static async Task<string> ChallengeAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync() ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        try { await session.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or TimeoutException) { }
    }
}
