using System.Net;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Audit;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Evaluations;
using CqpPortal.Web.Tests.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Audit;

/// <summary>
/// The journal of reads (issue 16): a read or change of a booklet document, a grid or a jury's decisions by staff, an
/// evaluator or a jury member writes one row naming who, what and the answer; a candidate's reads of their own file
/// write none; the administrator finds and exports it; nobody else opens the journal; nobody can change it.
/// </summary>
[Collection(PortalCollection.Name)]
public class AuditJournalTests(DemoPortal portal)
{
    private async Task<List<AuditEntry>> RowsAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> where)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await where(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task A_staff_read_of_a_booklet_document_writes_one_row_naming_who_what_and_the_answer()
    {
        var (owner, registrationId) = await AdmissibleCandidateAsync(portal, "Journal");
        var bookletId = await SubmitBookletOneAsync(portal, owner, registrationId);
        var documentId = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Documents.Single().Id;
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Vae/Fichier/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Vae/Livret/{bookletId}")).StatusCode);

        var rows = await RowsAsync(q => q.Where(e => e.UserEmail == staff.Email));
        var read = Assert.Single(rows, e => e.Path == $"/Staff/Vae/Fichier/{documentId}");
        Assert.Equal((Roles.Staff, AuditKinds.BookletDocument, documentId, false, "GET", 200), (read.Role, read.Kind, read.SubjectId, read.Change, read.Method, read.StatusCode));
        Assert.False(string.IsNullOrEmpty(read.UserId));
        Assert.True(read.At > DateTimeOffset.UtcNow.AddHours(-1) && read.At <= DateTimeOffset.UtcNow.AddMinutes(1));
        var booklet = Assert.Single(rows, e => e.Path == $"/Staff/Vae/Livret/{bookletId}");
        Assert.Equal((AuditKinds.Booklet, bookletId), (booklet.Kind, booklet.SubjectId));
    }

    [Fact]
    public async Task A_candidate_reading_their_own_booklet_and_documents_writes_nothing()
    {
        var (owner, registrationId) = await AdmissibleCandidateAsync(portal, "Discret");
        await SubmitBookletOneAsync(portal, owner, registrationId);
        var documentId = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Documents.Single().Id;

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/Candidat/Vae/Fichier/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync(One)).StatusCode);

        // Their own reads are theirs: the journal is about others' files (Roles.ReadingOthersFiles).
        Assert.Empty(await RowsAsync(q => q.Where(e => e.UserEmail == owner.Email)));
    }

    [Fact]
    public async Task An_evaluator_reading_and_saving_a_grid_writes_a_read_and_a_change()
    {
        var f = await GridBuilders.CreateAsync(portal);
        var evaluator = await GridBuilders.SignInAsync(portal, f.EvaluatorEmail);

        Assert.Equal(HttpStatusCode.OK, (await evaluator.Http.GetAsync(f.Page)).StatusCode);
        await GridBuilders.PostAsync(evaluator, f, "Save", GridBuilders.Mark(f.Competences[0], acquired: true));

        var rows = await RowsAsync(q => q.Where(e => e.UserEmail == f.EvaluatorEmail && e.Kind == AuditKinds.Grid));
        Assert.All(rows, e => Assert.Equal((Roles.Evaluator, f.EnrolmentId, f.Page), (e.Role, e.SubjectId, e.Path)));
        Assert.Equal(2, rows.Count(e => !e.Change && e.Method == "GET" && e.StatusCode == 200)); // the page, then again before posting
        var change = Assert.Single(rows, e => e.Change);
        Assert.Equal(("POST", "Save"), (change.Method, change.Handler));
    }

    [Fact]
    public async Task A_jury_member_and_staff_reading_a_jurys_decisions_are_recorded_with_the_session_and_the_file_convened()
    {
        var file = await JuryCandidates.CreateAsync(portal);
        var jury = await TestAccounts.SignedInAsync(portal, Roles.JuryMember);
        var sessionId = await JurySessions.CreateAsync(portal, 0, [file.RegistrationId], [jury.Email!]);
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        Assert.Equal(HttpStatusCode.OK, (await jury.Http.GetAsync($"/Jury/Session/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Jurys/Session/{sessionId}")).StatusCode);

        var juryRead = Assert.Single(await RowsAsync(q => q.Where(e => e.UserEmail == jury.Email)));
        Assert.Equal((Roles.JuryMember, AuditKinds.Decision, sessionId, 200), (juryRead.Role, juryRead.Kind, juryRead.SubjectId, juryRead.StatusCode));
        var staffRead = Assert.Single(await RowsAsync(q => q.Where(e => e.UserEmail == staff.Email)));
        Assert.Equal((AuditKinds.Decision, sessionId, $"/Staff/Jurys/Session/{sessionId}"), (staffRead.Kind, staffRead.SubjectId, staffRead.Path));
    }

    [Fact]
    public async Task The_administrator_finds_a_staff_read_by_person_file_kind_and_day_and_exports_it()
    {
        var (_, registrationId) = await AdmissibleCandidateAsync(portal, "Recherche");
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{registrationId}")).StatusCode);

        var admin = PortalClient.For(portal);
        await admin.LoginAsync("admin@cqp.test");
        Assert.NotNull((await admin.GetAsync("/Staff")).Document.QuerySelector("a[href='/Staff/Journal']"));
        var today = Domain.Time.DayInParis.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var search = $"/Staff/Journal?q={Uri.EscapeDataString(staff.Email![..12])}&numero={registrationId}&type=dossier&du={today}&au={today}";
        var (response, page) = await admin.GetAsync(search);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(page.QuerySelectorAll("table.stack tbody tr"));
        Assert.Contains(staff.Email, row.TextContent);
        Assert.Contains($"GET /Staff/Recevabilite/Dossier/{registrationId}", row.TextContent);
        Assert.Equal("Personne", row.QuerySelectorAll("td")[1].GetAttribute("data-label"));
        Assert.Contains("Organisme de formation", row.TextContent);

        // Another day or another kind finds nothing; the export holds the row.
        var yesterday = Domain.Time.DayInParis.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Contains("Aucun accès ne correspond", (await admin.GetAsync($"/Staff/Journal?q={Uri.EscapeDataString(staff.Email)}&au={yesterday}")).Document.Body!.TextContent);
        Assert.Contains("Aucun accès ne correspond", (await admin.GetAsync($"/Staff/Journal?q={Uri.EscapeDataString(staff.Email)}&type=grille")).Document.Body!.TextContent);
        var export = await admin.Http.GetAsync($"/Staff/Journal?handler=Export&format=csv&q={Uri.EscapeDataString(staff.Email)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains($"/Staff/Recevabilite/Dossier/{registrationId}", csv);
        Assert.Contains(staff.Email, csv);

        // Reading the journal is not itself a read of someone's file.
        Assert.Empty(await RowsAsync(q => q.Where(e => e.UserEmail == "admin@cqp.test" && e.Path.StartsWith("/Staff/Journal"))));
    }

    [Fact]
    public async Task Only_the_administrator_opens_the_journal()
    {
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Null((await staff.GetAsync("/Staff")).Document.QuerySelector("a[href='/Staff/Journal']"));
        foreach (var url in new[] { "/Staff/Journal", "/Staff/Journal?handler=Export&format=csv" })
        {
            var refused = await staff.Http.GetAsync(url);
            Assert.True(PortalClient.IsRedirectTo(refused, "/Compte/AccesRefuse"), $"{url}: {refused.StatusCode} {refused.Headers.Location}");
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync(refused.Headers.Location)).StatusCode);
        }
        var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        Assert.True(PortalClient.IsRedirectTo(await sist.Http.GetAsync("/Staff/Journal"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await PortalClient.For(portal).Http.GetAsync("/Staff/Journal"), "/Compte/Connexion"));
    }

    [Fact]
    public async Task The_applications_own_connection_cannot_update_delete_or_truncate_the_journal()
    {
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        await staff.Http.GetAsync("/Staff/Vae/Fichier/999999999");
        var before = await RowsAsync(q => q.Where(e => e.UserEmail == staff.Email));
        Assert.Single(before);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        foreach (var sql in new[]
        {
            $"UPDATE \"AuditEntries\" SET \"UserEmail\" = 'personne@exemple.fr' WHERE \"Id\" = {before[0].Id}",
            $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {before[0].Id}",
            "TRUNCATE \"AuditEntries\"",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.Equal(before.Select(e => (e.Id, e.UserEmail)), (await RowsAsync(q => q.Where(e => e.UserEmail == staff.Email))).Select(e => (e.Id, e.UserEmail)));
    }
}
