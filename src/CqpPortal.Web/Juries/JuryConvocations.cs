using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;

namespace CqpPortal.Web.Juries;

/// <summary>Which candidates a jury member's files cover: the one query every access rule (VAE booklets, evaluation files) uses.</summary>
public static class JuryConvocations
{
    /// <summary>The registrations convened (enrolled) to a jury session, not cancelled, that <paramref name="userId"/> sits on.</summary>
    public static IQueryable<int> RegistrationsFor(CqpDbContext db, string userId) =>
        db.SessionEnrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.Kind == SessionKind.Jury && e.Session.CancelledAt == null
                && db.JurySessionMembers.Any(m => m.SessionId == e.SessionId && m.UserId == userId))
            .Select(e => e.RegistrationId);
}
