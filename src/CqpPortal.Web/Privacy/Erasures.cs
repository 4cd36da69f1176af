using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Privacy;

/// <summary>
/// Erases a person as <see cref="ErasurePolicy"/> decides, in one transaction: identity and contact details removed
/// (a holder keeps the proof of certification), birth date generalised to its year with the age at each registration
/// written down (the statistics read it), uploads and booklets deleted, free texts cleared, the account deleted.
/// What the statistics count (sex, region, level, route, funding, experience, states, decisions, dates, coded survey
/// answers, training attendance) is never touched, so the figures stay identical.
/// </summary>
public sealed class Erasures(CqpDbContext db, TimeProvider clock)
{
    public const string ErasedFirstName = "Personne";
    public const string ErasedMotive = "Effacé avec les données de la personne.";

    public static string ErasedLastName(int candidateId) => $"effacée n° {candidateId}";

    public static string ErasedEmail(int candidateId) => $"effacement-{candidateId}@anonyme.invalid";

    /// <summary>What the rules need of each not yet erased candidate (all of them when <paramref name="candidateId"/> is null).</summary>
    public async Task<Dictionary<int, PersonFacts>> FactsAsync(int? candidateId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Candidates.AsNoTracking()
            .Where(c => c.AnonymisedAt == null && (candidateId == null || c.Id == candidateId))
            .Select(c => new
            {
                c.Id, c.UpdatedAt, SignedIn = c.User == null ? null : c.User.LastSignInAt,
                Files = c.Registrations.Select(r => new
                {
                    r.State, r.UpdatedAt, LastChange = r.History.Max(h => (DateTimeOffset?)h.At), LastProof = r.Proofs.Max(p => (DateTimeOffset?)p.UploadedAt),
                    r.AdmissibilityDecidedOn, LastJury = r.JuryDecisions.Max(j => (DateOnly?)j.DecidedOn),
                    Holder = r.CertifiedOn != null || r.JuryDecisions.Any(j => j.Result == JuryResult.TotalValidation),
                    Ahead = r.Enrolments.Any(e => e.State != EnrolmentState.Cancelled && e.Session!.CancelledAt == null && e.Session.StartsAt > now),
                }).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        return rows.ToDictionary(c => c.Id, c => new PersonFacts(
            c.Files.Select(f => new FileFacts(f.State,
                Latest(DayInParis.Of(Latest(f.UpdatedAt, f.LastChange, f.LastProof)), f.AdmissibilityDecidedOn), f.LastJury, f.Holder, f.Ahead)).ToList(),
            DayInParis.Of(Latest(c.UpdatedAt, c.SignedIn))));
    }

    public async Task<ErasurePlan?> PlanAsync(int candidateId, CancellationToken cancellationToken = default) =>
        (await FactsAsync(candidateId, cancellationToken)).TryGetValue(candidateId, out var facts) ? ErasurePolicy.For(facts) : null;

    /// <summary>
    /// Erases the candidate if the policy allows it now (checked again inside the transaction); returns the plan applied,
    /// or the refusal. <paramref name="record"/> runs in the same transaction (the request marked done, or the retention
    /// job's row), so an erasure and its record never go one without the other.
    /// </summary>
    public async Task<ErasurePlan?> EraseAsync(int candidateId, Action<ErasurePlan> record, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(candidateId, cancellationToken);
        if (plan is null) return null;
        if (plan.Allowed) await ApplyAsync(candidateId, plan, cancellationToken);
        record(plan);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    private async Task ApplyAsync(int candidateId, ErasurePlan plan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidate = await db.Candidates.Include(c => c.Registrations).FirstAsync(c => c.Id == candidateId, cancellationToken);
        var registrations = db.Registrations.Where(r => r.CandidateId == candidateId);
        var ids = candidate.Registrations.Select(r => r.Id).ToList();

        foreach (var registration in candidate.Registrations)
        {
            // The statistics' age: completed years at registration, written before the birth date loses its day.
            if (registration.RegisteredOn is { } on) registration.AgeAtRegistration ??= AgeBands.CompletedYears(candidate.BirthDate, on);
            registration.EmployerName = null;
            registration.EmployerSiret = null;
            registration.OtherSector = null;
            registration.DecisionMotive = registration.DecisionMotive is null ? null : ErasedMotive;
        }
        await db.RegistrationStatusChanges.Where(h => ids.Contains(h.RegistrationId) && h.Comment != null)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Comment, ErasedMotive), cancellationToken);

        // Uploads, letters and booklets: deleted (the booklets' jobs, situations, documents and history go with them).
        await db.RegistrationProofs.Where(p => ids.Contains(p.RegistrationId)).ExecuteDeleteAsync(cancellationToken);
        await db.DocumentRequests.Where(d => ids.Contains(d.RegistrationId)).ExecuteDeleteAsync(cancellationToken);
        await db.CandidateDocuments.Where(d => d.CandidateId == candidateId).ExecuteDeleteAsync(cancellationToken);
        await db.Booklets.Where(b => ids.Contains(b.RegistrationId)).ExecuteDeleteAsync(cancellationToken);
        await db.EvaluatorLinks.Where(l => l.CandidateId == candidateId).ExecuteDeleteAsync(cancellationToken);

        // Free texts written about the person: observations, comments, tutor's name, objectives.
        await db.EvaluationGrids.Where(g => ids.Contains(g.Enrolment!.RegistrationId))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.GeneralObservation, (string?)null).SetProperty(g => g.CorrectionReason, g => g.CorrectionReason == null ? null : ErasedMotive), cancellationToken);
        await db.EvaluationGridEntries.Where(e => db.EvaluationGrids.Any(g => g.Id == e.GridId && ids.Contains(g.Enrolment!.RegistrationId)))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Observation, (string?)null).SetProperty(e => e.CoEvaluatorObservation, (string?)null), cancellationToken);
        await db.JuryDecisions.Where(j => ids.Contains(j.RegistrationId)).ExecuteUpdateAsync(set => set.SetProperty(j => j.Comment, (string?)null), cancellationToken);
        await db.JuryDecisionCorrections.Where(c => db.JuryDecisions.Any(j => j.Id == c.JuryDecisionId && ids.Contains(j.RegistrationId)))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.PreviousComment, (string?)null).SetProperty(c => c.Reason, ErasedMotive), cancellationToken);
        await db.Positionings.Where(p => ids.Contains(p.RegistrationId))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.TutorName, (string?)null).SetProperty(p => p.Comment, (string?)null), cancellationToken);
        await db.PositioningEntries.Where(e => db.Positionings.Any(p => p.Id == e.PositioningId && ids.Contains(p.RegistrationId)))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Comment, (string?)null), cancellationToken);
        await db.TrainingPaths.Where(p => ids.Contains(p.RegistrationId)).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Objectives, (string?)null)
            .SetProperty(p => p.ReducedHoursReason, p => p.ReducedHoursReason == null ? null : ErasedMotive)
            .SetProperty(p => p.EvaluationWaiverReason, p => p.EvaluationWaiverReason == null ? null : ErasedMotive), cancellationToken);
        // Survey answers: the coded answers (and the job title, which the statistics group) stay; the company named goes.
        await db.HolderSurveys.Where(s => ids.Contains(s.RegistrationId)).ExecuteUpdateAsync(set => set.SetProperty(s => s.Company, (string?)null), cancellationToken);
        await db.HolderSurveyLinks.Where(l => ids.Contains(l.Survey!.RegistrationId)).ExecuteDeleteAsync(cancellationToken);
        await db.ErasureRequests.Where(e => e.CandidateId == candidateId).ExecuteUpdateAsync(set => set.SetProperty(e => e.Reason, (string?)null), cancellationToken);

        if (!plan.KeepsProofOfCertification)
        {
            candidate.FirstName = ErasedFirstName;
            candidate.LastName = ErasedLastName(candidate.Id);
            candidate.BirthDate = new DateOnly(candidate.BirthDate.Year, 1, 1);
        }
        candidate.Email = ErasedEmail(candidate.Id);
        candidate.Phone = null;
        candidate.CompanyId = null;
        candidate.AnonymisedAt = now;

        // The account: deleted when it is only a candidate's (its sessions go with it); someone with another role keeps theirs.
        if (candidate.UserId is { } userId)
        {
            candidate.UserId = null;
            var otherRoles = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name != Roles.Candidate), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (otherRoles) await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            else await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (latest, other) => other is { } o && o > latest ? o : latest);

    private static DateOnly Latest(DateOnly first, DateOnly? other) => other is { } o && o > first ? o : first;
}
