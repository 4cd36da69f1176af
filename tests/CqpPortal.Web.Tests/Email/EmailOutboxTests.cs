using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Email;

/// <summary>An e-mail leaves once what it announces is committed: never for a transaction that rolls back.</summary>
[Collection(PortalCollection.Name)]
public class EmailOutboxTests(DemoPortal portal)
{
    private int Count(string recipient) => portal.Mail.All().Count(m => m.Contains($"To: {recipient}", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task An_email_sent_inside_a_transaction_waits_for_the_commit()
    {
        var recipient = $"commit-{Guid.NewGuid():N}@cqp.test";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await outbox.SendAsync(new EmailMessage(recipient, "Décision", "Bonjour"));
            Assert.Equal(0, Count(recipient));
            await transaction.CommitAsync();
        }
        Assert.Equal(1, Count(recipient));
    }

    [Fact]
    public async Task An_email_of_a_transaction_rolled_back_is_never_sent()
    {
        var recipient = $"rollback-{Guid.NewGuid():N}@cqp.test";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await outbox.SendAsync(new EmailMessage(recipient, "Décision", "Bonjour"));
            await transaction.RollbackAsync();
        }
        await using (var next = await db.Database.BeginTransactionAsync()) await next.CommitAsync(); // a later commit does not send it either
        Assert.Equal(0, Count(recipient));
    }

    [Fact]
    public async Task Outside_a_transaction_an_email_goes_at_once()
    {
        var recipient = $"direct-{Guid.NewGuid():N}@cqp.test";
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendAsync(new EmailMessage(recipient, "Information", "Bonjour"));
        Assert.Equal(1, Count(recipient));
    }
}
