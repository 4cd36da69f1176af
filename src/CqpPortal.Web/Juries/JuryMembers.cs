using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Juries;

/// <summary>A jury member assigned to a session, as staff see them.</summary>
public sealed record JuryMemberRow(string UserId, string Name, string Email);

/// <summary>An account in the jury role that staff may assign.</summary>
public sealed record JuryMemberChoice(string UserId, string Name);

/// <summary>A jury session as its member sees it: the candidates convened, and for VAE candidates their booklets' documents.</summary>
public sealed record MemberJury(int SessionId, DateTimeOffset StartsAt, string PlaceName, string Address, string PostalCode, string City, bool Cancelled,
    IReadOnlyList<MemberJuryCandidate> Candidates);

/// <summary>A convened candidate; <see cref="JuryPdfBookletId"/> is booklet 2 once accepted (its jury PDF).</summary>
public sealed record MemberJuryCandidate(int RegistrationId, string Name, CertificationRoute Route, IReadOnlyList<MemberJuryDocument> Documents, int? JuryPdfBookletId);

public sealed record MemberJuryDocument(int Id, BookletKind Booklet, BookletDocumentKind Kind, string FileName, long Length);

/// <summary>
/// Staff assign jury members (accounts in the jury role) to a jury session and remove them; a member sees the sessions
/// they are assigned to. What a member may read is decided by <see cref="VaeFileAccess"/>, from these assignments.
/// </summary>
public sealed class JuryMembers(CqpDbContext db, UserManager<PortalUser> users, JuryMailer mailer, TimeProvider clock, VaeFileAccess access)
{
    public Task<List<JuryMemberRow>> MembersAsync(int sessionId) =>
        db.JurySessionMembers.Where(m => m.SessionId == sessionId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new JuryMemberRow(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync();

    /// <summary>The jury-role accounts not yet assigned to the session, by name.</summary>
    public async Task<List<JuryMemberChoice>> ChoicesAsync(int sessionId)
    {
        var assigned = await db.JurySessionMembers.Where(m => m.SessionId == sessionId).Select(m => m.UserId).ToListAsync();
        return (await users.GetUsersInRoleAsync(Roles.JuryMember)).Where(u => !assigned.Contains(u.Id))
            .OrderBy(u => u.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .Select(u => new JuryMemberChoice(u.Id, $"{u.DisplayName} ({u.Email})")).ToList();
    }

    /// <summary>Assigns a jury member and tells them by e-mail (date, place, <paramref name="juryAreaUrl"/>); returns why not when refused.</summary>
    public async Task<string?> AssignAsync(int sessionId, string? userId, string staffUserId, string juryAreaUrl)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Jury);
        if (session is null) return "Cette session n'est pas un jury.";
        if (session.CancelledAt is not null) return "Ce jury est annulé : on ne peut plus y affecter de membre.";
        var user = string.IsNullOrWhiteSpace(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || !await users.IsInRoleAsync(user, Roles.JuryMember)) return "Choisissez un membre du jury dans la liste.";
        if (await db.JurySessionMembers.AnyAsync(m => m.SessionId == sessionId && m.UserId == user.Id)) return $"{user.DisplayName} est déjà membre de ce jury.";
        db.JurySessionMembers.Add(new JurySessionMember { SessionId = sessionId, UserId = user.Id, AssignedAt = clock.GetUtcNow(), AssignedByUserId = staffUserId });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // assigned in another tab at the same moment
            return $"{user.DisplayName} est déjà membre de ce jury.";
        }
        if (user.Email is not null)
            await mailer.MemberAssignedAsync(user, session, juryAreaUrl);
        return null;
    }

    /// <summary>Removes a member from the session; returns why not when there was nothing to remove.</summary>
    public async Task<string?> RemoveAsync(int sessionId, string? userId)
    {
        var removed = await db.JurySessionMembers.Where(m => m.SessionId == sessionId && m.UserId == userId).ExecuteDeleteAsync();
        return removed == 0 ? "Ce membre n'est pas affecté à ce jury." : null;
    }

    /// <summary>
    /// The jury sessions <paramref name="userId"/> is assigned to, coming ones first (soonest first), then past ones (latest
    /// first). Candidates and documents are listed for sessions that are not cancelled, as <see cref="VaeFileAccess"/> allows.
    /// </summary>
    public async Task<List<MemberJury>> SessionsOfAsync(string userId)
    {
        var sessions = await db.JurySessionMembers.Where(m => m.UserId == userId && m.Session!.Kind == SessionKind.Jury)
            .Select(m => m.Session!).AsNoTracking().ToListAsync();
        var sessionIds = sessions.Where(s => s.CancelledAt is null).Select(s => s.Id).ToList();
        var candidates = await db.SessionEnrolments.Where(e => sessionIds.Contains(e.SessionId) && e.State == EnrolmentState.Enrolled)
            .OrderBy(e => e.Registration!.Candidate!.LastName).ThenBy(e => e.Registration!.Candidate!.FirstName)
            .Select(e => new { e.SessionId, e.RegistrationId, Name = e.Registration!.Candidate!.LastName.ToUpper() + " " + e.Registration.Candidate.FirstName, e.Registration.Route })
            .ToListAsync();
        var readable = access.JuryBooklets(userId);
        var registrationIds = candidates.Where(c => c.Route == CertificationRoute.Vae).Select(c => c.RegistrationId).Distinct().ToList();
        var documents = await db.BookletDocuments.Where(d => registrationIds.Contains(d.Booklet!.RegistrationId) && readable.Any(b => b.Id == d.BookletId))
            .OrderBy(d => d.Booklet!.Kind).ThenBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Booklet!.RegistrationId, Document = new MemberJuryDocument(d.Id, d.Booklet.Kind, d.Kind, d.FileName, d.Length) })
            .ToListAsync();
        var accepted = await readable.Where(b => registrationIds.Contains(b.RegistrationId) && b.Kind == BookletKind.Experience)
            .Select(b => new { b.RegistrationId, b.Id }).ToListAsync();

        var now = clock.GetUtcNow();
        return sessions.OrderBy(s => s.StartsAt < now).ThenBy(s => s.StartsAt < now ? -s.StartsAt.UtcTicks : s.StartsAt.UtcTicks)
            .Select(s => new MemberJury(s.Id, s.StartsAt, s.PlaceName, s.Address, s.PostalCode, s.City, s.CancelledAt is not null,
                candidates.Where(c => c.SessionId == s.Id).Select(c => new MemberJuryCandidate(c.RegistrationId, c.Name, c.Route,
                    documents.Where(d => d.RegistrationId == c.RegistrationId).Select(d => d.Document).ToList(),
                    accepted.FirstOrDefault(b => b.RegistrationId == c.RegistrationId)?.Id)).ToList()))
            .ToList();
    }
}
