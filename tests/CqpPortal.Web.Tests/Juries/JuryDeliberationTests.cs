using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>
/// The jury area: the president records the deliberation, every member signs the minutes, the last signature locks them
/// and tells the candidates; after that only a motivated correction changes a decision. Members see their juries only.
/// </summary>
[Collection(PortalCollection.Name)]
public class JuryDeliberationTests(DemoPortal portal)
{
    private static string Page(int id) => $"/Jury/Session/{id}";

    private sealed record Jury(int Id, string President, string Member, JuryCandidateFile Candidate, List<int> Units);

    /// <summary>A jury held yesterday with a president and a member, one candidate convened.</summary>
    private async Task<Jury> ArrangeAsync(CertificationRoute route = CertificationRoute.Training)
    {
        var president = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Paule Présidente");
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Marc Assesseur");
        var candidate = await JuryCandidates.CreateAsync(portal, route, evaluatedDaysAgo: 20, experienceBookletAccepted: route == CertificationRoute.Vae);
        var juryId = await JurySessions.CreateAsync(portal, -1, [candidate.RegistrationId], [president, member]);
        await JuryCandidates.PresideAsync(portal, juryId, president);
        return new Jury(juryId, president, member, candidate, await JuryCandidates.UnitIdsAsync(portal));
    }

    private async Task<PortalClient> AsAsync(string email, string password = TestAccounts.Password)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, password);
        return client;
    }

    /// <summary>Posts to a handler of the jury page with an anti-forgery token of the page (its layout always has one).</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, int juryId, string handler, int registrationId = 0, string? result = null,
        IEnumerable<int>? units = null, string? observations = null, string? reason = null, int? tokenFrom = null)
    {
        var (_, page) = await client.GetAsync("/Jury");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Input.RegistrationId", registrationId.ToString()) };
        if (result is not null) fields.Add(new("Input.Result", result));
        if (observations is not null) fields.Add(new("Input.Observations", observations));
        if (reason is not null) fields.Add(new("Input.Reason", reason));
        fields.AddRange((units ?? []).Select(u => KeyValuePair.Create("Input.Units", u.ToString())));
        return await client.Http.PostAsync($"{Page(juryId)}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private async Task<JuryDecision?> DecisionAsync(Jury jury)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().JuryDecisions.Include(j => j.UnitResults).Include(j => j.Corrections).AsNoTracking()
            .SingleOrDefaultAsync(j => j.SessionId == jury.Id && j.RegistrationId == jury.Candidate.RegistrationId);
    }

    private async Task<T> DbAsync<T>(Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private int MailsTo(string email) => portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Each_refused_deliberation_says_why_in_french_keeps_what_was_typed_and_saves_nothing()
    {
        var jury = await ArrangeAsync();
        var elsewhere = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 20);
        await JurySessions.CreateAsync(portal, -1, [elsewhere.RegistrationId], []);
        var c = jury.Candidate.RegistrationId;
        using var president = await AsAsync(jury.President);

        var cases = new (int Registration, string? Result, int[] Units, string Observations, string Message)[]
        {
            (c, null, [jury.Units[0]], "Bien.", "Choisissez le résultat"),
            (c, "PartialValidation", [], "À reprendre.", "au moins une unité"),
            (c, "TotalValidation", jury.Units.Take(3).ToArray(), "", "toutes les unités"),
            (c, "NotValidated", [jury.Units[1]], "Insuffisant.", "ne valide aucune unité"),
            (c, "Absent", [jury.Units[1]], "Absent.", "absent ne valide aucune unité"),
            (c, "PartialValidation", [jury.Units[0], jury.Units[2]], "  ", "Motivez"),
            (elsewhere.RegistrationId, "TotalValidation", jury.Units.ToArray(), "", "pas convoqué"),
        };
        foreach (var (registration, result, units, observations, message) in cases)
        {
            var refused = await PostAsync(president, jury.Id, "Decide", registration, result, units, observations);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = await PortalClient.ParseAsync(refused);
            var error = registration == c ? page.QuerySelector($"#error-{c}") : page.QuerySelector(".notice.error[role='alert']");
            Assert.Contains(message, error!.TextContent);
            if (registration == c)
            {
                foreach (var unit in units) Assert.True(((IHtmlInputElement)page.QuerySelector($"#u-{c}-{unit}")!).IsChecked);
                Assert.Equal(observations.Trim(), page.QuerySelector($"#obs-{c}")!.TextContent.Trim());
            }
        }
        Assert.Null(await DecisionAsync(jury));
        Assert.False(await DbAsync(db => db.JuryDecisions.AnyAsync(j => j.RegistrationId == elsewhere.RegistrationId)));
    }

    [Fact]
    public async Task Only_the_president_records_the_deliberation_and_the_other_members_read_it()
    {
        var jury = await ArrangeAsync();
        var c = jury.Candidate.RegistrationId;
        using var member = await AsAsync(jury.Member);
        var (_, memberPage) = await member.GetAsync(Page(jury.Id));
        Assert.Empty(memberPage.QuerySelectorAll("form[action*='handler=Decide']"));
        Assert.Contains("/Jury/Evaluation/" + c, memberPage.QuerySelector($"section[aria-labelledby='cand-{c}'] a")!.GetAttribute("href"));
        var refused = await PostAsync(member, jury.Id, "Decide", c, "TotalValidation", jury.Units);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Seul le président", (await PortalClient.ParseAsync(refused)).QuerySelector($"#error-{c}")!.TextContent);
        Assert.Null(await DecisionAsync(jury));

        using var president = await AsAsync(jury.President);
        var recorded = await PostAsync(president, jury.Id, "Decide", c, "PartialValidation", [jury.Units[0], jury.Units[2]], "Accueil en anglais à retravailler.");
        Assert.True(PortalClient.IsRedirectTo(recorded, Page(jury.Id)), $"{recorded.StatusCode}");
        var decision = (await DecisionAsync(jury))!;
        Assert.Equal(JuryResult.PartialValidation, decision.Result);
        Assert.Equal([jury.Units[0], jury.Units[2]], decision.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).Order());
        Assert.Equal(await DbAsync(db => JurySessions.UserIdAsync(db, jury.President)), decision.RecordedByUserId);
        Assert.NotNull(decision.RecordedAt);
        Assert.Equal(0, MailsTo(jury.Candidate.Email)); // not final before every member has signed

        var (_, read) = await member.GetAsync(Page(jury.Id));
        var card = read.QuerySelector($"section[aria-labelledby='cand-{c}']")!.TextContent;
        Assert.Contains("Validation partielle", card);
        Assert.Contains("Accueil en anglais à retravailler.", card);
        Assert.Contains("Paule Présidente", card);
        var (_, home) = await member.GetAsync("/Jury");
        Assert.Contains("à signer", home.QuerySelector($"section[aria-labelledby='jury-{jury.Id}']")!.TextContent);
    }

    [Fact]
    public async Task Every_member_signs_the_last_signature_locks_the_minutes_and_tells_the_candidate_then_only_a_motivated_correction_changes_the_decision()
    {
        var jury = await ArrangeAsync();
        var c = jury.Candidate.RegistrationId;
        using var president = await AsAsync(jury.President);
        using var member = await AsAsync(jury.Member);

        // No signature while a convened candidate has no decision.
        var (_, before) = await member.GetAsync(Page(jury.Id));
        Assert.Empty(before.QuerySelectorAll("form[action*='handler=Sign']"));
        Assert.Contains("à délibérer", (await member.GetAsync("/Jury")).Document.QuerySelector($"section[aria-labelledby='jury-{jury.Id}']")!.TextContent);
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(member, jury.Id, "Sign"), Page(jury.Id)));
        Assert.Contains("chaque candidat convoqué", (await member.GetAsync(Page(jury.Id))).Document.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal(0, await DbAsync(db => db.JuryMinutesSignatures.CountAsync(s => s.SessionId == jury.Id)));

        Assert.True(PortalClient.IsRedirectTo(await PostAsync(president, jury.Id, "Decide", c, "TotalValidation", jury.Units), Page(jury.Id)));
        var (_, toSign) = await member.GetAsync(Page(jury.Id));
        var signed = await member.PostFormAsync((IHtmlFormElement)toSign.QuerySelector("form[action*='handler=Sign']")!, Page(jury.Id), new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(signed, Page(jury.Id)));
        var (_, afterOne) = await member.GetAsync(Page(jury.Id));
        Assert.Contains("Vous avez signé", afterOne.QuerySelector("[role='status']")!.TextContent);
        Assert.Contains("en attente de signature", afterOne.QuerySelector("table[aria-describedby='minutes']")!.TextContent);
        Assert.Null(await DbAsync(db => db.Sessions.Where(s => s.Id == jury.Id).Select(s => s.MinutesLockedAt).SingleAsync()));
        Assert.Equal(0, MailsTo(jury.Candidate.Email));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(member, jury.Id, "Sign"), Page(jury.Id)));
        Assert.Contains("déjà signé", (await member.GetAsync(Page(jury.Id))).Document.QuerySelector(".notice.error")!.TextContent);

        Assert.True(PortalClient.IsRedirectTo(await PostAsync(president, jury.Id, "Sign"), Page(jury.Id)));
        Assert.NotNull(await DbAsync(db => db.Sessions.Where(s => s.Id == jury.Id).Select(s => s.MinutesLockedAt).SingleAsync()));
        var mail = portal.Mail.LatestTo(jury.Candidate.Email);
        Assert.Contains("Validation totale", mail);
        Assert.Contains("signé", (await member.GetAsync("/Jury")).Document.QuerySelector($"section[aria-labelledby='jury-{jury.Id}']")!.TextContent);

        // Locked: a new deliberation is refused, and a correction needs a reason; nothing changes.
        var edit = await PostAsync(president, jury.Id, "Decide", c, "PartialValidation", [jury.Units[0]], "Erreur.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Contains("verrouillé", (await PortalClient.ParseAsync(edit)).QuerySelector($"#error-{c}")!.TextContent);
        var unmotivated = await PostAsync(president, jury.Id, "Correct", c, "PartialValidation", [jury.Units[0]], "Unité 2 non acquise.", " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unmotivated.StatusCode);
        Assert.Contains("motif de la correction", (await PortalClient.ParseAsync(unmotivated)).QuerySelector($"#error-{c}")!.TextContent);
        Assert.Contains("Unité 2 non acquise.", (await PortalClient.ParseAsync(unmotivated)).QuerySelector($"#obs-{c}")!.TextContent);
        var unchanged = (await DecisionAsync(jury))!;
        Assert.Equal(JuryResult.TotalValidation, unchanged.Result);
        Assert.Empty(unchanged.Corrections);
        var byMember = await PostAsync(member, jury.Id, "Correct", c, "PartialValidation", [jury.Units[0]], "Unité 2 non acquise.", "Erreur de saisie.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byMember.StatusCode);

        var corrected = await PostAsync(president, jury.Id, "Correct", c, "PartialValidation", [jury.Units[0]], "Unité 2 non acquise.", "Erreur de saisie sur l'unité 2.");
        Assert.True(PortalClient.IsRedirectTo(corrected, Page(jury.Id)), $"{corrected.StatusCode}");
        var decision = (await DecisionAsync(jury))!;
        Assert.Equal(JuryResult.PartialValidation, decision.Result);
        var correction = Assert.Single(decision.Corrections);
        Assert.Equal(JuryResult.TotalValidation, correction.PreviousResult);
        Assert.Equal([1, 2, 3, 4], correction.PreviousUnitNumbers.Order());
        Assert.Equal("Erreur de saisie sur l'unité 2.", correction.Reason);
        Assert.Equal(await DbAsync(db => JurySessions.UserIdAsync(db, jury.President)), correction.ByUserId);
        Assert.Contains("Validation partielle", portal.Mail.LatestTo(jury.Candidate.Email));

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        // The PDF's lines wrap: compare with single spaces.
        var minutes = Regex.Replace(PdfText.Of(await (await staff.Http.GetAsync($"/Staff/Jurys/Session/{jury.Id}?handler=Minutes")).Content.ReadAsByteArrayAsync()), @"\s+", " ");
        Assert.Contains("Paule Présidente (président) : signé le", minutes);
        Assert.Contains("Marc Assesseur : signé le", minutes);
        Assert.Contains("Erreur de saisie sur l'unité 2.", minutes);
        Assert.Contains("auparavant : Validation totale", minutes);
        Assert.Contains("Unité 2 non acquise.", minutes);
    }

    [Fact]
    public async Task An_absent_candidate_is_told_at_lock_and_may_be_convened_to_another_jury()
    {
        var jury = await ArrangeAsync();
        var c = jury.Candidate.RegistrationId;
        using var president = await AsAsync(jury.President);
        using var member = await AsAsync(jury.Member);
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(president, jury.Id, "Decide", c, "Absent", [], "Ne s'est pas présenté(e)."), Page(jury.Id)));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(president, jury.Id, "Sign"), Page(jury.Id)));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(member, jury.Id, "Sign"), Page(jury.Id)));
        Assert.Contains("pas présent(e) au jury", portal.Mail.LatestTo(jury.Candidate.Email));
        Assert.Empty((await DecisionAsync(jury))!.UnitResults);

        var next = await JurySessions.CreateAsync(portal, 30, [], []);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<JuryProceedings>().ConveneAsync(next, c));
    }

    [Fact]
    public async Task A_member_downloads_the_invitation_letter_announced_by_email()
    {
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Inès Invitée");
        var candidate = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 10);
        var juryId = await JurySessions.CreateAsync(portal, 25, [candidate.RegistrationId], []);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<JuryMembers>().AssignAsync(juryId, await JurySessions.UserIdAsync(db, member),
                await JurySessions.UserIdAsync(db, "staff@cqp.test"), "http://localhost/Jury"));
        }
        var link = MailFolder.FirstLink(portal.Mail.LatestTo(member), "/Jury/Invitation/");
        Assert.EndsWith($"/Jury/Invitation/{juryId}", link);

        using var client = await AsAsync(member);
        var (_, home) = await client.GetAsync("/Jury");
        var card = home.QuerySelector($"section[aria-labelledby='jury-{juryId}']")!;
        Assert.Contains("membre", card.TextContent);
        Assert.Contains("à venir", card.TextContent);
        var response = await client.Http.GetAsync($"/Jury/Invitation/{juryId}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        var certification = await DbAsync(db => db.Certifications.OrderBy(x => x.Id).Select(x => x.Kind + " " + x.Title).FirstAsync());
        Assert.Contains("Invitation au jury", text);
        Assert.Contains(certification, text);
        Assert.Contains("Salle des jurys, 7 rue du Jury, 44000 Nantes", text);
        Assert.Contains("Candidats convoqués", text);
        Assert.Contains("Inès Invitée", text);
    }

    [Fact]
    public async Task Members_open_only_their_juries_and_other_roles_none()
    {
        var jury = await ArrangeAsync();
        var other = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Autre Jury");
        await JurySessions.CreateAsync(portal, -1, [], [other]);
        var evaluator = await TestAccounts.CreateAsync(portal, Roles.Evaluator, "Éva Luatrice");
        var routes = new[] { Page(jury.Id), $"{Page(jury.Id)}?handler=Minutes", $"/Jury/Invitation/{jury.Id}" };

        foreach (var email in new[] { jury.President, jury.Member })
        {
            using var client = await AsAsync(email);
            foreach (var route in routes) Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(route)).StatusCode);
        }
        using (var outsider = await AsAsync(other))
        {
            foreach (var route in routes) Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(route)).StatusCode);
            foreach (var handler in new[] { "Decide", "Sign", "Correct" })
                Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, jury.Id, handler, jury.Candidate.RegistrationId, "TotalValidation", jury.Units, reason: "x")).StatusCode);
            Assert.Null((await outsider.GetAsync("/Jury")).Document.QuerySelector($"section[aria-labelledby='jury-{jury.Id}']"));
        }
        Assert.Null(await DecisionAsync(jury));
        Assert.Equal(0, await DbAsync(db => db.JuryMinutesSignatures.CountAsync(s => s.SessionId == jury.Id)));

        var refused = new List<(PortalClient Client, string Expected)>
        {
            (await AsAsync(evaluator), "/Compte/AccesRefuse"), (await AsAsync("staff@cqp.test", PortalClient.DemoPassword), "/Compte/AccesRefuse"),
            (await AsAsync("candidat@cqp.test", PortalClient.DemoPassword), "/Compte/AccesRefuse"), (await AsAsync("manager@cqp.test", PortalClient.DemoPassword), "/Compte/AccesRefuse"),
            (PortalClient.For(portal), "/Compte/Connexion"),
        };
        foreach (var (client, expected) in refused)
            using (client)
                foreach (var route in routes)
                    Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(route), expected), $"{route}: {expected}");
    }
}
