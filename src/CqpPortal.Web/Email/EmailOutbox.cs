using System.Data.Common;
using System.Runtime.CompilerServices;
using CqpPortal.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CqpPortal.Web.Email;

/// <summary>
/// What the mailers send through: an e-mail leaves once what it announces is committed. Outside a transaction it goes
/// at once; inside one it waits for the commit (<see cref="EmailsAfterCommit"/>) and is dropped on a rollback, so
/// nobody is told of a decision that was never saved.
/// </summary>
public sealed class EmailOutbox(CqpDbContext db, EmailsAfterCommit afterCommit)
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        afterCommit.SendOrHoldAsync(db, message, cancellationToken);
}

/// <summary>Holds the e-mails of an open transaction per DbContext and delivers them when it commits.</summary>
public sealed class EmailsAfterCommit(EmailDelivery delivery) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<EmailMessage>> held = new();

    public async Task SendOrHoldAsync(DbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await delivery.DeliverAsync(message, cancellationToken);
            return;
        }
        lock (held) held.GetOrCreateValue(db).Add(message);
    }

    // A pooled context may come back with messages of a transaction disposed without commit or rollback: a new
    // transaction starts clean, so they can never leave with someone else's commit.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Take(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var message in Take(eventData.Context)) await delivery.DeliverAsync(message, CancellationToken.None);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var message in Take(eventData.Context)) delivery.DeliverAsync(message, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private List<EmailMessage> Take(DbContext? context)
    {
        if (context is null) return [];
        lock (held)
        {
            if (!held.TryGetValue(context, out var messages)) return [];
            held.Remove(context);
            return messages;
        }
    }
}

/// <summary>
/// Hands a committed e-mail to the transport. What it announces is already saved, so a transport failure must not
/// undo nor hide the user's action: the message is queued as a job (<see cref="Jobs.EmailRetryJob"/>) that the job
/// servers retry until the mail server takes it. Only when even the queue is unreachable is it lost, and logged.
/// </summary>
public sealed class EmailDelivery(IEmailSender sender, IBackgroundJobClient jobs, ILogger<EmailDelivery> logger)
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                var jobId = jobs.Enqueue<Jobs.EmailRetryJob>(job => job.SendAsync(message, CancellationToken.None));
                // Neither subject nor recipient (personal data); the failure's own text is cleared of addresses.
                logger.LogWarning("E-mail not sent now ({Error}: {Reason}): retried by job {JobId}", e.GetType().Name, SmtpEmailSender.WithoutAddresses(e.Message), jobId);
            }
            catch (Exception queueFailure)
            {
                logger.LogError(queueFailure, "E-mail lost: neither sent ({Error}: {Reason}) nor queued", e.GetType().Name, SmtpEmailSender.WithoutAddresses(e.Message));
            }
        }
    }
}
