using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Certificates;
using System.Data;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Juries;

/// <summary>
/// The minutes (« procès-verbal ») of a jury session: every member signs them in the portal once each convened
/// candidate has a decision; the last signature locks them (<see cref="LockAsync"/>) and the candidates are told.
/// </summary>
public sealed class JuryMinutes(CqpDbContext db, JuryProceedings proceedings, CandidateMailer mailer, EmployeeNotifications companies, CertificateIssuance certificates, TimeProvider clock)
{
    /// <summary>Signs the minutes for <paramref name="userId"/>; the last signature locks them. Returns why not when refused.</summary>
    public async Task<string?> SignAsync(int sessionId, string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE"); // two last signatures at once lock once
        if (await proceedings.SittingAsync(sessionId) is not { } sitting) return "Ce jury n'existe pas.";
        var me = sitting.Members.FirstOrDefault(m => m.UserId == userId);
        if (sitting.Session.CancelledAt is not null) return "Ce jury est annulé.";
        if (JuryMinutesRules.WhyNotSign(me is not null, me?.SignedAt is not null, sitting.Locked, sitting.Session.StartsAt <= clock.GetUtcNow(), sitting.Undecided) is { } why)
            return why;
        db.JuryMinutesSignatures.Add(new JuryMinutesSignature { SessionId = sessionId, UserId = userId, SignedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        var signers = sitting.Members.Where(m => m.SignedAt is not null).Select(m => m.UserId).Append(userId).ToList();
        if (JuryMinutesRules.IsComplete(sitting.Members.Select(m => m.UserId).ToList(), signers)) await LockAsync(sitting);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// The one place where a jury's decisions become final: the minutes are locked, each decision goes into the
    /// candidate's history, certificates and partial attestations are issued, and the candidate is e-mailed (sent after the commit). Runs inside <see cref="SignAsync"/>'s transaction.
    /// </summary>
    private async Task LockAsync(JurySitting sitting)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.SingleAsync(s => s.Id == sitting.Session.Id);
        session.MinutesLockedAt = now;
        var decisions = await db.JuryDecisions.Include(j => j.UnitResults).Include(j => j.Registration).ThenInclude(r => r!.Candidate)
            .Where(j => j.SessionId == session.Id).ToListAsync();
        foreach (var decision in decisions)
        {
            var registration = decision.Registration!;
            registration.History.Add(new RegistrationStatusChange { From = registration.State, To = registration.State, At = now, ByUserId = decision.RecordedByUserId,
                Comment = $"Décision du jury du {FrenchFormat.Date(decision.DecidedOn)} : {FrenchLabels.Of(decision.Result)} (procès-verbal signé)" });
        }
        await db.SaveChangesAsync();
        // Final now: a total validation makes the holder's record and certificate number, a partial one its attestation.
        await certificates.IssueForSessionAsync(session.Id);
        foreach (var decision in decisions) await TellAsync(mailer, companies, decision.Registration!.Candidate!, decision, sitting.Units);
    }

    /// <summary>
    /// The decision e-mail to the candidate, with the units it validates (those validated before included), and the
    /// result to their company's managers when the candidate agreed to be followed (without the jury's observations).
    /// </summary>
    internal static async Task TellAsync(CandidateMailer mailer, EmployeeNotifications companies, Candidate candidate, JuryDecision decision, IReadOnlyList<JuryUnit> units)
    {
        var validated = units.Where(u => decision.UnitResults.Any(r => r.UnitId == u.Id && r.Validated)).Select(u => u.Number).ToList();
        await mailer.JuryDecidedAsync(candidate, decision.DecidedOn, decision.Result, validated, decision.Comment);
        await companies.JuryDecidedAsync(decision.RegistrationId, decision.DecidedOn, decision.Result, validated);
    }

    /// <summary>The minutes ("procès-verbal") of the session: each candidate and the jury's decision, the signatures, the corrections.</summary>
    /// <summary>The minutes' file name, dated with the jury's day in Paris.</summary>
    public static string FileName(JurySitting sitting) => $"proces-verbal-jury-{DayInParis.Of(sitting.Session.StartsAt):yyyy-MM-dd}.pdf";

    public static byte[] Pdf(JurySitting sitting)
    {
        var session = sitting.Session;
        var decided = sitting.Candidates.Where(c => c.Result is not null).ToList();
        var pdf = new PdfDocumentWriter("Procès-verbal du jury", $"{session.Certification!.Name} – procès-verbal du jury du {FrenchFormat.Date(session.StartsAt)}")
            .Reference(DocumentReference.Of(DocumentKind.JuryMinutes, DayInParis.Of(session.StartsAt), session.Id))
            .Title("Procès-verbal du jury")
            .Field("Certification", session.Certification.Name)
            .Field("Date", FrenchFormat.DateTime(session.StartsAt))
            .Field("Lieu", $"{session.PlaceName}, {session.City}")
            .Field("Président du jury", sitting.President?.Name ?? "non désigné")
            .Field("Membres du jury", sitting.Members.Count > 0 ? string.Join(", ", sitting.Members.Select(m => m.Name)) : "non désignés sur le portail")
            .Field("Candidats", sitting.Candidates.Count.ToString())
            .Field("Décisions", $"{decided.Count(c => c.Result == JuryResult.TotalValidation)} validation(s) totale(s), " +
                $"{decided.Count(c => c.Result == JuryResult.PartialValidation)} partielle(s), {decided.Count(c => c.Result == JuryResult.NotValidated)} non validé(s), " +
                $"{decided.Count(c => c.Result == JuryResult.Absent)} absent(s), {sitting.Candidates.Count - decided.Count} décision(s) non enregistrée(s)")
            .Field("État", sitting.Session.MinutesLockedAt is { } locked ? $"signé par tous les membres et verrouillé le {FrenchFormat.DateTime(locked)}" : "en cours de signature");
        foreach (var candidate in sitting.Candidates)
        {
            pdf.Heading(candidate.Name).Field("Voie", FrenchLabels.Of(candidate.Route));
            if (candidate.Result is not { } result)
            {
                pdf.Field("Décision", "décision non enregistrée");
                continue;
            }
            pdf.Field("Décision", FrenchLabels.Of(result));
            if (result != JuryResult.Absent)
                pdf.Field("Unités", string.Join(" ; ", sitting.Units.Select(u => $"{u.Number} : " +
                    (candidate.UnitsValidatedBefore.TryGetValue(u.Id, out var on) ? $"validée le {FrenchFormat.Date(on)}"
                        : candidate.UnitsValidated.Contains(u.Id) ? "validée" : "non validée"))));
            if (candidate.Comment is { } comment) pdf.Field("Observations", comment);
            foreach (var correction in candidate.Corrections)
                pdf.Field("Correction", $"le {FrenchFormat.DateTime(correction.At)} par {correction.By} : {correction.Reason} (auparavant : {FrenchLabels.Of(correction.PreviousResult)}" +
                    (correction.PreviousUnitNumbers.Count > 0 ? $", unités {string.Join(", ", correction.PreviousUnitNumbers)}" : "") + ")");
        }
        pdf.Heading("Signatures des membres du jury");
        foreach (var member in sitting.Members)
            pdf.Line($"{member.Name}{(member.IsPresident ? " (président)" : "")} : " +
                (member.SignedAt is { } signed ? $"signé le {FrenchFormat.DateTime(signed)}" : "en attente de signature"));
        // The organisation keeps the minutes: dated with the jury's day, the same each time they are downloaded.
        return pdf.MadeAndSigned(DayInParis.Of(session.StartsAt), "Pour l'organisme de formation, qui tient le procès-verbal").ToBytes();
    }
}
