using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>Staff find the files near their deadline (the digest's list) on the admissibility page, each linked to its file.</summary>
[Collection(PortalCollection.Name)]
public class NearDeadlineListTests(DemoPortal portal)
{
    [Fact]
    public async Task The_admissibility_page_lists_the_files_within_90_days_of_their_deadline()
    {
        var today = DayInParis.Today(TimeProvider.System);
        int registrationId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Free, State = RegistrationState.Admissible,
                EmploymentStatus = EmploymentStatus.Other, Region = Region.Sud, RegisteredOn = today.AddMonths(-23), AdmissibilityDecidedOn = today.AddMonths(-24).AddDays(40),
            };
            db.Candidates.Add(new Candidate
            {
                FirstName = "Inès", LastName = "Prochedelai", Email = $"proche-{Guid.NewGuid():N}"[..20] + "@exemple.fr", BirthDate = new DateOnly(1988, 4, 2),
                Sex = Sex.Female, Region = Region.Sud, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (_, page) = await staff.GetAsync("/Staff/Recevabilite");

        var link = page.QuerySelectorAll("#delais ~ div table a").Single(a => a.TextContent == "Inès Prochedelai");
        Assert.Equal($"/Staff/Recevabilite/Dossier/{registrationId}", link.GetAttribute("href"));
        Assert.Contains("évaluation à passer", link.ParentElement!.ParentElement!.TextContent);
    }
}
