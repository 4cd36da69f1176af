using System.Data;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Registrations;

/// <summary>The outcome of an abandon: <see cref="Found"/> false for an unknown file (or someone else's), else the refusal, if any.</summary>
public sealed record WithdrawalResult(bool Found, string? Error)
{
    public static readonly WithdrawalResult NotFound = new(false, null);
}

/// <summary>
/// A journey closes before its end: « Abandon » (the candidate's own, or recorded by staff with a reason) or
/// « Délai dépassé » (by the deadline job). Either way the registration's state changes with a history row (who,
/// when, why), every coming enrolment is cancelled (freed seats go to the first one waiting), and the units a jury
/// validated stay on record. The registration row is locked, so the job and a person never close it twice.
/// </summary>
public sealed class JourneyClosures(CqpDbContext db, SessionEnrolments enrolments, CandidateMailer mailer, TimeProvider clock)
{
    /// <summary>
    /// Records an abandon. With <paramref name="ownerUserId"/> it is the candidate's own (their file only: anyone
    /// else's is <see cref="WithdrawalResult.NotFound"/>), reason optional; without it, staff's, reason required and e-mailed.
    /// </summary>
    public async Task<WithdrawalResult> WithdrawAsync(int registrationId, string? ownerUserId, string byUserId, string? reason)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        var registration = await LockAsync(registrationId);
        if (registration is null || (ownerUserId is not null && registration.Candidate!.UserId != ownerUserId)) return WithdrawalResult.NotFound;
        var byStaff = ownerUserId is null;
        if (JourneyWithdrawal.WhyNot(registration.State, await CertifiedAsync(registration), byStaff, reason) is { } why) return new WithdrawalResult(true, why);

        var motive = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Close(registration, RegistrationState.Withdrawn, byUserId,
            byStaff ? $"Abandon enregistré par l'organisme. Motif : {motive}" : "Abandon déclaré par le candidat." + (motive is null ? "" : $" Motif : {motive}"));
        await enrolments.ReleaseComingAsync(registration.Id);
        await db.SaveChangesAsync();
        if (byStaff) await mailer.WithdrawalRecordedAsync(registration.Candidate!, registration.Certification!.Name, motive!);
        await transaction.CommitAsync();
        return new WithdrawalResult(true, null);
    }

    /// <summary>
    /// Closes an admissible journey whose deadline has passed and tells the candidate how to start again. False when
    /// the file is no longer open (closed meanwhile, certified): nothing is done.
    /// </summary>
    public async Task<bool> ExpireAsync(int registrationId, JourneyDeadline deadline, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var registration = await LockAsync(registrationId);
        if (registration is null || registration.State != RegistrationState.Admissible || await CertifiedAsync(registration, anyDecision: true)) return false;

        Close(registration, RegistrationState.Expired, null, ExpiredComment(deadline));
        await enrolments.ReleaseComingAsync(registration.Id);
        await db.SaveChangesAsync(cancellationToken);
        var acquired = await db.JuryDecisions.Where(JuryDecision.IsFinal).Where(j => j.RegistrationId == registrationId)
            .SelectMany(j => j.UnitResults).Where(u => u.Validated).Select(u => new { u.Unit!.Number, u.Unit.Title }).Distinct()
            .OrderBy(u => u.Number).ToListAsync(cancellationToken);
        await mailer.JourneyExpiredAsync(registration.Candidate!, registration.Certification!.Name, deadline.Deadline,
            acquired.Select(u => $"unité {u.Number} – {u.Title}").ToList());
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<Registration?> LockAsync(int registrationId)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Registrations\" WHERE \"Id\" = {registrationId} FOR UPDATE");
        return await db.Registrations.Include(r => r.Candidate).Include(r => r.Certification).FirstOrDefaultAsync(r => r.Id == registrationId);
    }

    /// <summary>Certified: a final total validation (or a certificate date); for closing at the deadline, any total validation, even one whose minutes are not signed yet.</summary>
    private async Task<bool> CertifiedAsync(Registration registration, bool anyDecision = false) =>
        registration.CertifiedOn is not null || await (anyDecision ? db.JuryDecisions : db.JuryDecisions.Where(JuryDecision.IsFinal))
            .AnyAsync(j => j.RegistrationId == registration.Id && j.Result == JuryResult.TotalValidation);

    /// <summary>The history line of a journey closed at its deadline.</summary>
    public static string ExpiredComment(JourneyDeadline deadline) =>
        $"Délai du parcours dépassé (fin le {FrenchFormat.Date(deadline.Deadline)}) : parcours clos automatiquement ; les unités acquises restent enregistrées.";

    private void Close(Registration registration, RegistrationState to, string? byUserId, string comment)
    {
        db.RegistrationStatusChanges.Add(new RegistrationStatusChange
        {
            RegistrationId = registration.Id, From = registration.State, To = to, At = clock.GetUtcNow(), ByUserId = byUserId, Comment = comment,
        });
        registration.State = to;
    }
}
