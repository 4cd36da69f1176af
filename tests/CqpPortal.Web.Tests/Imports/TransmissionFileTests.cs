using System.Net;
using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>The SIST transmission file of a session: its enrolled candidates only, in the import template, importable back unchanged.</summary>
[Collection(PortalCollection.Name)]
public class TransmissionFileTests(DemoPortal portal)
{
    /// <summary>A past jury session of the demo data (its candidates have decisions) and the names enrolled in it.</summary>
    private async Task<(int SessionId, List<string> Enrolled, List<string> Others)> JurySessionAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var session = await db.Sessions
            .Where(s => s.Kind == SessionKind.Jury && s.StartsAt < DateTimeOffset.UtcNow && s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) >= 2)
            .OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        var names = await db.SessionEnrolments.Where(e => e.State == EnrolmentState.Enrolled)
            .Select(e => new { e.SessionId, Name = e.Registration!.Candidate!.LastName + " " + e.Registration.Candidate.FirstName }).ToListAsync();
        return (session, names.Where(n => n.SessionId == session).Select(n => n.Name).Order().ToList(),
            names.Where(n => n.SessionId != session).Select(n => n.Name).Distinct().ToList());
    }

    [Fact]
    public async Task The_file_holds_the_sessions_enrolled_candidates_only_in_the_import_template()
    {
        var (sessionId, enrolled, others) = await JurySessionAsync();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var response = await staff.Http.GetAsync($"/Staff/Sessions/Transmission/{sessionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RecordFileWriter.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"transmission-sist-session-{sessionId}-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var sheet = RecordFileReader.Read(await response.Content.ReadAsStreamAsync(), "transmission.xlsx");
        Assert.Equal(RecordTemplates.Candidates.Columns, sheet.Headers);
        var parsed = new CandidateRecordParser([1, 2, 3, 4]).Parse(sheet);
        Assert.Empty(parsed.Errors);
        Assert.Equal(enrolled, parsed.Records.Select(r => $"{r.LastName} {r.FirstName}").Order());
        Assert.DoesNotContain(parsed.Records, r => others.Except(enrolled).Contains($"{r.LastName} {r.FirstName}"));
        // A past jury: each line carries the decision with its units, in the template's labels.
        Assert.All(parsed.Records, r => Assert.NotNull(r.JuryResult));
        Assert.Contains(parsed.Records, r => r.ValidatedUnits.Count > 0);
    }

    [Fact]
    public async Task The_file_imports_back_cleanly_and_changes_nothing()
    {
        var (sessionId, enrolled, _) = await JurySessionAsync();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var file = await staff.Http.GetByteArrayAsync($"/Staff/Sessions/Transmission/{sessionId}");
        var before = await ImportFiles.CountsAsync(portal);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, file, "transmission.xlsx");

        ImportFiles.AssertOk(response, page);
        Assert.Equal(("0", "0", enrolled.Count.ToString()), (page.QuerySelector("#created")!.TextContent, page.QuerySelector("#updated")!.TextContent, page.QuerySelector("#unchanged")!.TextContent));
        Assert.Equal(before, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task Only_staff_download_it_and_an_unknown_session_is_not_found()
    {
        var (sessionId, _, _) = await JurySessionAsync();
        foreach (var account in new[] { "candidat@cqp.test", "manager@cqp.test", "sist@cqp.test", "jury@cqp.test" })
        {
            using var other = PortalClient.For(portal);
            await other.LoginAsync(account);
            Assert.True(PortalClient.IsRedirectTo(await other.Http.GetAsync($"/Staff/Sessions/Transmission/{sessionId}"), "/Compte/AccesRefuse"), account);
        }
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Sessions/Transmission/999999")).StatusCode);
        var (_, sessions) = await staff.GetAsync("/Staff/Sessions?periode=passees&type=Jury&taille=100");
        Assert.NotNull(sessions.QuerySelector($"a[href='/Staff/Sessions/Transmission/{sessionId}']"));
    }
}
