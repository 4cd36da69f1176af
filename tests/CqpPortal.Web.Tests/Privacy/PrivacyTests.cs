using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Privacy;
using CqpPortal.Web.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Privacy;

/// <summary>The portal on a database of its own, without demo data: the people of each test are made by <see cref="PrivacyPeople"/>.</summary>
public sealed class PrivacyPortal() : PortalFactory(TestCluster.NewDatabase("privacy"), demoData: false,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000", ["Portal:SignInFailuresPerAddress"] = "1000" });

/// <summary>
/// Rights (issue 16): a candidate downloads all their data and only theirs, asks for erasure, staff are told and
/// execute it — refused while a file is in progress, keeping a holder's proof — and the statistics stay identical.
/// </summary>
public class PrivacyTests(PrivacyPortal portal) : IClassFixture<PrivacyPortal>
{
    private static readonly DateOnly Registered = new(2024, 3, 1);

    private async Task<PortalClient> SignInAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, TestAccounts.Password);
        client.Email = email;
        return client;
    }

    private async Task<T> WithDbAsync<T>(Func<CqpDbContext, Task<T>> read)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    [Fact]
    public async Task A_candidate_downloads_a_zip_of_all_their_data_and_documents_and_nobody_elses()
    {
        var me = await PrivacyPeople.AddAsync(portal, PersonKind.Holder, Registered, new(1990, 11, 20), "Moissac");
        var other = await PrivacyPeople.AddAsync(portal, PersonKind.NotAdmissible, Registered, new(1985, 2, 2), "Quimperlé");
        using var client = await SignInAsync(me.Email);

        var (_, home) = await client.GetAsync("/Candidat");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Candidat/MesDonnees" && a.TextContent.Contains("Télécharger mes données"));
        Assert.Contains(home.QuerySelectorAll(".account a"), a => a.GetAttribute("href") == "/Candidat/MesDonnees"); // the account menu
        var (page, document) = await client.GetAsync("/Candidat/MesDonnees");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = document.QuerySelectorAll("a").First(a => a.TextContent.Contains("Télécharger mes données")).GetAttribute("href")!;
        var response = await client.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var json = new StreamReader(zip.GetEntry(PersonalDataExport.JsonEntry)!.Open(), Encoding.UTF8).ReadToEnd();
        using var parsed = JsonDocument.Parse(json); // valid JSON
        Assert.Equal(me.Email, parsed.RootElement.GetProperty("person").GetProperty("email").GetString());
        foreach (var mine in new[] { "Moissac", "Mon poste chez Moissac et fils", "Société Moissac", "Le jury félicite Moissac", "Cabinet Moissac", "1990-11-20", "Télésecrétaire" })
            Assert.Contains(mine, json);
        Assert.Contains("documents/justificatifs/", string.Join(" ", names));
        Assert.Contains(names, n => n.StartsWith("documents/livrets/") && n.EndsWith("exemple-Moissac.pdf"));
        Assert.Contains(names, n => n.StartsWith("documents/courriers/") && n.EndsWith("convocation.pdf"));
        var proof = zip.Entries.First(e => e.FullName.EndsWith("attestation-Moissac.pdf"));
        using (var bytes = new MemoryStream()) { proof.Open().CopyTo(bytes); Assert.Equal(PrivacyPeople.ProofBytes, bytes.ToArray()); }
        Assert.DoesNotContain("Quimperlé", json + string.Join(" ", names));
        Assert.DoesNotContain(other.Email, json);
    }

    [Fact]
    public async Task An_account_without_a_file_downloads_its_account_alone_and_is_told_why_there_is_nothing_to_erase()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);

        var response = await client.Http.GetAsync("/Candidat/MesDonnees?handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var json = JsonDocument.Parse(zip.GetEntry(PersonalDataExport.JsonEntry)!.Open());
        Assert.Equal(client.Email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("person").ValueKind);
        var (page, document) = await client.GetAsync("/Candidat/MesDonnees");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("aucun dossier", document.Body!.TextContent);
        Assert.DoesNotContain(document.Forms, f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Reason"));
    }

    [Fact]
    public async Task A_candidate_asks_for_erasure_staff_are_told_and_the_candidate_sees_it_pending()
    {
        var me = await PrivacyPeople.AddAsync(portal, PersonKind.Withdrawn, Registered, new(1992, 6, 1), "Landerneau");
        var staff = await TestAccounts.CreateAsync(portal, Roles.Staff, "Agent Staff");
        using var client = await SignInAsync(me.Email);

        var posted = await client.SubmitAsync("/Candidat/MesDonnees", new Dictionary<string, string> { ["Input.Reason"] = "Je ne souhaite plus être inscrite." });

        Assert.True(PortalClient.IsRedirectTo(posted, "/Candidat/MesDonnees"), $"{posted.StatusCode} {posted.Headers.Location}");
        var (_, page) = await client.GetAsync("/Candidat/MesDonnees");
        Assert.Contains("Votre demande d'effacement est enregistrée", page.Body!.TextContent);
        Assert.Contains("En attente de l'organisme", page.Body.TextContent);
        Assert.DoesNotContain(page.Forms, f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Reason")); // one pending request at a time
        var mail = portal.Mail.LatestTo(staff);
        Assert.Contains("Demande d'effacement des données de Camille Landerneau", mail);
        Assert.Contains("/Staff/Effacements", mail);
        Assert.Equal(ErasureState.Pending, await WithDbAsync(db => db.ErasureRequests.Where(e => e.CandidateId == me.CandidateId).Select(e => e.State).SingleAsync()));
    }

    [Fact]
    public async Task Staff_cannot_erase_a_file_in_progress_and_are_told_why_in_french()
    {
        var me = await PrivacyPeople.AddAsync(portal, PersonKind.InProgress, Registered, new(1993, 4, 4), "Paimpol");
        using (var candidate = await SignInAsync(me.Email))
            await candidate.SubmitAsync("/Candidat/MesDonnees", new Dictionary<string, string> { ["Input.Reason"] = "" });
        var id = await WithDbAsync(db => db.ErasureRequests.Where(e => e.CandidateId == me.CandidateId).Select(e => e.Id).SingleAsync());
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (_, list) = await staff.GetAsync("/Staff/Effacements");
        Assert.Contains("Impossible pour l'instant", list.Body!.TextContent);
        var response = await staff.SubmitAsync("/Staff/Effacements", new Dictionary<string, string> { ["Input.Reason"] = " " }, $"form[action*='handler=Refuse'][action*='id={id}']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the refusal needs its reason: shown back
        var shown = (await PortalClient.ParseAsync(response)).Body!.TextContent;
        Assert.True(shown.Contains("Dites au candidat pourquoi"), shown);

        await using var scope = portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ErasureRequests>().ExecuteAsync(id, "staff");
        Assert.Contains("abandonner le parcours", result.Error);
        Assert.Null(await WithDbAsync(db => db.Candidates.Where(c => c.Id == me.CandidateId).Select(c => c.AnonymisedAt).SingleAsync()));
        Assert.Equal(ErasureState.Pending, await WithDbAsync(db => db.ErasureRequests.Where(e => e.Id == id).Select(e => e.State).SingleAsync()));
    }

    [Fact]
    public async Task Staff_erase_a_holder_keeping_only_the_proof_of_certification_and_the_pseudonymous_record()
    {
        var me = await PrivacyPeople.AddAsync(portal, PersonKind.Holder, Registered, new(1990, 11, 20), "Concarneau");
        using (var candidate = await SignInAsync(me.Email))
            await candidate.SubmitAsync("/Candidat/MesDonnees", new Dictionary<string, string> { ["Input.Reason"] = "Merci" });
        var id = await WithDbAsync(db => db.ErasureRequests.Where(e => e.CandidateId == me.CandidateId).Select(e => e.Id).SingleAsync());
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var executed = await staff.SubmitAsync("/Staff/Effacements", new Dictionary<string, string>(), $"form[action*='handler=Execute'][action*='id={id}']");
        Assert.True(PortalClient.IsRedirectTo(executed, "/Staff/Effacements"), $"{executed.StatusCode} {executed.Headers.Location}");

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var person = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == me.CandidateId);
        Assert.NotNull(person.AnonymisedAt);
        (string, string, DateOnly) proof = ("Camille", "Concarneau", new DateOnly(1990, 11, 20));
        Assert.Equal(proof, (person.FirstName, person.LastName, person.BirthDate)); // the proof of certification
        Assert.Equal(Erasures.ErasedEmail(me.CandidateId), person.Email);
        Assert.Null(person.Phone);
        Assert.Null(person.UserId);
        Assert.False(await db.Users.AnyAsync(u => u.Email == me.Email));
        Assert.True(await db.Certificates.AnyAsync(c => c.RegistrationId == me.RegistrationId && c.HolderName == "Camille Concarneau"));
        Assert.False(await db.RegistrationProofs.AnyAsync(p => p.RegistrationId == me.RegistrationId));
        Assert.False(await db.Booklets.AnyAsync(b => b.RegistrationId == me.RegistrationId));
        Assert.False(await db.CandidateDocuments.AnyAsync(d => d.CandidateId == me.CandidateId));
        var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == me.RegistrationId);
        Assert.Equal((null, null, null, 33), (registration.EmployerName, registration.EmployerSiret, registration.OtherSector, registration.AgeAtRegistration));
        Assert.Null(await db.JuryDecisions.Where(j => j.RegistrationId == me.RegistrationId).Select(j => j.Comment).SingleAsync());
        var survey = await db.HolderSurveys.AsNoTracking().SingleAsync(s => s.RegistrationId == me.RegistrationId);
        Assert.Equal((null, "Télésecrétaire", HolderSituation.Employed), (survey.Company, survey.JobTitle, survey.Situation));
        var request = await db.ErasureRequests.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal(ErasureState.Done, request.State);
        Assert.Null(request.Reason);
        Assert.Contains("preuve de la certification", request.Outcome);

        using var again = PortalClient.For(portal);
        var login = await again.LoginAsync(me.Email, TestAccounts.Password);
        Assert.False(PortalClient.IsRedirectTo(login, "/Candidat"), "the erased account must not sign in");
    }

    [Fact]
    public async Task Erasing_a_non_holder_removes_the_name_and_keeps_only_the_year_of_birth()
    {
        var me = await PrivacyPeople.AddAsync(portal, PersonKind.NotAdmissible, Registered, new(1988, 9, 30), "Douarnenez");
        await using var scope = portal.Services.CreateAsyncScope();
        var plan = await scope.ServiceProvider.GetRequiredService<Erasures>().EraseAsync(me.CandidateId, _ => { });

        Assert.True(plan!.Allowed);
        var person = await WithDbAsync(db => db.Candidates.AsNoTracking().SingleAsync(c => c.Id == me.CandidateId));
        Assert.Equal((Erasures.ErasedFirstName, Erasures.ErasedLastName(me.CandidateId), new DateOnly(1988, 1, 1)), (person.FirstName, person.LastName, person.BirthDate));
        var registration = await WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == me.RegistrationId));
        Assert.Equal(Erasures.ErasedMotive, registration.DecisionMotive);
        Assert.Equal(35, registration.AgeAtRegistration);
    }

    [Fact]
    public async Task Statistics_are_identical_after_erasing_a_holder_a_non_admissible_and_an_abandoned_candidate()
    {
        // Their own year, so that the other tests' people do not move the figures; birth dates late in the year, so
        // that keeping only the year of birth would change the ages if the age at registration were not written.
        var on = new DateOnly(2019, 4, 15);
        var holder = await PrivacyPeople.AddAsync(portal, PersonKind.Holder, on, new(1994, 12, 1), "Brest", Sex.Female, Region.Bretagne);
        var refused = await PrivacyPeople.AddAsync(portal, PersonKind.NotAdmissible, on, new(1970, 10, 10), "Morlaix", Sex.Male, Region.Normandie);
        var withdrawn = await PrivacyPeople.AddAsync(portal, PersonKind.Withdrawn, on, new(1999, 5, 16), "Vannes", Sex.Female, Region.Nord);
        await PrivacyPeople.AddAsync(portal, PersonKind.Holder, on, new(1980, 1, 2), "Lorient");
        await PrivacyPeople.AddAsync(portal, PersonKind.InProgress, on, new(2001, 8, 8), "Quimper", Sex.Male);

        async Task<string> FiguresAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var loader = scope.ServiceProvider.GetRequiredService<StatisticsLoader>();
            var (year, rows) = await loader.ForYearWithRegistrationsAsync(2019);
            var detail = JsonSerializer.Serialize(rows.ToList());
            var holderYear = StatisticsJson.SerializeToString(await loader.ForYearAsync(2020)); // the holders' jury and survey year
            var all = string.Join("\n", (await loader.AllYearsAsync()).Select(y => StatisticsJson.SerializeToString(y)));
            return StatisticsJson.SerializeToString(year) + "\n" + detail + "\n" + holderYear + "\n" + all;
        }
        var before = await FiguresAsync();

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var erasures = scope.ServiceProvider.GetRequiredService<Erasures>();
            foreach (var person in new[] { holder, refused, withdrawn })
                Assert.True((await erasures.EraseAsync(person.CandidateId, _ => { }))!.Allowed);
        }

        Assert.Equal(3, await WithDbAsync(db => db.Candidates.CountAsync(c => c.AnonymisedAt != null && new[] { holder.CandidateId, refused.CandidateId, withdrawn.CandidateId }.Contains(c.Id))));
        Assert.Equal(before, await FiguresAsync());
    }
}
