using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Foundation;

[Collection(PortalCollection.Name)]
public class DemoDataTests(DemoPortal portal)
{
    [Fact]
    public async Task Demo_data_covers_three_years_of_candidates_sessions_juries_and_holders()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var now = DateTimeOffset.UtcNow;
        var years = await db.Registrations.Where(r => r.RegisteredOn != null).Select(r => r.RegisteredOn!.Value.Year).Distinct().CountAsync();

        Assert.True(await db.Candidates.CountAsync() >= 250, "a few hundred candidates");
        Assert.Equal(3, years);
        Assert.True(await db.Sessions.CountAsync(s => s.StartsAt < now) > 20);
        Assert.True(await db.Sessions.CountAsync(s => s.StartsAt > now) > 5);
        Assert.True(await db.JuryDecisions.CountAsync() > 50);
        Assert.True(await db.JuryDecisions.CountAsync(j => j.Result == JuryResult.PartialValidation) > 0);
        Assert.True(await db.HolderSurveys.CountAsync(s => s.RespondedOn != null && s.Wave == SurveyWave.SixMonths) > 10);
        Assert.True(await db.HolderSurveys.CountAsync(s => s.RespondedOn != null && s.Wave == SurveyWave.TwentyFourMonths) > 0);
        foreach (var route in Enum.GetValues<CertificationRoute>())
            Assert.True(await db.Registrations.CountAsync(r => r.Route == route) > 10, $"route {route}");
    }

    [Fact]
    public async Task Every_demo_account_exists_with_its_role_and_the_managers_follow_different_companies()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var roles = await db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([role], roles);
        }
        var companies = await db.CompanyManagers.Where(m => m.User!.Email!.StartsWith("manager")).Select(m => m.CompanyId).ToListAsync();
        Assert.Equal(2, companies.Distinct().Count());
        var candidates = await db.Candidates.Where(c => c.Email == "candidat@cqp.test" || c.Email == "candidat2@cqp.test").Select(c => c.CompanyId).ToListAsync();
        Assert.Equal(2, candidates.Distinct().Count());
        // The demo jury member sits on the demo juries, past and coming.
        var juries = await db.JurySessionMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "jury@cqp.test"))
            .Select(m => new { m.Session!.Kind, m.Session.StartsAt }).ToListAsync();
        Assert.All(juries, j => Assert.Equal(SessionKind.Jury, j.Kind));
        Assert.Contains(juries, j => j.StartsAt > DateTimeOffset.UtcNow);
        Assert.True(juries.Count(j => j.StartsAt < DateTimeOffset.UtcNow) > 5);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var before = await db.Candidates.CountAsync();
        var juryMembers = await db.JurySessionMembers.CountAsync();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<ReferentialImporter>().ImportSeededAsync();
        Assert.Equal(before, await db.Candidates.CountAsync());
        Assert.Equal(juryMembers, await db.JurySessionMembers.CountAsync());
        Assert.Equal(1, await db.Certifications.CountAsync());
    }

    [Fact]
    public async Task The_referential_of_the_cqp_is_seeded_as_data()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var cqp = await db.Certifications.Include(c => c.Units).ThenInclude(u => u.Competences).SingleAsync();
        Assert.Equal([1, 2, 3, 4], cqp.Units.Select(u => u.Number).Order());
        Assert.Equal(14, cqp.Units.Single(u => u.Number == 1).Competences.Count);
        Assert.Equal(12, cqp.Prerequisites.TeleSecretaryMonths);
        Assert.Equal(36, cqp.Prerequisites.VaeRelatedExperienceMonths);
        Assert.Contains(cqp.Units.SelectMany(u => u.Competences), c => c.Code == "C.4.1" && c.Derived);
    }
}
