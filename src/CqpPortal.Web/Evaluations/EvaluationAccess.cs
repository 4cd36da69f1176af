using System.Security.Claims;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

/// <summary>
/// Who may see an evaluation session, its candidates and their grids, written once for every route (evaluator, jury,
/// staff): staff see all; an evaluator sees the sessions they are assigned to (evaluator or co-evaluator) and the
/// candidates enrolled in them; a jury member sees the evaluation files of the candidates convened to a jury session,
/// not cancelled, they are a member of. Anyone else gets nothing, as for an id that does not exist.
/// </summary>
public sealed class EvaluationAccess(CqpDbContext db, UserManager<PortalUser> users)
{
    /// <summary>
    /// Who keeps the evaluators' register (create, edit, habilitations, accounts): SIST analysts only. The committee, also
    /// in /Analyse, is refused: the register names people and the committee sees anonymous figures only.
    /// </summary>
    public static bool KeepsRegister(ClaimsPrincipal user) => user.IsInRole(Roles.SistAnalyst);

    /// <summary>The evaluation and VAE situation sessions <paramref name="user"/> may open.</summary>
    public IQueryable<Session> Sessions(ClaimsPrincipal user)
    {
        var evaluationSessions = db.Sessions.Where(s => s.Kind != SessionKind.Jury && s.Kind != SessionKind.Training);
        if (Roles.IsStaff(user)) return evaluationSessions;
        var userId = users.GetUserId(user);
        if (userId is null || !user.IsInRole(Roles.Evaluator)) return evaluationSessions.Where(_ => false);
        return evaluationSessions.Where(s => db.SessionEvaluators.Any(a => a.SessionId == s.Id && a.Evaluator!.UserId == userId));
    }

    /// <summary>The enrolments (a candidate at an evaluation session) <paramref name="user"/> may open, as staff or as one of the session's evaluators.</summary>
    public IQueryable<SessionEnrolment> Enrolments(ClaimsPrincipal user)
    {
        var sessions = Sessions(user);
        return db.SessionEnrolments.Where(e => sessions.Any(s => s.Id == e.SessionId));
    }

    /// <summary>The part <paramref name="user"/> plays at the session: evaluator, co-evaluator, or none (staff included: they read, they do not mark).</summary>
    public async Task<EvaluatorRole?> RoleAsync(int sessionId, ClaimsPrincipal user)
    {
        var userId = users.GetUserId(user);
        if (userId is null || !user.IsInRole(Roles.Evaluator)) return null;
        return await db.SessionEvaluators.Where(a => a.SessionId == sessionId && a.Evaluator!.UserId == userId)
            .Select(a => (EvaluatorRole?)a.Role).FirstOrDefaultAsync();
    }

    /// <summary>
    /// The registrations whose evaluation file <paramref name="user"/> may read: staff all; an evaluator those enrolled in
    /// their sessions; a jury member those convened to a jury, not cancelled, they sit on.
    /// </summary>
    public IQueryable<int> EvaluationFileRegistrations(ClaimsPrincipal user)
    {
        if (Roles.IsStaff(user)) return db.Registrations.Select(r => r.Id);
        var userId = users.GetUserId(user);
        if (userId is null) return db.Registrations.Where(_ => false).Select(r => r.Id);
        var asEvaluator = user.IsInRole(Roles.Evaluator) ? Enrolments(user).Select(e => e.RegistrationId) : db.Registrations.Where(_ => false).Select(r => r.Id);
        var asJury = user.IsInRole(Roles.JuryMember) ? JuryConvocations.RegistrationsFor(db, userId) : db.Registrations.Where(_ => false).Select(r => r.Id);
        return asEvaluator.Union(asJury);
    }

    /// <summary>The jury sessions <paramref name="user"/> sits on (jury area: their juries' pages, letters and minutes); nothing for anyone else.</summary>
    public IQueryable<Session> JurySessions(ClaimsPrincipal user)
    {
        var userId = users.GetUserId(user);
        if (userId is null || !user.IsInRole(Roles.JuryMember)) return db.Sessions.Where(_ => false);
        return db.Sessions.Where(s => s.Kind == SessionKind.Jury && db.JurySessionMembers.Any(m => m.SessionId == s.Id && m.UserId == userId));
    }
}
