using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Candidat.Sessions;

/// <summary>An admissible candidate signs up for an evaluation (or VAE situation), joins the waiting list, or cancels.</summary>
public class CandidateSessionsModel(CqpDbContext db, SessionEnrolments enrolments, UserManager<Identity.PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed record MineRow(int Id, SessionKind Kind, DateTimeOffset StartsAt, string Place, EnrolmentState State);
    public sealed record OpenRow(int Id, SessionKind Kind, DateTimeOffset StartsAt, string Place, Region Region, int SeatsLeft, DateOnly Deadline);

    public List<MineRow> Mine { get; private set; } = [];
    public List<OpenRow> Open { get; private set; } = [];

    /// <summary>The region of the candidate's file: its sessions are offered first.</summary>
    public Region? Region { get; private set; }
    public bool CanSignUp { get; private set; }

    /// <summary>A closed journey (abandon, deadline passed): why no sign-up, and how to start again.</summary>
    public string? ClosedReason { get; private set; }

    /// <summary>When the sign-up rules refuse every open session: why, before the candidate tries.</summary>
    public string? BlockedReason { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var userId = users.GetUserId(User);
        var registration = await db.Registrations.Where(r => r.Candidate!.UserId == userId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.State, r.Route, r.CertificationId, r.Region }).FirstOrDefaultAsync();
        if (registration is null) return;
        Mine = await db.SessionEnrolments.Where(e => e.RegistrationId == registration.Id).OrderBy(e => e.Session!.StartsAt)
            .Select(e => new MineRow(e.Id, e.Session!.Kind, e.Session.StartsAt, e.Session.PlaceName + ", " + e.Session.City, e.State)).ToListAsync();
        CanSignUp = registration.State == RegistrationState.Admissible;
        ClosedReason = SessionSignUpRules.Closed(registration.State);
        if (!CanSignUp) return;
        var kind = SessionSignUpRules.KindFor(registration.Route);
        var today = DayInParis.Today(clock);
        Region = registration.Region;
        var open = await db.Sessions.Where(s => s.Kind == kind && s.CertificationId == registration.CertificationId && s.CancelledAt == null && s.StartsAt > Now && s.RegistrationDeadline >= today
                && !s.Enrolments.Any(e => e.RegistrationId == registration.Id && e.State != EnrolmentState.Cancelled))
            .OrderBy(s => s.StartsAt)
            .Select(s => new OpenRow(s.Id, s.Kind, s.StartsAt, s.PlaceName + ", " + s.City, s.Region,
                s.Capacity - s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), s.RegistrationDeadline))
            .ToListAsync();
        // The candidate's region first, then the others (Domain/Sessions/SessionOfferOrder).
        Open = SessionOfferOrder.Order(open, registration.Region, o => o.Region, o => o.StartsAt);
        if (Open.Count > 0 && await enrolments.OutlookAsync(registration.Id) is { Possible: false } outlook) BlockedReason = outlook.Reason;
    }

    public async Task<IActionResult> OnPostSignUpAsync(int sessionId)
    {
        var decision = await enrolments.SignUpAsync(users.GetUserId(User)!, sessionId);
        (Message, MessageIsError) = (decision.Reason, decision.Outcome == SignUpOutcome.Refused);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(int enrolmentId)
    {
        var cancelled = await enrolments.CancelAsync(users.GetUserId(User)!, enrolmentId);
        (Message, MessageIsError) = cancelled
            ? ("Votre inscription est annulée.", false)
            : ("Cette inscription ne peut plus être annulée.", true);
        return RedirectToPage();
    }
}
