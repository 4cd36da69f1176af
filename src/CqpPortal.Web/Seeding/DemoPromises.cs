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
/// her « Mes documents », as an enrolment issues it; company access requests waiting for staff on /Staff/Entreprises;
/// erasure requests waiting on /Staff/Effacements.
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

        // Two erasure requests waiting on /Staff/Effacements: a closed file staff may erase, a file in progress the
        // erasure refuses until the journey is abandoned.
        var closed = await db.Candidates.Where(c => c.UserId == null && c.Registrations.Any() && c.Registrations.All(r => r.State == RegistrationState.NotAdmissible))
            .OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var inProgress = await db.Candidates.Where(c => c.UserId == null && c.Registrations.Any(r => r.State == RegistrationState.Admissible && !r.JuryDecisions.Any()))
            .OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        foreach (var (candidate, days, reason) in new[]
                 {
                     (closed, 9, "Je ne souhaite plus que mes données soient conservées après le refus de ma candidature."),
                     (inProgress, 3, "Je déménage à l'étranger et je ne poursuivrai pas la certification."),
                 })
            if (candidate is not null)
                db.ErasureRequests.Add(new ErasureRequest { CandidateId = candidate.Id, Source = Domain.Privacy.ErasureSource.Request, RequestedAt = now.AddDays(-days), Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
    }
}
