using System.Threading.RateLimiting;
using CqpPortal.Domain.Contacts;
using CqpPortal.Web.Email;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Contacts;

/// <summary>What became of a contact message: sent, refused with French errors by field, or one too many.</summary>
public sealed record ContactSendResult(bool Sent, IReadOnlyDictionary<string, string> Errors, string? TooMany)
{
    public static readonly ContactSendResult Done = new(true, new Dictionary<string, string>(), null);
}

/// <summary>
/// The public contact form: the message is checked (<see cref="ContactMessageRules"/>), counted against the client
/// address's allowance, then sent to the organisation's contact address with the sender as Reply-To. Only messages that
/// would be sent are counted: someone correcting a typo is not held back.
/// </summary>
public sealed class ContactMessages(StaffMailer mailer, ContactRateLimit limit, IOptions<OrganisationContact> contact)
{
    public async Task<ContactSendResult> SendAsync(ContactMessageInput input, string clientAddress)
    {
        var check = ContactMessageRules.Check(input);
        if (!check.IsValid) return new ContactSendResult(false, check.Errors, null);
        if (!limit.TryTake(clientAddress))
            return new ContactSendResult(false, new Dictionary<string, string>(),
                $"Vous avez déjà envoyé {contact.Value.MessagesPerWindow} messages en moins de {contact.Value.MessageWindowMinutes} minutes. "
                + $"Votre texte est conservé ci-dessous : réessayez dans quelques minutes, ou appelez-nous au {contact.Value.Phone}.");
        await mailer.ContactMessageAsync(contact.Value.Email, input.Name!.Trim(), input.Email!.Trim(),
            string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(), input.Subject!.Value, input.Message!.Trim());
        return ContactSendResult.Done;
    }
}

/// <summary>
/// The contact form's allowance per client address (fixed window, System.Threading.RateLimiting as the site's other
/// limits). Taken inside the page rather than by the rate-limiting middleware, which answers before the page runs: the
/// visitor would then lose the message they typed.
/// </summary>
public sealed class ContactRateLimit(IOptions<OrganisationContact> settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.Value.MessagesPerWindow,
            Window = TimeSpan.FromMinutes(settings.Value.MessageWindowMinutes),
            QueueLimit = 0,
        }));

    public bool TryTake(string clientAddress)
    {
        using var lease = limiter.AttemptAcquire(clientAddress);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
