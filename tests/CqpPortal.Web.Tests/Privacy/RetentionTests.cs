using CqpPortal.Domain.Privacy;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Privacy;
using CqpPortal.Web.Tests.Statistics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Privacy;

/// <summary>The portal on a database of its own whose clock starts in 2018: the tests move it years ahead instead of waiting.</summary>
public sealed class RetentionPortal() : ClockPortal(TestCluster.NewDatabase("retention"), demoData: false, null, new DateTimeOffset(2018, 1, 10, 9, 0, 0, TimeSpan.Zero));

/// <summary>
/// The daily retention job (issue 16): the dry run lists who the privacy notice's periods erase and why, changing
/// nothing; the real run erases exactly what the dry run listed, through the same erasure as a request.
/// </summary>
public class RetentionTests(RetentionPortal portal) : IClassFixture<RetentionPortal>
{
    /// <summary>Every row a retention run could change, as text: equal before and after means nothing changed.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var people = await db.Candidates.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.FirstName}|{c.LastName}|{c.Email}|{c.Phone}|{c.BirthDate}|{c.UserId}|{c.AnonymisedAt}").ToListAsync();
        var files = await db.Registrations.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.EmployerName}|{r.DecisionMotive}|{r.AgeAtRegistration}").ToListAsync();
        var counts = $"{await db.Users.CountAsync()}|{await db.RegistrationProofs.CountAsync()}|{await db.Booklets.CountAsync()}|{await db.CandidateDocuments.CountAsync()}|{await db.ErasureRequests.CountAsync()}";
        return string.Join("\n", people.Concat(files).Append(counts));
    }

    [Fact]
    public async Task The_dry_run_changes_nothing_and_the_real_run_erases_exactly_what_it_listed()
    {
        // Only this test's people are asserted on: the other test of the class may have left people of its own.
        var on = DayInParisToday();
        var holder = await PrivacyPeople.AddAsync(portal, PersonKind.Holder, on, new(1990, 11, 20), "Ancien-Titulaire");       // jury 8 months later: 5 years
        var refused = await PrivacyPeople.AddAsync(portal, PersonKind.NotAdmissible, on, new(1985, 3, 3), "Ancien-Refus");      // decision 10 days later: 2 years
        var withdrawn = await PrivacyPeople.AddAsync(portal, PersonKind.Withdrawn, on, new(1995, 7, 7), "Ancien-Abandon");      // partial jury 8 months later: 5 years
        var draft = await PrivacyPeople.AddAsync(portal, PersonKind.DraftOnly, on, new(2000, 1, 1), "Ancien-Brouillon");        // no file: 3 years
        var inProgress = await PrivacyPeople.AddAsync(portal, PersonKind.InProgress, on, new(1991, 2, 2), "Toujours-En-Cours");   // never while in progress
        var mine = new[] { holder, refused, withdrawn, draft, inProgress }.Select(p => p.CandidateId).ToHashSet();
        List<int> Mine(RetentionReport report) => report.People.Select(p => p.CandidateId).Where(mine.Contains).Order().ToList();

        portal.Clock.Advance(TimeSpan.FromDays(365 * 4)); // 4 years on: the refusal and the draft are past their periods, not the juries
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            var before = await SnapshotAsync();
            var listed = await sweep.ListAsync();
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal(new[] { refused.CandidateId, draft.CandidateId }.Order(), Mine(listed));
            Assert.StartsWith("Candidature non recevable", listed.People.Single(p => p.CandidateId == refused.CandidateId).Reason);
            Assert.StartsWith("Compte sans dossier en cours", listed.People.Single(p => p.CandidateId == draft.CandidateId).Reason);

            var run = await sweep.RunAsync();
            Assert.Equal(listed.People, run.People);
        }

        portal.Clock.Advance(TimeSpan.FromDays(365 * 3)); // 7 years on: past the juries' 5 years
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            var before = await SnapshotAsync();
            var listed = await sweep.ListAsync();
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal(new[] { holder.CandidateId, withdrawn.CandidateId }.Order(), Mine(listed));
            var run = await sweep.RunAsync();
            Assert.Equal(listed.People, run.People);
            Assert.Empty(Mine(await sweep.ListAsync())); // nothing left to erase: an erased person is never listed again
        }

        await using var check = portal.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CqpDbContext>();
        var erased = await db.Candidates.AsNoTracking().Where(c => c.AnonymisedAt != null && mine.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        Assert.Equal(new[] { holder.CandidateId, refused.CandidateId, withdrawn.CandidateId, draft.CandidateId }.Order(), erased.Order());
        Assert.Equal("Toujours-En-Cours", await db.Candidates.Where(c => c.Id == inProgress.CandidateId).Select(c => c.LastName).SingleAsync());
        Assert.Equal("Ancien-Titulaire", await db.Candidates.Where(c => c.Id == holder.CandidateId).Select(c => c.LastName).SingleAsync()); // the proof
        var recorded = await db.ErasureRequests.AsNoTracking().Where(e => e.Source == ErasureSource.Retention && mine.Contains(e.CandidateId)).ToListAsync();
        Assert.Equal(4, recorded.Count);
        Assert.All(recorded, e => Assert.StartsWith(RetentionSweep.Outcome, e.Outcome));
    }

    [Fact]
    public async Task The_command_line_dry_run_lists_the_same_people_and_changes_nothing()
    {
        await PrivacyPeople.AddAsync(portal, PersonKind.NotAdmissible, DayInParisToday(), new(1980, 5, 5), "Refus-Cli");
        portal.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the command line runs on the real clock
        await using var scope = portal.Services.CreateAsyncScope();
        var expected = (await scope.ServiceProvider.GetRequiredService<RetentionSweep>().ListAsync()).People.Select(p => $"candidate {p.CandidateId}\t").ToList();
        var before = await SnapshotAsync();

        var (exit, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "retention", "--dry-run");

        Assert.True(exit == 0, errors);
        Assert.Contains($"Dry run: {expected.Count} people would be erased (nothing changed).", output);
        Assert.All(expected, line => Assert.Contains(line, output));
        Assert.Equal(before, await SnapshotAsync());
    }

    private DateOnly DayInParisToday() => Domain.Time.DayInParis.Today(portal.Clock);
}
