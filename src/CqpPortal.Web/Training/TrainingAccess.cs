using System.Security.Claims;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>
/// Who may see a trainee's training record (positionings, path, planning, attendance, hours and their PDFs), written
/// once for every route: staff (trainers are staff); the candidate whose registration it is; an approved manager of the
/// employee's company when the employee agreed to be followed. Anyone else — another company's manager, a manager of an
/// employee who said no, any other role — gets what an unknown id gets. Only sent registrations by the training route.
/// </summary>
public sealed class TrainingAccess(CqpDbContext db, EmployeeFollowing following, UserManager<PortalUser> users)
{
    /// <summary>The training-route registrations <paramref name="user"/> may see the training record of.</summary>
    public IQueryable<Registration> Readable(ClaimsPrincipal user)
    {
        var trainees = db.Registrations.Where(r => r.Route == CertificationRoute.Training && r.State != RegistrationState.Draft);
        var userId = users.GetUserId(user);
        if (userId is null) return trainees.Where(_ => false);
        if (Roles.IsStaff(user)) return trainees;
        if (user.IsInRole(Roles.Candidate)) return trainees.Where(r => r.Candidate!.UserId == userId);
        if (user.IsInRole(Roles.CompanyManager))
        {
            var followed = following.Followed(userId).Select(r => r.Id);
            return trainees.Where(r => followed.Contains(r.Id));
        }
        return trainees.Where(_ => false);
    }

    public Task<bool> CanReadAsync(ClaimsPrincipal user, int registrationId) => Readable(user).AnyAsync(r => r.Id == registrationId);

    /// <summary>
    /// Who may write the company's pre-positioning or sign the path for the company: an approved manager of a followed
    /// employee (the same people who may read it). Staff write the centre's side.
    /// </summary>
    public Task<bool> CanActForCompanyAsync(ClaimsPrincipal user, int registrationId) =>
        user.IsInRole(Roles.CompanyManager) ? CanReadAsync(user, registrationId) : Task.FromResult(false);
}
