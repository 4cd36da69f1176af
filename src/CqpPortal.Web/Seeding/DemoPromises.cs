using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// What README's demo-accounts table promises and the generated data did not give (issue 17): Camille's convocation in
/// her « Mes documents », as an enrolment issues it; company access requests waiting for staff on /Staff/Entreprises.
/// </summary>
public sealed class DemoPromises(CqpDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>The managers asking for access (no password: they cannot sign in until staff approve and they reset it).</summary>
    internal static readonly (string Email, string Name, int Company)[] AccessRequests =
    [
        ("direction@tele-accueil-conseil.fr", "Sophie Le Gall", 2),
        ("contact@juris-accueil.fr", "Marc Da Silva", 5),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var camille = await db.Registrations.Include(r => r.Candidate).Include(r => r.Certification)
            .Include(r => r.Enrolments).ThenInclude(e => e.Session)
            .SingleAsync(r => r.Candidate!.Email == "candidat@cqp.test", cancellationToken);
        foreach (var enrolment in camille.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.Kind != SessionKind.Training))
        {
            var session = enrolment.Session!;
            session.Certification ??= camille.Certification;
            db.CandidateDocuments.Add(new CandidateDocument
            {
                CandidateId = camille.CandidateId, RegistrationId = camille.Id, Title = Convocation.Title(session),
                FileName = $"convocation-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", ContentType = "application/pdf",
                Content = Convocation.Pdf(camille.Candidate!, session, camille.Certification!, DayInParis.Of(enrolment.EnrolledAt)), CreatedAt = enrolment.EnrolledAt,
            });
        }

        var companies = await db.Companies.OrderBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var (email, name, index) in AccessRequests)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.CompanyManager);
            db.CompanyManagers.Add(new CompanyManager { UserId = user.Id, CompanyId = companies[index].Id, CreatedAt = now.AddDays(-index) });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
