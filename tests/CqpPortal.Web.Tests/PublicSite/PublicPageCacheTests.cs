using System.Net;
using System.Net.Http.Headers;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>Anonymous public pages come from the output cache (an "Age" header says so) until the data they show changes.</summary>
[Collection(PortalCollection.Name)]
public class PublicPageCacheTests(DemoPortal portal)
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<string> AnonymousTextAsync(string url)
    {
        using var visitor = PortalClient.For(portal);
        var (response, page) = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("main")!.TextContent;
    }

    private async Task<int> SessionAsync(string place, int capacity = 5)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var day = DateTime.UtcNow.Date.AddDays(45).AddHours(8);
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Evaluation, StartsAt = new DateTimeOffset(day, TimeSpan.Zero),
            DurationMinutes = 220, PlaceName = place, Address = "2 rue du Cache", PostalCode = "35000", City = "Rennes", Region = Region.Ouest,
            Capacity = capacity, RegistrationDeadline = DateOnly.FromDateTime(day).AddDays(-7),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/calendrier")]
    [InlineData("/referentiel")]
    [InlineData("/partenaires")]
    [InlineData("/documents")]
    [InlineData("/faq")]
    public async Task Anonymous_visitors_are_served_the_public_pages_from_the_cache(string url)
    {
        using var visitor = PortalClient.For(portal);
        await visitor.Http.GetAsync(url);
        var second = await visitor.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(FromCache(second), url);
    }

    [Fact]
    public async Task Signed_in_users_are_never_served_nor_stored_from_the_cache()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var url = $"/calendrier?region=Sud&x={Guid.NewGuid():N}";
        await staff.Http.GetAsync(url);
        var again = await staff.Http.GetAsync(url);
        Assert.False(FromCache(again));
        Assert.Contains("staff@cqp.test", await again.Content.ReadAsStringAsync());

        using var visitor = PortalClient.For(portal);
        var anonymous = await visitor.Http.GetAsync(url);
        Assert.False(FromCache(anonymous)); // the signed-in page was not stored for the next visitor
        Assert.DoesNotContain("staff@cqp.test", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_filter_of_the_calendar_is_cached_apart()
    {
        var place = $"Salle filtre {Guid.NewGuid():N}"[..22];
        await SessionAsync(place);
        Assert.Contains(place, await AnonymousTextAsync("/calendrier?region=Ouest"));
        Assert.DoesNotContain(place, await AnonymousTextAsync("/calendrier?region=Nord"));
        Assert.Contains(place, await AnonymousTextAsync("/calendrier?region=Ouest"));
    }

    [Fact]
    public async Task A_session_staff_create_or_cancel_shows_at_once_in_the_cached_calendar_and_home_page()
    {
        await AnonymousTextAsync("/calendrier");
        await AnonymousTextAsync("/");
        var place = $"Salle cache {Guid.NewGuid():N}"[..22];
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var year = DateTime.UtcNow.Year + 1;
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync("/Staff/Sessions/Edition", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Evaluation", ["Input.Date"] = $"{year}-01-14", ["Input.Start"] = "09:30", ["Input.DurationMinutes"] = "220",
            ["Input.PlaceName"] = place, ["Input.Address"] = "5 rue de la Paix", ["Input.PostalCode"] = "59000", ["Input.City"] = "Lille",
            ["Input.Region"] = "Nord", ["Input.Capacity"] = "10", ["Input.RegistrationDeadline"] = $"{year}-01-05",
        }), "/Staff/Sessions"));
        int id;
        await using (var scope = portal.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.PlaceName == place).Select(s => s.Id).SingleAsync();

        Assert.Contains(place, await AnonymousTextAsync("/calendrier"));
        Assert.Contains("Ouverte", await AnonymousTextAsync($"/calendrier/{id}"));

        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Staff/Sessions/Edition/{id}", new Dictionary<string, string> { ["CancellationReason"] = "Test du cache." }), "/Staff/Sessions"));
        Assert.Contains("Session annulée : Test du cache.", await AnonymousTextAsync($"/calendrier/{id}"));
    }

    [Fact]
    public async Task A_candidate_taking_a_seat_changes_the_seats_left_of_the_cached_session_page()
    {
        var id = await SessionAsync($"Salle places {Guid.NewGuid():N}"[..22], capacity: 3);
        Assert.Contains("3 restante(s) sur 3", await AnonymousTextAsync($"/calendrier/{id}"));
        Assert.Contains("3 restante(s) sur 3", await AnonymousTextAsync($"/calendrier/{id}"));

        using var candidate = await TestAccounts.SignedInAsync(portal, Roles.Candidate, "Zoé Cache");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == candidate.Email);
            db.Candidates.Add(new Candidate
            {
                UserId = user.Id, FirstName = "Zoé", LastName = "Cache", Email = candidate.Email!, BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Ouest,
                Registrations = [new Registration
                {
                    CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training, State = RegistrationState.Admissible,
                    EmploymentStatus = EmploymentStatus.Other, Region = Region.Ouest, RegisteredOn = new DateOnly(2026, 9, 1), AdmissibilityDecidedOn = new DateOnly(2026, 9, 10),
                    PrivacyConsentAt = DateTimeOffset.UtcNow,
                }],
            });
            await db.SaveChangesAsync();
        }
        var (_, mine) = await candidate.GetAsync("/Candidat/Sessions");
        var form = mine.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "sessionId" && e.GetAttribute("value") == id.ToString()));
        Assert.True(PortalClient.IsRedirectTo(await candidate.PostFormAsync(form, "/Candidat/Sessions?handler=SignUp", new Dictionary<string, string>()), "/Candidat/Sessions"));

        Assert.Contains("2 restante(s) sur 3", await AnonymousTextAsync($"/calendrier/{id}"));
    }

    [Fact]
    public async Task A_document_staff_upload_shows_at_once_in_the_cached_downloads_page()
    {
        await AnonymousTextAsync("/documents");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync("/Staff/Documents");
        var form = new MultipartFormDataContent();
        foreach (var hidden in page.QuerySelector("form[enctype='multipart/form-data']")!.QuerySelectorAll("input[type=hidden]"))
            form.Add(new StringContent(hidden.GetAttribute("value")!), hidden.GetAttribute("name")!);
        var title = $"Document cache {Guid.NewGuid():N}"[..24];
        form.Add(new StringContent(title), "Input.Title");
        form.Add(new StringContent("Everyone"), "Input.Audience");
        var file = new ByteArrayContent(new Documents.PdfDocumentWriter("Essai", "Essai").Paragraph("Essai").ToBytes());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Input.File", "essai.pdf");
        Assert.True(PortalClient.IsRedirectTo(await staff.Http.PostAsync("/Staff/Documents", form), "/Staff/Documents"));
        Assert.DoesNotContain(title, await AnonymousTextAsync("/documents")); // a proposal until SIST approves it
        await AvisConformeSteps.ApproveDocumentAsync(portal, await AvisConformeSteps.DocumentIdAsync(portal, title));
        Assert.Contains(title, await AnonymousTextAsync("/documents"));
    }

    [Fact]
    public async Task A_content_page_staff_save_shows_at_once_in_place_of_the_cached_one()
    {
        const string slug = "faq";
        var before = await AnonymousTextAsync($"/{slug}");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, edit) = await staff.GetAsync($"/Staff/Contenus/Edition/{slug}");
        var original = edit.QuerySelector("#Markdown")!.TextContent;
        var marker = $"Réponse ajoutée {Guid.NewGuid():N}";
        var form = edit.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Markdown"));
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(form, $"/Staff/Contenus/Edition/{slug}?handler=Save", new Dictionary<string, string> { ["Markdown"] = original + "\n\n" + marker + "\n" }), "/Staff/Contenus"));
        await AvisConformeSteps.ApproveNewestContentAsync(portal, slug);
        Assert.Contains(marker, await AnonymousTextAsync($"/{slug}"));

        var (_, history) = await staff.GetAsync($"/Staff/Contenus/Historique/{slug}");
        var restore = history.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("version=0"));
        await staff.PostFormAsync(restore, $"/Staff/Contenus/Historique/{slug}", new Dictionary<string, string>());
        await AvisConformeSteps.ApproveNewestContentAsync(portal, slug);
        Assert.Equal(before, await AnonymousTextAsync($"/{slug}"));
    }
}
