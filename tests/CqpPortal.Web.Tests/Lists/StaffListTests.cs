using System.Net;
using System.Text;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CqpPortal.Web.Tests.Lists;

/// <summary>
/// The long staff and manager lists (Lists/): search, filters, pages that keep the filters, exports of every filtered
/// row with formula-like cells neutralised, and only for those who may see the list; <c>/Jury</c> lists a jury once.
/// </summary>
[Collection(PortalCollection.Name)]
public class StaffListTests(DemoPortal portal)
{
    private static string Tag() => "Liste" + Guid.NewGuid().ToString("N")[..6];

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email);
        return client;
    }

    /// <summary>Coming jury sessions at a place named after the tag, one day apart, in the region given.</summary>
    private async Task AddJuriesAsync(string tag, int count, Region region, int firstInDays)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var startsAt = DateTimeOffset.UtcNow.AddDays(firstInDays + i);
            db.Sessions.Add(new Session
            {
                CertificationId = certificationId, Kind = SessionKind.Jury, StartsAt = startsAt, DurationMinutes = 180, PlaceName = $"Salle {tag}",
                Address = "1 rue des Listes", PostalCode = "44000", City = "Nantes", Region = region, Capacity = 10,
                RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
            });
        }
        await db.SaveChangesAsync();
    }

    private static List<string> RowLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();

    private static string[] CsvLines(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_staff_juries_list_finds_by_place_a_region_narrows_it_page_two_keeps_the_filters_and_the_export_has_every_filtered_row()
    {
        var tag = Tag();
        await AddJuriesAsync(tag, 27, Region.Ouest, firstInDays: 200);
        await AddJuriesAsync(tag, 3, Region.Est, firstInDays: 240);
        using var staff = await SignedInAsync("staff@cqp.test");

        var (_, found) = await staff.GetAsync($"/Staff/Jurys?q={tag}");
        Assert.Contains("Jurys à venir : 30.", found.Body!.TextContent);
        Assert.Equal(25, RowLinks(found).Count);
        Assert.Equal(tag, found.QuerySelector("input[name='q']")!.GetAttribute("value"));

        var (_, first) = await staff.GetAsync($"/Staff/Jurys?q={tag}&region=Ouest");
        Assert.Contains("Jurys à venir : 27.", first.Body!.TextContent);
        Assert.Contains("Page 1 sur 2", first.QuerySelector("nav.list-pager")!.TextContent);
        Assert.All(first.QuerySelectorAll("table tbody tr"), row => Assert.Contains("Ouest", row.TextContent));
        var next = first.QuerySelector("nav.list-pager a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains($"q={tag}", next);
        Assert.Contains("region=Ouest", next);
        Assert.Contains("page=2", next);

        var (_, second) = await staff.GetAsync(next);
        Assert.Contains("Page 2 sur 2", second.QuerySelector("nav.list-pager")!.TextContent);
        Assert.Equal("Ouest", second.QuerySelector("select[name='region'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(2, RowLinks(second).Count);
        Assert.Empty(RowLinks(first).Intersect(RowLinks(second)));
        // The next rows: later than the first page's last (coming juries soonest first).
        var ids = RowLinks(first).Concat(RowLinks(second)).Select(l => int.Parse(l.Split('/')[^1])).ToList();
        Assert.Equal(ids.Order().ToList(), ids);

        var exportLink = second.QuerySelectorAll(".list-export a").Single(a => a.GetAttribute("href")!.Contains("format=csv")).GetAttribute("href")!;
        Assert.DoesNotContain("page=", exportLink);
        var csv = await staff.Http.GetAsync(exportLink);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.True(csv.Headers.CacheControl!.NoStore);
        var lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Date;Lieu;Région;Convoqués;Décisions;État", lines[0]);
        Assert.Equal(27, lines.Length - 1);
        Assert.All(lines[1..], line => Assert.Contains($"Salle {tag}, Nantes;Ouest;0;0;À venir", line));

        var xlsx = await staff.Http.GetAsync(exportLink.Replace("format=csv", "format=xlsx"));
        Assert.True(xlsx.Headers.CacheControl!.NoStore);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(27, rows.Count);
        Assert.Equal(["Date", "Lieu", "Région", "Convoqués", "Décisions", "État"], rows[0].Keys);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Staff/Jurys?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_admissibility_queue_finds_a_file_by_name_with_or_without_accents_email_or_number_a_route_narrows_it_and_the_export_neutralises_a_name_starting_with_equals()
    {
        var tag = Tag();
        int formulaId, otherId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certificationId = await db.Certifications.Select(c => c.Id).FirstAsync();
            Registration Submitted(CertificationRoute route) => new()
            {
                CertificationId = certificationId, Route = route, EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 4, TeleSecretaryMonths = 12,
                Region = Region.Sud, State = RegistrationState.Submitted, RegisteredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), PrivacyConsentAt = DateTimeOffset.UtcNow,
            };
            var formula = Submitted(CertificationRoute.Training);
            var other = Submitted(CertificationRoute.Vae);
            db.Candidates.Add(new Candidate { FirstName = "Ana", LastName = $"=HYPERLINK(\"http://x\";\"{tag}\")", Email = $"{tag}@exemple.fr", BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Sud, Registrations = [formula] });
            db.Candidates.Add(new Candidate { FirstName = "Éloïse", LastName = $"Dé{tag}", Email = $"autre-{tag}@exemple.fr", BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Sud, Registrations = [other] });
            await db.SaveChangesAsync();
            (formulaId, otherId) = (formula.Id, other.Id);
        }
        using var staff = await SignedInAsync("staff@cqp.test");

        string Link(int id) => $"/Staff/Recevabilite/Dossier/{id}";
        // The queue is the page's first table (the files near their deadline follow).
        static IEnumerable<string?> Queue(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody td a").Select(a => a.GetAttribute("href"));
        var (_, byName) = await staff.GetAsync($"/Staff/Recevabilite?q={tag}");
        Assert.Equal([Link(formulaId), Link(otherId)], Queue(byName).ToList());
        Assert.Equal([Link(otherId)], Queue((await staff.GetAsync($"/Staff/Recevabilite?q={Uri.EscapeDataString($"Éloïse Dé{tag}")}")).Document).ToList());
        // Typed without its accents, or with others, the name is found all the same (PostgreSQL's unaccent).
        Assert.Equal([Link(otherId)], Queue((await staff.GetAsync($"/Staff/Recevabilite?q={Uri.EscapeDataString($"eloise de{tag.ToLowerInvariant()}")}")).Document).ToList());
        Assert.Equal([Link(otherId)], Queue((await staff.GetAsync($"/Staff/Recevabilite?q={Uri.EscapeDataString($"ÉLOÏSE DÈ{tag}")}")).Document).ToList());
        Assert.Equal([Link(otherId)], Queue((await staff.GetAsync($"/Staff/Recevabilite?q=autre-{tag}@exemple.fr")).Document).ToList());
        Assert.Contains(Link(otherId), Queue((await staff.GetAsync($"/Staff/Recevabilite?q={otherId}")).Document));
        var (_, vae) = await staff.GetAsync($"/Staff/Recevabilite?q={tag}&voie=Vae");
        Assert.Equal([Link(otherId)], Queue(vae).ToList());
        Assert.Contains("1 dossier(s) sur", vae.Body!.TextContent);

        var csv = await staff.Http.GetAsync($"/Staff/Recevabilite?q={tag}&handler=Export&format=csv");
        Assert.True(csv.Headers.CacheControl!.NoStore);
        var lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Dossier;Candidat;Adresse électronique;Voie;Région;Déposé le;Attente (jours);Pré-contrôle", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{formulaId};\"'=HYPERLINK(", lines[1]);
        Assert.DoesNotContain(lines, line => line.Contains(";=") || line.Contains(";\"="));
        var xlsx = await staff.Http.GetAsync($"/Staff/Recevabilite?q={tag}&handler=Export&format=xlsx");
        var cells = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => (string)r["Candidat"]).ToList();
        Assert.StartsWith("'=HYPERLINK(", cells[0]);
    }

    [Fact]
    public async Task Convoquer_un_candidat_finds_a_candidate_by_name_narrows_to_those_who_may_be_convened_and_exports_them()
    {
        var ready = await JuryCandidates.CreateAsync(portal);
        var unsigned = await JuryCandidates.CreateAsync(portal, signatures: 1);
        var juryId = await JurySessions.CreateAsync(portal, 34, [], []);
        using var staff = await SignedInAsync("staff@cqp.test");
        var page = $"/Staff/Jurys/Session/{juryId}";

        var (_, found) = await staff.GetAsync($"{page}?q={ready.LastName.ToLowerInvariant()}");
        var row = Assert.Single(found.QuerySelectorAll("table[aria-describedby='to-convene'] tbody tr"));
        Assert.Contains(ready.Shown, row.TextContent);
        Assert.NotNull(row.QuerySelector("form[action*='handler=Convene']"));
        var (_, byEmail) = await staff.GetAsync($"{page}?q={unsigned.Email}");
        Assert.Contains(unsigned.Shown, Assert.Single(byEmail.QuerySelectorAll("table[aria-describedby='to-convene'] tbody tr")).TextContent);

        var (_, convenable) = await staff.GetAsync($"{page}?convocables=true&q={ready.LastName}");
        Assert.Contains(ready.Shown, Assert.Single(convenable.QuerySelectorAll("table[aria-describedby='to-convene'] tbody tr")).TextContent);
        Assert.True(convenable.QuerySelector("#convocables")!.HasAttribute("checked"));
        var (_, notConvenable) = await staff.GetAsync($"{page}?convocables=true&q={unsigned.LastName}");
        Assert.Empty(notConvenable.QuerySelectorAll("table[aria-describedby='to-convene'] tbody tr"));
        Assert.Contains("Aucun candidat ne correspond à ces critères.", notConvenable.Body!.TextContent);

        var csv = await staff.Http.GetAsync($"{page}?q={unsigned.LastName}&handler=Candidates&format=csv");
        Assert.True(csv.Headers.CacheControl!.NoStore);
        var lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Dossier;Candidat;Adresse électronique;Région;Voie;Convocation", lines[0]);
        Assert.StartsWith($"{unsigned.RegistrationId};{unsigned.Shown} Alix;{unsigned.Email};Ouest;", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task Roles_that_cannot_see_a_staff_list_cannot_export_it_and_a_manager_exports_only_his_own_companys_employees()
    {
        using var candidate = await SignedInAsync("candidat@cqp.test");
        using var manager = await SignedInAsync("manager@cqp.test");
        using var jury = await SignedInAsync("jury@cqp.test");
        using var anonymous = PortalClient.For(portal);
        string[] exports = ["/Staff/Jurys?handler=Export&format=csv", "/Staff/Sessions?handler=Export&format=xlsx", "/Staff/Recevabilite?handler=Export&format=csv", "/Staff/Vae?handler=Export&format=csv"];
        foreach (var (client, expected) in new[] { (candidate, "/Compte/AccesRefuse"), (manager, "/Compte/AccesRefuse"), (jury, "/Compte/AccesRefuse"), (anonymous, "/Compte/Connexion") })
            foreach (var export in exports)
                Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(export), expected), $"{export}: {expected}");

        int company1;
        await using (var scope = portal.Services.CreateAsyncScope())
            company1 = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Companies.Where(c => c.Name == "Allo Secrétariat Services").Select(c => c.Id).SingleAsync();
        var (_, home) = await manager.GetAsync("/Entreprise?q=martin");
        Assert.Contains(home.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Camille Martin"));
        Assert.Contains("ne correspond à ces critères", (await manager.GetAsync("/Entreprise?q=zzzzzz")).Document.Body!.TextContent);
        var csv = await manager.Http.GetAsync($"/Entreprise?q=martin&handler=Export&format=csv&entreprise={company1}");
        Assert.True(csv.Headers.CacheControl!.NoStore);
        var lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Salarié;Voie;Dossier déposé le;Recevabilité;Prochaine convocation;Jury", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Camille Martin;Formation"));

        using var manager2 = await SignedInAsync("manager2@cqp.test");
        Assert.Equal(HttpStatusCode.NotFound, (await manager2.Http.GetAsync($"/Entreprise?handler=Export&format=csv&entreprise={company1}")).StatusCode);
        Assert.True(PortalClient.IsRedirectTo(await candidate.Http.GetAsync($"/Entreprise?handler=Export&format=csv&entreprise={company1}"), "/Compte/AccesRefuse"));
    }

    [Fact]
    public async Task Jury_lists_each_of_the_members_coming_juries_once_and_folds_the_past_ones()
    {
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Yves Lemoine");
        var coming = await JurySessions.CreateAsync(portal, 57, [], [member]);
        var past = await JurySessions.CreateAsync(portal, -57, [], [member]);
        using var client = PortalClient.For(portal);
        await client.LoginAsync(member, TestAccounts.Password);

        var (_, page) = await client.GetAsync("/Jury");
        Assert.Single(page.QuerySelectorAll($"a[href='/Jury/Session/{coming}']"), a => a.TextContent.StartsWith("Jury du"));
        string startsAt;
        await using (var scope = portal.Services.CreateAsyncScope())
            startsAt = global::CqpPortal.Web.Formatting.FrenchFormat.DateTime(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.Id == coming).Select(s => s.StartsAt).SingleAsync());
        var body = page.Body!.TextContent;
        Assert.Equal(1, (body.Length - body.Replace(startsAt, "").Length) / startsAt.Length);
        Assert.Contains("Autres jurys à venir", body);

        var folded = page.QuerySelector("details.past-juries")!;
        Assert.False(folded.HasAttribute("open"));
        Assert.Contains("Jurys passés (1)", folded.QuerySelector("summary")!.TextContent);
        Assert.NotNull(folded.QuerySelector($"a[href='/Jury/Session/{past}']"));
    }
}
