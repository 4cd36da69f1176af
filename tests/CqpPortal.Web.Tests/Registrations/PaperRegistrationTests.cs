using System.Net;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>Paper registration forms entered by staff through the online steps, with the same rules, dated by the paper.</summary>
[Collection(PortalCollection.Name)]
public class PaperRegistrationTests(DemoPortal portal)
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["Input.FirstName"] = "Odette", ["Input.LastName"] = "Papier", ["Input.Phone"] = "",
        ["Input.BirthDate"] = "1975-09-30", ["Input.Sex"] = "Female", ["Input.Region"] = "GrandEst",
    };

    private static readonly Dictionary<string, string> Course = new()
    {
        ["Input.Route"] = "Free", ["Input.Funding"] = "Personal", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EducationLevel"] = "3", ["Input.DiplomaGroup"] = "CapBep",
    };

    private static readonly Dictionary<string, string> Experience = new()
    {
        ["Input.TeleSecretaryMonths"] = "20", ["Input.PhoneJobMonths"] = "0", ["Input.PhoneTimeShare"] = "0", ["Input.PhoneJobKind"] = "", ["Input.Sectors"] = "",
    };

    private static Dictionary<string, string> Start(string lastName, string email, string date) => new()
    {
        ["Input.FirstName"] = "Odette", ["Input.LastName"] = lastName, ["Input.Email"] = email, ["Input.PaperFormDate"] = date,
    };

    private static int PaperId(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split("papier=")[1]);

    [Fact]
    public async Task Staff_enter_a_paper_form_in_the_same_steps_it_is_registered_on_the_papers_date_and_the_candidate_gets_an_activation_link()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var email = $"odette-{Guid.NewGuid():N}"[..14] + "@exemple.fr";
        var today = DayInParis.Today(TimeProvider.System);

        var future = await staff.SubmitAsync("/Staff/Inscriptions/Papier", Start("Papier", email, today.AddDays(3).ToString("yyyy-MM-dd")));
        var refusedPage = await PortalClient.ParseAsync(future);
        Assert.Contains("ne peut pas être dans le futur", refusedPage.QuerySelector("#date-error")!.TextContent);
        Assert.Equal("Papier", refusedPage.QuerySelector("#Input_LastName")!.GetAttribute("value"));

        var paperDate = today.AddDays(-12);
        var started = await staff.SubmitAsync("/Staff/Inscriptions/Papier", Start("Papier", email, paperDate.ToString("yyyy-MM-dd")));
        Assert.True(PortalClient.IsRedirectTo(started, "/Candidat/Inscription/Identite?papier="), $"{started.StatusCode} {started.Headers.Location}");
        var id = PaperId(started);
        var steps = $"?papier={id}";

        // The same rules as online: a 6-year-old is refused with the same French message.
        var young = await staff.SubmitAsync($"/Candidat/Inscription/Identite{steps}", new Dictionary<string, string>(Identity) { ["Input.BirthDate"] = "2020-01-01" });
        Assert.Contains("le candidat doit avoir entre 16 et 80 ans", (await PortalClient.ParseAsync(young)).QuerySelector("#birth-error")!.TextContent);

        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Candidat/Inscription/Identite{steps}", Identity), $"/Candidat/Inscription/Parcours{steps}"));
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Candidat/Inscription/Parcours{steps}", Course), $"/Candidat/Inscription/Experience{steps}"));
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Candidat/Inscription/Experience{steps}", Experience), $"/Candidat/Inscription/Justificatifs{steps}"));
        Assert.Equal(HttpStatusCode.OK, (await ProofUpload.UploadAsync(staff, "Experience", "certificat-scanne.pdf", ProofUpload.Pdf, paper: id)).StatusCode);
        var sent = await staff.SubmitAsync($"/Candidat/Inscription/Envoi{steps}", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(sent, $"/Staff/Recevabilite/Dossier/{id}"), $"{sent.StatusCode} {sent.Headers.Location}");

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var registration = await db.Registrations.Include(r => r.Candidate).Include(r => r.History).SingleAsync(r => r.Id == id);
            var staffId = await db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync();
            Assert.Equal(RegistrationState.Submitted, registration.State);
            Assert.Equal(paperDate, registration.RegisteredOn);
            Assert.Equal(paperDate, registration.PaperFormDate);
            Assert.Equal(staffId, registration.EnteredByStaffUserId);
            Assert.Equal(staffId, registration.History.Single().ByUserId);
            Assert.Equal(20, registration.TeleSecretaryMonths);
            var proof = await db.RegistrationProofs.SingleAsync(p => p.RegistrationId == id);
            Assert.Equal(staffId, proof.UploadedByUserId);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByEmailAsync(email);
            Assert.NotNull(account);
            Assert.Equal(account.Id, registration.Candidate!.UserId);
            Assert.True(await users.IsInRoleAsync(account, Roles.Candidate));
        }
        var mail = portal.Mail.LatestTo(email);
        Assert.Contains("bulletin d'inscription papier du", mail);
        Assert.Contains("/Compte/Activer", mail);

        var (_, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{id}");
        Assert.Contains($"d'après le bulletin papier du {Web.Formatting.FrenchFormat.Date(paperDate)}", file.Body!.TextContent);
        Assert.Contains("Saisi par", file.Body.TextContent);
        Assert.Contains("numérisé par l'organisme", file.Body.TextContent);
    }

    [Fact]
    public async Task Without_an_address_no_account_is_opened_and_the_file_stays_on_paper()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var started = await staff.SubmitAsync("/Staff/Inscriptions/Papier", Start("SansAdresse", "", DayInParis.Today(TimeProvider.System).ToString("yyyy-MM-dd")));
        var id = PaperId(started);
        var steps = $"?papier={id}";
        await staff.SubmitAsync($"/Candidat/Inscription/Identite{steps}", new Dictionary<string, string>(Identity) { ["Input.LastName"] = "SansAdresse" });
        await staff.SubmitAsync($"/Candidat/Inscription/Parcours{steps}", Course);
        await staff.SubmitAsync($"/Candidat/Inscription/Experience{steps}", Experience);
        await ProofUpload.UploadAsync(staff, "Experience", "scan.pdf", ProofUpload.Pdf, paper: id);
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Candidat/Inscription/Envoi{steps}", new Dictionary<string, string> { ["Consent"] = "true" }), $"/Staff/Recevabilite/Dossier/{id}"));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.Include(r => r.Candidate).SingleAsync(r => r.Id == id);
        Assert.Equal(RegistrationState.Submitted, registration.State);
        Assert.Null(registration.Candidate!.UserId);
        Assert.Equal("", registration.Candidate.Email);

        // The decision is recorded and its letter kept; no e-mail goes anywhere.
        var decided = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", new Dictionary<string, string> { ["Input.Decision"] = "Admissible", ["Input.Motive"] = "", ["Input.RequestedDocuments"] = "" });
        Assert.True(PortalClient.IsRedirectTo(decided, "/Staff/Recevabilite"), $"{decided.StatusCode}");
    }

    [Fact]
    public async Task Staff_open_only_paper_forms_in_the_steps_and_a_candidate_cannot_reach_one()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Candidat/Inscription/Identite")).StatusCode);
        int online;
        await using (var scope = portal.Services.CreateAsyncScope())
            online = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Registrations.Where(r => r.EnteredByStaffUserId == null).Select(r => r.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Candidat/Inscription/Parcours?papier={online}")).StatusCode);

        var started = await staff.SubmitAsync("/Staff/Inscriptions/Papier", Start("Secrete", "", DayInParis.Today(TimeProvider.System).ToString("yyyy-MM-dd")));
        var id = PaperId(started);
        using var candidate = await TestAccounts.SignedInAsync(portal, Roles.Candidate, "Autre Candidate");
        var (_, page) = await candidate.GetAsync($"/Candidat/Inscription/Identite?papier={id}");
        Assert.NotEqual("Secrete", page.QuerySelector("#Input_LastName")?.GetAttribute("value"));
        // The paper id is ignored for a candidate: their own (empty) file starts at step 1, the paper form is untouched.
        var other = await candidate.Http.GetAsync($"/Candidat/Inscription/Experience?papier={id}");
        Assert.Equal("/Candidat/Inscription/Identite", other.Headers.Location?.OriginalString);
        await candidate.SubmitAsync($"/Candidat/Inscription/Identite?papier={id}", new Dictionary<string, string>(Identity) { ["Input.LastName"] = "Intruse" });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            Assert.Equal("Secrete", await db.Registrations.Where(r => r.Id == id).Select(r => r.Candidate!.LastName).SingleAsync());
            Assert.Equal("Intruse", await db.Candidates.Where(c => c.Email == candidate.Email).Select(c => c.LastName).SingleAsync());
        }
    }
}
