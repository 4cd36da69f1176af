using System.Text.RegularExpressions;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>
/// README's « Demo accounts » table, read from README.md at test time, against a seeded demo database: every account of
/// the table exists with the role it names, the person it names, and the promises its line makes that data can show.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class ReadmeDemoAccountsTests(DemoPortal portal)
{
    public sealed record DemoLine(string Email, string Role, string Shows);

    /// <summary>The table under « ## Demo accounts »: lines « | `email` | Role | what it shows | ».</summary>
    public static IReadOnlyList<DemoLine> ReadTable()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Demo accounts");
        Assert.True(start >= 0, "README has a « Demo accounts » section");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => new DemoLine(m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value)).ToList();
    }

    [GeneratedRegex(@"^\|\s*`([^`]+@cqp\.test)`\s*\|\s*([A-Za-z]+)\s*\|(.*)\|\s*$")]
    private static partial Regex Row();

    [Fact]
    public void The_table_lists_every_demo_account_of_the_seed() =>
        Assert.Equal(CqpPortal.Web.Seeding.DemoAccounts.All.Select(a => a.Email).Order(), ReadTable().Select(l => l.Email).Order());

    [Fact]
    public async Task Each_line_of_the_readme_table_holds_on_the_demo_data()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var failures = new List<string>();
        void Check(DemoLine line, bool holds, string promise) { if (!holds) failures.Add($"{line.Email}: {promise}"); }

        foreach (var line in ReadTable())
        {
            var roles = await db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == line.Email))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Check(line, roles.SequenceEqual([line.Role]), $"role {line.Role} (has {string.Join(", ", roles)})");

            var candidate = await db.Candidates.Include(c => c.Registrations).Include(c => c.Company).FirstOrDefaultAsync(c => c.Email == line.Email);
            if (line.Role == "Candidate")
            {
                Check(line, candidate is not null, "a candidate file");
                if (candidate is null) continue;
                // « Camille Martin: … »: the person the line names.
                Check(line, line.Shows.TrimStart().StartsWith($"{candidate.FirstName} {candidate.LastName}", StringComparison.Ordinal), $"names {candidate.FirstName} {candidate.LastName}");
                var registration = candidate.Registrations.OrderByDescending(r => r.Id).First();
                var documents = await db.CandidateDocuments.Where(d => d.CandidateId == candidate.Id).Select(d => d.Title).ToListAsync();
                if (line.Shows.Contains("training route")) Check(line, registration.Route == CertificationRoute.Training, "training route");
                if (line.Shows.Contains("VAE route")) Check(line, registration.Route == CertificationRoute.Vae, "VAE route");
                if (line.Shows.Contains(" admissible")) Check(line, registration.State == RegistrationState.Admissible, "admissible");
                if (line.Shows.Contains("waiting for the admissibility decision")) Check(line, registration.State == RegistrationState.Submitted, "waiting for the decision");
                if (line.Shows.Contains("enrolled in a coming evaluation"))
                {
                    var coming = await db.SessionEnrolments.Where(e => e.RegistrationId == registration.Id && e.State == EnrolmentState.Enrolled
                        && e.Session!.Kind == SessionKind.Evaluation && e.Session.StartsAt > DateTimeOffset.UtcNow).Select(e => e.Session!.StartsAt).ToListAsync();
                    Check(line, coming.Count > 0, "enrolled in a coming evaluation");
                    // Issue 17: the convocation an enrolment issues is in « Mes documents ».
                    Check(line, documents.Any(t => t.StartsWith("Convocation – Évaluation", StringComparison.Ordinal)), "her convocation in « Mes documents »");
                }
                if (line.Shows.Contains("employee of company 1")) Check(line, candidate.Company?.Name == "Allo Secrétariat Services", "employee of company 1");
                if (line.Shows.Contains("employee of company 2")) Check(line, candidate.Company?.Name == "Permanence Plus", "employee of company 2");
                if (line.Shows.Contains("did **not** agree")) Check(line, registration.CompanyMayFollow == false, "did not agree to be followed");
                if (line.Shows.Contains("who agreed")) Check(line, registration.CompanyMayFollow == true, "agreed to be followed");
                if (line.Shows.Contains("with his proof of experience"))
                    Check(line, await db.RegistrationProofs.AnyAsync(p => p.RegistrationId == registration.Id && p.Kind == ProofKind.Experience), "a proof of experience");
                var booklets = await db.Booklets.Where(b => b.RegistrationId == registration.Id).Select(b => new { b.Kind, b.State }).ToListAsync();
                if (line.Shows.Contains("no booklet yet")) Check(line, booklets.Count == 0, "no booklet yet");
                if (line.Shows.Contains("booklet 1 admissible"))
                    Check(line, booklets.Any(b => b.Kind == BookletKind.Admissibility && b.State == BookletState.Admissible), "booklet 1 admissible");
                if (line.Shows.Contains("booklet 2 in progress"))
                    Check(line, booklets.Any(b => b.Kind == BookletKind.Experience && b.State == BookletState.Draft), "booklet 2 in progress");
                if (line.Shows.Contains("total validation"))
                    Check(line, registration.CertifiedOn is not null, "total validation");
                if (line.Shows.Contains("her certificate"))
                    Check(line, await db.Certificates.AnyAsync(c => c.RegistrationId == registration.Id && c.SignedAt != null), "her certificate, signed");
            }
            if (line.Role == "CompanyManager")
            {
                var company = Regex.Match(line.Shows, @"\(([^)]+)\)").Groups[1].Value;
                var manages = await db.CompanyManagers.Where(m => m.User!.Email == line.Email && m.ApprovedAt != null).Select(m => m.Company!.Name).ToListAsync();
                Check(line, manages.Contains(company), $"manager of {company} (manages {string.Join(", ", manages)})");
            }
            if (line.Role == "Staff" && line.Shows.Contains("company access requests"))
                Check(line, await db.CompanyManagers.AnyAsync(m => m.ApprovedAt == null), "company access requests waiting");
            if (line.Role == "Staff" && line.Shows.Contains("two erasure requests waiting"))
                Check(line, await db.ErasureRequests.CountAsync(e => e.State == Domain.Privacy.ErasureState.Pending) >= 2, "two erasure requests waiting");
        }
        Assert.True(failures.Count == 0, "README promises that the demo data does not keep:\n" + string.Join("\n", failures));
    }

    /// <summary>Demo names are cased as French writes them (« Da Silva », « Le Gall »), never as Bogus gives them (« Da silva »).</summary>
    [Fact]
    public async Task Demo_names_are_cased_as_french_writes_them()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var names = await db.Candidates.Select(c => c.LastName).Distinct().ToListAsync();
        Assert.DoesNotContain(names, n => n.Split(' ', '-').Any(part => part.Length > 0 && char.IsLower(part[0]) && part is not ("de" or "du" or "des")));
        Assert.All(names, n => Assert.Equal(CqpPortal.Domain.Accounts.PersonNames.Cased(n), n));
    }
}
