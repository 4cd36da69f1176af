using CqpPortal.Web.Certificates;
using System.Data;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Juries;

/// <summary>What the president submits for one candidate: the result chosen, the units ticked, the observations.</summary>
public sealed record DeliberationInput(int RegistrationId, JuryResult? Result, IReadOnlyCollection<int> Units, string? Observations);

/// <summary>
/// The jury's president records the deliberation for each convened candidate in the jury area (<see cref="JuryDeliberationRules"/>);
/// the candidate is told only once the minutes are locked (<see cref="JuryMinutes"/>). After that, a correction by the
/// president or staff, with a reason, keeps what the decision was and e-mails the candidate again.
/// </summary>
public sealed class JuryDeliberations(CqpDbContext db, JuryProceedings proceedings, CandidateMailer mailer, EmployeeNotifications companies, CertificateIssuance certificates, TimeProvider clock)
{
    /// <summary>Records (or changes, before the minutes are locked) the decision for one candidate; returns why not when refused.</summary>
    public async Task<string?> RecordAsync(int sessionId, DeliberationInput input, string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE"); // not while the last member signs
        if (await proceedings.SittingAsync(sessionId) is not { } sitting) return "Ce jury n'existe pas.";
        if (JuryRules.WhyNotDecide(sitting.Session.StartsAt, sitting.Session.CancelledAt is not null, clock.GetUtcNow()) is { } notYet) return notYet;
        var candidate = sitting.Candidates.FirstOrDefault(c => c.RegistrationId == input.RegistrationId && c.Convened);
        var deliberation = Of(sitting, candidate, input, byPresident: sitting.President?.UserId == userId);
        if (JuryDeliberationRules.WhyNotRecord(deliberation) is { } why) return why;

        var decision = await db.JuryDecisions.Include(j => j.UnitResults).FirstOrDefaultAsync(j => j.SessionId == sessionId && j.RegistrationId == input.RegistrationId);
        if (decision is null) db.JuryDecisions.Add(decision = new JuryDecision { RegistrationId = input.RegistrationId, SessionId = sessionId });
        Apply(decision, sitting, candidate!, deliberation);
        (decision.RecordedByUserId, decision.RecordedAt) = (userId, clock.GetUtcNow());
        // A signature attests the decisions as they were: once one changes, the members sign again.
        await db.JuryMinutesSignatures.Where(s => s.SessionId == sessionId).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// Corrects a decision after the minutes were locked (the president, or staff): the previous result, units and
    /// observations are kept with who, when and why; the candidate is told again. Returns why not when refused.
    /// </summary>
    public async Task<string?> CorrectAsync(int sessionId, DeliberationInput input, string? reason, string userId, bool asStaff)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE");
        if (await proceedings.SittingAsync(sessionId) is not { } sitting) return "Ce jury n'existe pas.";
        var candidate = sitting.Candidates.FirstOrDefault(c => c.RegistrationId == input.RegistrationId && c.Result is not null);
        var deliberation = Of(sitting, candidate, input, byPresident: asStaff || sitting.President?.UserId == userId);
        if (candidate is null && sitting.Locked) return "Aucune décision à corriger pour ce candidat à ce jury.";
        if (JuryDeliberationRules.WhyNotCorrect(deliberation, reason) is { } why) return why;

        var decision = await db.JuryDecisions.Include(j => j.UnitResults).Include(j => j.Registration).ThenInclude(r => r!.Candidate)
            .SingleAsync(j => j.SessionId == sessionId && j.RegistrationId == input.RegistrationId);
        decision.Corrections.Add(new JuryDecisionCorrection
        {
            PreviousResult = decision.Result, PreviousComment = decision.Comment, Reason = reason!.Trim(), At = clock.GetUtcNow(), ByUserId = userId,
            PreviousUnitNumbers = sitting.Units.Where(u => candidate!.UnitsValidated.Contains(u.Id)).Select(u => u.Number).ToList(),
        });
        Apply(decision, sitting, candidate!, deliberation);
        var registration = decision.Registration!;
        registration.History.Add(new RegistrationStatusChange { From = registration.State, To = registration.State, At = clock.GetUtcNow(), ByUserId = userId,
            Comment = $"Décision du jury du {decision.DecidedOn:dd/MM/yyyy} corrigée : {FrenchLabels.Of(decision.Result)} ({reason.Trim()})" });
        await db.SaveChangesAsync();
        if (sitting.Locked) await certificates.IssueForDecisionAsync(decision.Id);
        await transaction.CommitAsync();
        await JuryMinutes.TellAsync(mailer, companies, registration.Candidate!, decision, sitting.Units);
        return null;
    }

    private static Deliberation Of(JurySitting sitting, JuryCandidate? candidate, DeliberationInput input, bool byPresident) =>
        new(byPresident, candidate is not null, sitting.Locked, input.Result, input.Units.Distinct().ToList(),
            candidate?.UnitsValidatedBefore.Keys.ToList() ?? [], sitting.Units.Select(u => u.Id).ToList(), input.Observations);

    /// <summary>The decision as deliberated: an absence records no unit (those validated before stay on their own decision).</summary>
    private static void Apply(JuryDecision decision, JurySitting sitting, JuryCandidate candidate, Deliberation d)
    {
        var result = d.Result!.Value;
        decision.DecidedOn = DayInParis.Of(sitting.Session.StartsAt);
        decision.Result = result;
        decision.Comment = string.IsNullOrWhiteSpace(d.Observations) ? null : d.Observations.Trim();
        decision.UnitResults.Clear();
        if (result == JuryResult.Absent) return;
        var now = JuryDeliberationRules.NewUnits(d);
        decision.UnitResults.AddRange(sitting.Units.Select(u => new JuryUnitResult { UnitId = u.Id, Validated = now.Contains(u.Id) || candidate.UnitsValidatedBefore.ContainsKey(u.Id) }));
    }
}
