using System.Security.Claims;
using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

public sealed record AssignedEvaluator(int EvaluatorId, string Name, string Organisation, EvaluatorRole Role, bool Remote);

public sealed record SittingCandidate(int EnrolmentId, string Name, CertificationRoute Route, Attendance? Attendance);

/// <summary>An evaluation or VAE situation session with its evaluators and the candidates enrolled, as one who may open it sees it.</summary>
public sealed record EvaluationSitting(int SessionId, int CertificationId, string Certification, SessionKind Kind, DateTimeOffset StartsAt, int DurationMinutes,
    string PlaceName, string Address, string PostalCode, string City, bool Cancelled,
    IReadOnlyList<AssignedEvaluator> Evaluators, IReadOnlyList<SittingCandidate> Candidates)
{
    public AssignedEvaluator? In(EvaluatorRole role) => Evaluators.FirstOrDefault(e => e.Role == role);
}

/// <summary>A session in the evaluator's area: their role there and how many candidates are enrolled.</summary>
public sealed record EvaluatorSessionRow(int SessionId, SessionKind Kind, DateTimeOffset StartsAt, string PlaceName, string City, EvaluatorRole Role, bool Remote,
    int Candidates, bool Cancelled);

/// <summary>
/// Staff assign the evaluator (on site) and the co-evaluator (possibly remote) of an evaluation or VAE situation session,
/// through <see cref="EvaluatorAssignmentRules"/>; the evaluator is told by e-mail. Who opens a session is decided by
/// <see cref="EvaluationAccess"/>.
/// </summary>
public sealed class EvaluatorAssignments(CqpDbContext db, EvaluationAccess access, EvaluatorMailer mailer, TimeProvider clock)
{
    /// <summary>The session, when <paramref name="user"/> may open it (staff, or one of its evaluators); null otherwise.</summary>
    public async Task<EvaluationSitting?> SittingAsync(int sessionId, ClaimsPrincipal user)
    {
        var session = await access.Sessions(user).Include(s => s.Certification).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return null;
        var evaluators = await db.SessionEvaluators.Where(a => a.SessionId == sessionId).OrderBy(a => a.Role)
            .Select(a => new AssignedEvaluator(a.EvaluatorId, a.Evaluator!.FullName, a.Evaluator.Organisation, a.Role, a.Remote)).ToListAsync();
        var candidates = await db.SessionEnrolments.Where(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled)
            .OrderBy(e => e.Registration!.Candidate!.LastName).ThenBy(e => e.Registration!.Candidate!.FirstName)
            .Select(e => new SittingCandidate(e.Id, e.Registration!.Candidate!.LastName.ToUpper() + " " + e.Registration.Candidate.FirstName, e.Registration.Route, e.Attendance))
            .ToListAsync();
        return new EvaluationSitting(session.Id, session.CertificationId, session.Certification!.Name, session.Kind, session.StartsAt, session.DurationMinutes,
            session.PlaceName, session.Address, session.PostalCode, session.City, session.CancelledAt is not null, evaluators, candidates);
    }

    /// <summary>The evaluators staff may choose for the session: with an account and a habilitation for its certification valid on its day.</summary>
    public async Task<List<Choice>> ChoicesAsync(EvaluationSitting sitting)
    {
        var day = DayInParis.Of(sitting.StartsAt);
        var candidates = await db.EvaluatorHabilitations
            .Where(h => h.CertificationId == sitting.CertificationId && h.Evaluator!.UserId != null)
            .Select(h => new { h.EvaluatorId, h.Evaluator!.FullName, h.Evaluator.Organisation, h.State, h.ValidFrom, h.ValidTo }).ToListAsync();
        return candidates.Where(h => HabilitationRules.IsValidOn(h.State, h.ValidFrom, h.ValidTo, day))
            .OrderBy(h => h.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .Select(h => new Choice(h.EvaluatorId, $"{h.FullName} ({h.Organisation})")).ToList();
    }

    /// <summary>Assigns (or replaces) the evaluator in <paramref name="role"/>; returns why not, in French, with nothing saved.</summary>
    public async Task<string?> AssignAsync(int sessionId, EvaluatorRole role, int? evaluatorId, bool remote, string staffUserId, string areaUrl)
    {
        var session = await db.Sessions.Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return "Cette session n'existe pas.";
        var evaluator = evaluatorId is null ? null : await db.Evaluators.Include(e => e.User).FirstOrDefaultAsync(e => e.Id == evaluatorId);
        if (evaluator is null) return "Choisissez un évaluateur dans la liste.";
        var habilitation = await db.EvaluatorHabilitations.Where(h => h.EvaluatorId == evaluator.Id && h.CertificationId == session.CertificationId)
            .Select(h => new HabilitationFacts(h.State, h.ValidFrom, h.ValidTo)).FirstOrDefaultAsync();
        var candidates = await db.SessionEnrolments.Where(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled)
            .Select(e => new EnrolledCandidate(e.Registration!.CandidateId, e.Registration.Candidate!.FirstName + " " + e.Registration.Candidate.LastName, e.Registration.Candidate.CompanyId))
            .ToListAsync();
        var links = await db.EvaluatorLinks.Where(l => l.EvaluatorId == evaluator.Id).ToListAsync();
        var holdsOther = await db.SessionEvaluators.AnyAsync(a => a.SessionId == sessionId && a.Role != role && a.EvaluatorId == evaluator.Id);
        var request = new AssignmentRequest(evaluator.FullName, evaluator.UserId is not null, session.Kind, session.CancelledAt is not null, session.StartsAt,
            session.Certification!.Name, habilitation, holdsOther, candidates,
            links.Where(l => l.CandidateId is not null).Select(l => l.CandidateId!.Value).ToList(),
            links.Where(l => l.CompanyId is not null).Select(l => l.CompanyId!.Value).ToList());
        if (EvaluatorAssignmentRules.WhyNotAssign(request) is { } refused) return refused;

        // The evaluator is on site; only the co-evaluator may evaluate remotely (seed 001).
        remote = role == EvaluatorRole.CoEvaluator && remote;
        var current = await db.SessionEvaluators.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.Role == role);
        var changed = current?.EvaluatorId != evaluator.Id;
        if (current is null)
        {
            current = new SessionEvaluator { SessionId = sessionId, Role = role };
            db.SessionEvaluators.Add(current);
        }
        (current.EvaluatorId, current.Remote, current.AssignedAt, current.AssignedByUserId) = (evaluator.Id, remote, clock.GetUtcNow(), staffUserId);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // assigned in another tab at the same moment
            return "Cette affectation vient d'être modifiée par ailleurs : rechargez la page.";
        }
        if (changed && evaluator.User?.Email is not null)
            await mailer.AssignedAsync(evaluator.User, session, session.Certification.Name, role, remote, areaUrl);
        return null;
    }

    public async Task<string?> UnassignAsync(int sessionId, EvaluatorRole role) =>
        await db.SessionEvaluators.Where(a => a.SessionId == sessionId && a.Role == role).ExecuteDeleteAsync() == 0 ? "Personne n'est affecté à ce rôle." : null;

    /// <summary>The sessions of the evaluator signed in as <paramref name="userId"/>: coming ones first (soonest first), then past ones (latest first).</summary>
    public async Task<List<EvaluatorSessionRow>> SessionsOfAsync(string userId)
    {
        var rows = await db.SessionEvaluators.Where(a => a.Evaluator!.UserId == userId && a.Session!.Kind != SessionKind.Jury && a.Session.Kind != SessionKind.Training)
            .Select(a => new EvaluatorSessionRow(a.SessionId, a.Session!.Kind, a.Session.StartsAt, a.Session.PlaceName, a.Session.City, a.Role, a.Remote,
                a.Session.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), a.Session.CancelledAt != null))
            .ToListAsync();
        var now = clock.GetUtcNow();
        return rows.OrderBy(r => r.StartsAt < now).ThenBy(r => r.StartsAt < now ? -r.StartsAt.UtcTicks : r.StartsAt.UtcTicks).ToList();
    }
}
