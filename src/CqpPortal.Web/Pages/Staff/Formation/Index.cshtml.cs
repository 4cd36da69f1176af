using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Formation;

/// <summary>
/// The trainees: admissible training-route registrations still in training, with their positionings, path, hours done
/// against the path (<see cref="TrainingHours"/>) and next training session. Two queries: the trainees, then their hours.
/// </summary>
public class TraineesModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public enum PathState { None, ToSign, Signed }

    public sealed record Row(int RegistrationId, string Name, string? CompanyName, Region Region, bool CompanySent, bool CentreRecorded,
        PathState Path, int? Version, PathHours? Hours, DateTimeOffset? NextSession);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Region? Region { get; private set; }
    public bool ToSignOnly { get; private set; }
    public string? Search { get; private set; }

    public async Task OnGetAsync(string? region, bool aSigner, string? q)
    {
        (Region, ToSignOnly, Search) = (Enum.TryParse<Region>(region, out var r) && Enum.IsDefined(r) ? r : null, aSigner, q?.Trim());
        var now = clock.GetUtcNow();
        var query = db.Registrations.AsNoTracking()
            .Where(x => x.Route == CertificationRoute.Training && x.State == RegistrationState.Admissible && x.CertifiedOn == null);
        if (Region is { } chosen) query = query.Where(x => x.Region == chosen);
        if (Domain.Lists.SearchPattern.Of(Search) is { } pattern)
        {
            query = query.Where(x => EF.Functions.ILike(EF.Functions.Unaccent(x.Candidate!.FirstName + " " + x.Candidate.LastName), pattern)
                || EF.Functions.ILike(EF.Functions.Unaccent(x.Candidate.LastName + " " + x.Candidate.FirstName), pattern));
        }
        var trainees = await query.OrderBy(x => x.Candidate!.LastName).ThenBy(x => x.Candidate!.FirstName)
            .Select(x => new
            {
                x.Id, Name = x.Candidate!.FirstName + " " + x.Candidate.LastName, Company = x.Candidate.Company != null ? x.Candidate.Company.Name : null, x.Region,
                CompanySent = x.Positionings.Any(p => p.Side == PositioningSide.Company && p.SubmittedAt != null),
                CentreRecorded = x.Positionings.Any(p => p.Side == PositioningSide.Centre && p.SubmittedAt != null),
                Linked = x.Candidate.CompanyId != null, x.CompanyMayFollow,
                Path = x.TrainingPaths.Where(p => p.SupersededAt == null).OrderByDescending(p => p.Version)
                    .Select(p => new
                    {
                        p.Version, p.CandidateSignedAt, p.CompanySignedAt, p.OrganisationSignedAt,
                        Units = p.Units.Select(u => new PlannedUnit(u.UnitId, u.Unit!.Number, u.Unit.Title, u.PlannedHours)).ToList(),
                    })
                    .FirstOrDefault(),
                Next = x.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.Kind == SessionKind.Training && e.Session.CancelledAt == null && e.Session.StartsAt > now)
                    .Min(e => (DateTimeOffset?)e.Session!.StartsAt),
            })
            .ToListAsync();
        var ids = trainees.Select(t => t.Id).ToList();
        var followed = (await db.TrainingAttendances.AsNoTracking()
            .Where(a => ids.Contains(a.SessionEnrolment!.RegistrationId) && a.Attendance == Attendance.Present
                && a.SessionEnrolment.Session!.Kind == SessionKind.Training && a.SessionEnrolment.Session.UnitId != null)
            .GroupBy(a => new { a.SessionEnrolment!.RegistrationId, UnitId = a.SessionEnrolment.Session!.UnitId!.Value })
            .Select(g => new { g.Key.RegistrationId, g.Key.UnitId, Hours = g.Sum(a => a.Hours) }).ToListAsync())
            .ToLookup(f => f.RegistrationId, f => new FollowedHours(f.UnitId, f.Hours));
        Rows = trainees.Select(t =>
            {
                var state = t.Path is not { } path ? PathState.None
                    : TrainingPathRules.IsSigned(TrainingPathRules.RequiredSigners(t.Linked, t.CompanyMayFollow),
                        new PathSignatures(path.CandidateSignedAt, path.CompanySignedAt, path.OrganisationSignedAt)) ? PathState.Signed
                    : PathState.ToSign;
                return new Row(t.Id, t.Name, t.Company, t.Region, t.CompanySent, t.CentreRecorded, state, t.Path?.Version,
                    t.Path is null ? null : TrainingHours.Of(t.Path.Units, followed[t.Id]), t.Next);
            })
            .Where(row => !ToSignOnly || row.Path == PathState.ToSign)
            .ToList();
    }
}
