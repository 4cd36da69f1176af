using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Juries;

/// <summary>A jury member assigned to a session, as staff see them.</summary>
public sealed record JuryMemberRow(string UserId, string Name, string Email, bool IsPresident);

/// <summary>An account in the jury role that staff may assign.</summary>
public sealed record JuryMemberChoice(string UserId, string Name);

/// <summary>A jury session as its member sees it: the candidates convened, and for VAE candidates their booklets' documents.</summary>
/// <see cref="State"/> says what the member has to do (à délibérer, à signer, signé), <see cref="JuryMinutesRules.State"/>.
public sealed record MemberJury(int SessionId, DateTimeOffset StartsAt, string PlaceName, string Address, string PostalCode, string City, bool Cancelled,
    bool IsPresident, string State, IReadOnlyList<MemberJuryCandidate> Candidates);

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
            .Select(u => new JuryMemberRow(u.Id, u.DisplayName, u.Email ?? "", db.JurySessionMembers.Any(m => m.SessionId == sessionId && m.UserId == u.Id && m.IsPresident)))
            .ToListAsync();

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
        if (JuryMinutesRules.WhyNotChangeMembers(session.MinutesLockedAt is not null) is { } locked) return locked;
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
            await mailer.MemberAssignedAsync(user, session, juryAreaUrl, $"{juryAreaUrl.TrimEnd('/')}/Invitation/{session.Id}");
        return null;
    }

    /// <summary>Removes a member from the session; returns why not when there was nothing to remove.</summary>
    public async Task<string?> RemoveAsync(int sessionId, string? userId)
    {
        if (await db.Sessions.AnyAsync(s => s.Id == sessionId && s.MinutesLockedAt != null)) return JuryMinutesRules.WhyNotChangeMembers(locked: true);
        var removed = await db.JurySessionMembers.Where(m => m.SessionId == sessionId && m.UserId == userId).ExecuteDeleteAsync();
        return removed == 0 ? "Ce membre n'est pas affecté à ce jury." : null;
    }

    /// <summary>Makes <paramref name="userId"/> the session's president, the only one; returns why not when refused.</summary>
    public async Task<string?> DesignatePresidentAsync(int sessionId, string? userId)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Jury);
        if (session is null) return "Cette session n'est pas un jury.";
        var members = await db.JurySessionMembers.Where(m => m.SessionId == sessionId).ToListAsync();
        var chosen = members.FirstOrDefault(m => m.UserId == userId);
        if (JuryMinutesRules.WhyNotDesignatePresident(chosen is not null, session.MinutesLockedAt is not null) is { } why) return why;
        foreach (var member in members) member.IsPresident = member == chosen;
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>
    /// The letter « Invitation au jury » of a member (seed 001: « inviter officiellement par un courrier les membres du
    /// jury »), written when they download it so the candidates count is the current one; null when not their jury.
    /// </summary>
    public async Task<(string FileName, byte[] Content)?> InvitationAsync(int sessionId, string userId)
    {
        var member = await db.JurySessionMembers.Where(m => m.SessionId == sessionId && m.UserId == userId && m.Session!.Kind == SessionKind.Jury)
            .Select(m => new { MemberId = m.Id, m.Session, m.Session!.Certification, m.IsPresident, m.AssignedAt }).FirstOrDefaultAsync();
        if (member is null) return null;
        var user = await users.FindByIdAsync(userId);
        var session = member.Session!;
        var certification = member.Certification!;
        var candidates = await db.SessionEnrolments.CountAsync(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled);
        var pdf = new PdfDocumentWriter("Invitation au jury", $"{certification.Name} – invitation au jury du {FrenchFormat.Date(session.StartsAt)}")
            .Reference(DocumentReference.Of(DocumentKind.JuryInvitation, DayInParis.Of(session.StartsAt), session.Id, member.MemberId))
            .Title("Invitation au jury")
            .Field("Destinataire", user?.DisplayName ?? "")
            .Field("Certification", certification.Name)
            .Field("Date", FrenchFormat.Date(session.StartsAt))
            .Field("Heure", FrenchFormat.Time(session.StartsAt))
            .Field("Lieu", $"{session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}")
            .Field("Candidats convoqués", candidates.ToString())
            .Field("Rôle", member.IsPresident ? "président(e) du jury" : "membre du jury")
            .Paragraph("Madame, Monsieur,")
            .Paragraph($"L'organisme de formation a l'honneur de vous inviter à siéger au jury du {certification.Name}" +
                (string.IsNullOrWhiteSpace(certification.Branch) ? "" : $" ({certification.Branch})") + " aux date, heure et lieu ci-dessus.")
            .Paragraph("Le jury valide totalement ou partiellement la certification après lecture du dossier d'évaluation de chaque candidat et un entretien avec lui. " +
                "Les dossiers des candidats convoqués sont consultables dans votre espace jury du portail, où le président enregistre la délibération " +
                "et où chaque membre signe le procès-verbal.")
            .Paragraph("Nous vous remercions de votre participation.")
            .MadeAndSigned(DayInParis.Of(member.AssignedAt));
        if (session.CancelledAt is not null) pdf.Note("Ce jury a été annulé.");
        return ($"invitation-jury-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", pdf.ToBytes());
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

        var presided = await db.JurySessionMembers.Where(m => m.UserId == userId && m.IsPresident).Select(m => m.SessionId).ToListAsync();
        var decided = await db.JuryDecisions.Where(j => j.SessionId != null && sessionIds.Contains(j.SessionId.Value)).Select(j => new { j.SessionId, j.RegistrationId }).ToListAsync();
        var signed = await db.JuryMinutesSignatures.Where(x => x.UserId == userId && sessionIds.Contains(x.SessionId)).Select(x => x.SessionId).ToListAsync();
        var now = clock.GetUtcNow();
        string State(Session s) => JuryMinutesRules.State(s.CancelledAt is not null, s.StartsAt <= now, s.MinutesLockedAt is not null,
            candidates.Count(c => c.SessionId == s.Id && !decided.Any(d => d.SessionId == s.Id && d.RegistrationId == c.RegistrationId)), signed.Contains(s.Id));
        return sessions.OrderBy(s => s.StartsAt < now).ThenBy(s => s.StartsAt < now ? -s.StartsAt.UtcTicks : s.StartsAt.UtcTicks)
            .Select(s => new MemberJury(s.Id, s.StartsAt, s.PlaceName, s.Address, s.PostalCode, s.City, s.CancelledAt is not null,
                presided.Contains(s.Id), State(s), candidates.Where(c => c.SessionId == s.Id).Select(c => new MemberJuryCandidate(c.RegistrationId, c.Name, c.Route,
                    documents.Where(d => d.RegistrationId == c.RegistrationId).Select(d => d.Document).ToList(),
                    accepted.FirstOrDefault(b => b.RegistrationId == c.RegistrationId)?.Id)).ToList()))
            .ToList();
    }
}
