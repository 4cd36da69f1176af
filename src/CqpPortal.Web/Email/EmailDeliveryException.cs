namespace CqpPortal.Web.Email;

/// <summary>
/// The SMTP server could not be reached or refused the message. Keeps the message, so that a caller (a job) can send it
/// again; <see cref="IsTransient"/> says whether trying again later may help (server down, timeout, a 4xx answer).
/// </summary>
public sealed class EmailDeliveryException(EmailMessage email, bool isTransient, string message, Exception innerException)
    : Exception(message, innerException)
{
    public EmailMessage Email { get; } = email;
    public bool IsTransient { get; } = isTransient;
}
