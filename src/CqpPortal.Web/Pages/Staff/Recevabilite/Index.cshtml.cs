using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Prerequisites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Staff.Recevabilite;

/// <summary>The queue of submitted registrations, oldest first, with the computed pre-check.</summary>
public class AdmissibilityQueueModel(CqpDbContext db, CertificationRules rules, TimeProvider clock, Registrations.JourneyDeadlines deadlines) : PageModel
{
    public sealed record Row(int Id, string Name, CertificationRoute Route, DateOnly? RegisteredOn, int DaysWaiting, bool Eligible);

    public List<Row> Waiting { get; private set; } = [];

    /// <summary>Admissible files within 90 days of their journey's deadline (the weekly digest's list).</summary>
    public IReadOnlyList<Email.DeadlineDigestRow> NearDeadline { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var today = DayInParis.Today(clock);
        var engines = await rules.AllAsync();
        var rows = await db.Registrations.Where(r => r.State == RegistrationState.Submitted)
            .OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.CertificationId, r.Candidate!.FirstName, r.Candidate.LastName, r.Route, r.RegisteredOn, r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind })
            .ToListAsync();
        Waiting = rows.Select(r => new Row(r.Id, $"{r.LastName.ToUpperInvariant()} {r.FirstName}", r.Route, r.RegisteredOn,
                r.RegisteredOn is { } d ? today.DayNumber - d.DayNumber : 0,
                engines[r.CertificationId].Check(new PrerequisiteInput(r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind, r.Route)).Eligible))
            .ToList();
        NearDeadline = await deadlines.NearAsync();
    }
}
