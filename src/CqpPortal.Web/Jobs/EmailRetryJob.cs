using CqpPortal.Web.Email;
using Hangfire;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// An e-mail the mail server refused or could not be reached for: Hangfire sends it again, with its growing delays
/// (seconds, then minutes, up to about a day over the attempts), until the server takes it.
/// </summary>
public sealed class EmailRetryJob(IEmailSender sender)
{
    [AutomaticRetry(Attempts = 15, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => sender.SendAsync(message, cancellationToken);
}
