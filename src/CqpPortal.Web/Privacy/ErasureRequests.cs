using CqpPortal.Domain.Privacy;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Privacy;

/// <summary>A person's erasure request as they and staff see it.</summary>
public sealed record ErasureRequestView(int Id, int CandidateId, string Name, ErasureSource Source, ErasureState State, DateTimeOffset RequestedAt,
    string? Reason, DateTimeOffset? DecidedAt, string? Outcome);

/// <summary>
/// « Demander l'effacement de mes données »: the candidate asks (one pending request at a time), staff are told by
/// e-mail and execute it from « Effacements » through <see cref="Erasures"/>, which refuses while a file is in progress.
/// </summary>
public sealed class ErasureRequests(CqpDbContext db, Erasures erasures, StaffMailer staff, TimeProvider clock)
{
    public sealed record Result(bool Found, string? Error = null, ErasurePlan? Plan = null);

    public Task<List<ErasureRequestView>> OfUserAsync(string userId, CancellationToken cancellationToken = default) =>
        Views(db.ErasureRequests.Where(e => e.Candidate!.UserId == userId)).ToListAsync(cancellationToken);

    /// <summary>Pending requests first (oldest first), then the latest done or refused.</summary>
    public Task<List<ErasureRequestView>> ForStaffAsync(int take, CancellationToken cancellationToken = default) =>
        Views(db.ErasureRequests.OrderBy(e => e.State == ErasureState.Pending ? 0 : 1).ThenBy(e => e.State == ErasureState.Pending ? e.RequestedAt : DateTimeOffset.MinValue)
            .ThenByDescending(e => e.DecidedAt).Take(take)).ToListAsync(cancellationToken);

    private static IQueryable<ErasureRequestView> Views(IQueryable<ErasureRequest> requests) =>
        requests.OrderBy(e => e.State == ErasureState.Pending ? 0 : 1).ThenByDescending(e => e.RequestedAt).Select(e => new ErasureRequestView(
            e.Id, e.CandidateId, e.Candidate!.FirstName + " " + e.Candidate.LastName, e.Source, e.State, e.RequestedAt, e.Reason, e.DecidedAt, e.Outcome));

    /// <summary>Records the request and tells staff; a second request while one is pending is refused in French.</summary>
    public async Task<Result> AskAsync(string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (candidate is null) return new(false);
        if (await db.ErasureRequests.AnyAsync(e => e.CandidateId == candidate.Id && e.State == ErasureState.Pending, cancellationToken))
            return new(true, "Une demande d'effacement est déjà en attente : l'organisme la traite dans un délai d'un mois.");
        db.ErasureRequests.Add(new ErasureRequest
        {
            CandidateId = candidate.Id, Source = ErasureSource.Request, RequestedAt = clock.GetUtcNow(),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await staff.ErasureRequestedAsync(candidate);
        return new(true);
    }

    /// <summary>Staff execute a pending request: the person is erased, or the request stays pending with the refusal's reason shown.</summary>
    public async Task<Result> ExecuteAsync(int requestId, string staffUserId, CancellationToken cancellationToken = default)
    {
        var request = await db.ErasureRequests.FirstOrDefaultAsync(e => e.Id == requestId && e.State == ErasureState.Pending, cancellationToken);
        if (request is null) return new(false);
        var plan = await erasures.EraseAsync(request.CandidateId, plan =>
        {
            if (!plan.Allowed) return;
            request.State = ErasureState.Done;
            request.DecidedAt = clock.GetUtcNow();
            request.DecidedByUserId = staffUserId;
            request.Reason = null;
            request.Outcome = Outcome(plan);
        }, cancellationToken);
        if (plan is null) return new(false);
        return plan.Allowed ? new(true, Plan: plan) : new(true, plan.Refusal, plan);
    }

    /// <summary>Staff refuse a request (in French, with the reason the candidate will read).</summary>
    public async Task<Result> RefuseAsync(int requestId, string staffUserId, string reason, CancellationToken cancellationToken = default)
    {
        var request = await db.ErasureRequests.FirstOrDefaultAsync(e => e.Id == requestId && e.State == ErasureState.Pending, cancellationToken);
        if (request is null) return new(false);
        (request.State, request.DecidedAt, request.DecidedByUserId, request.Outcome) = (ErasureState.Refused, clock.GetUtcNow(), staffUserId, reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return new(true);
    }

    public static string Outcome(ErasurePlan plan) =>
        "Effacé. Conservé : " + string.Join(" ; ", plan.Kept) + ".";
}
