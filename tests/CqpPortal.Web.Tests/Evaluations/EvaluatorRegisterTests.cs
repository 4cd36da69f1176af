using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Evaluations.EvaluatorBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>Staff propose evaluators and declare their links; SIST keep the register: entries, habilitations with their history, accounts.</summary>
[Collection(PortalCollection.Name)]
public class EvaluatorRegisterTests(DemoPortal portal)
{
    private async Task<PortalClient> LoginAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email);
        return client;
    }

    private static Dictionary<string, string> Details(string name, string email) =>
        new() { ["Input.FullName"] = name, ["Input.Email"] = email, ["Input.Phone"] = "", ["Input.Organisation"] = "Groupement Évalua" };

    [Fact]
    public async Task A_name_staff_propose_shows_as_proposed_until_SIST_grant_a_habilitation_kept_in_the_history()
    {
        var name = "Proposé " + Guid.NewGuid().ToString("N")[..6];
        var email = $"{Guid.NewGuid():N}"[..12] + "@exemple.fr";
        using var staff = await LoginAsync("staff@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync("/Staff/Evaluateurs", Details(name, email)), "/Staff/Evaluateurs"));
        var id = await QueryAsync(portal, db => db.Evaluators.Where(e => e.FullName == name).Select(e => e.Id).SingleAsync());

        using var sist = await LoginAsync("sist@cqp.test");
        var (_, register) = await sist.GetAsync("/Analyse/Evaluateurs");
        Assert.Contains("proposé par l'organisme", register.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(name)).TextContent);

        var file = $"/Analyse/Evaluateurs/Fiche/{id}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var certification = (await QueryAsync(portal, db => db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync())).ToString();
        // A period ending before it starts: refused, nothing saved, the dates typed kept.
        var bad = await sist.SubmitAsync(file, new Dictionary<string, string> { ["certificationId"] = certification, ["validFrom"] = today.ToString("yyyy-MM-dd"), ["validTo"] = today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(422, (int)bad.StatusCode);
        var badPage = await PortalClient.ParseAsync(bad);
        Assert.Contains("postérieure ou égale", badPage.QuerySelector("[role=alert]")?.TextContent ?? badPage.Body!.TextContent[..3000]);
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), ((IHtmlInputElement)badPage.QuerySelector("#validTo")!).Value);
        Assert.False(await QueryAsync(portal, db => db.EvaluatorHabilitations.AnyAsync(h => h.EvaluatorId == id)));

        Assert.True(PortalClient.IsRedirectTo(await sist.SubmitAsync(file, new Dictionary<string, string>
            { ["certificationId"] = certification, ["validFrom"] = today.ToString("yyyy-MM-dd"), ["validTo"] = today.AddYears(3).ToString("yyyy-MM-dd") }), file));
        // Suspending needs a reason; with one, it is suspended and the history says so.
        var (_, granted) = await sist.GetAsync(file);
        var suspend = (IHtmlFormElement)granted.QuerySelector("form:has(input[name='act'][value='suspend'])")!;
        var noReason = await sist.PostFormAsync(suspend, file, new Dictionary<string, string> { ["reason"] = " " });
        Assert.Contains("Indiquez le motif de la suspension.", (await PortalClient.ParseAsync(noReason)).Body!.TextContent);
        Assert.Equal(HabilitationState.Active, await QueryAsync(portal, db => db.EvaluatorHabilitations.Where(h => h.EvaluatorId == id).Select(h => h.State).SingleAsync()));
        Assert.True(PortalClient.IsRedirectTo(await sist.PostFormAsync(suspend, file, new Dictionary<string, string> { ["reason"] = "Plainte à instruire" }), file));

        var (_, after) = await sist.GetAsync(file);
        var history = after.QuerySelector("table[aria-describedby='history']")!.TextContent;
        Assert.Contains("Habilitation accordée", history);
        Assert.Contains("Habilitation suspendue", history);
        Assert.Contains("Plainte à instruire", history);
        var (_, registerAfter) = await sist.GetAsync("/Analyse/Evaluateurs");
        var row = registerAfter.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(name)).TextContent;
        Assert.DoesNotContain("proposé par l'organisme", row);
        Assert.Contains("Suspendu", row);
    }

    [Fact]
    public async Task SIST_open_the_evaluators_account_whose_activation_link_is_emailed()
    {
        var name = "Compte " + Guid.NewGuid().ToString("N")[..6];
        var email = $"{Guid.NewGuid():N}"[..12] + "@exemple.fr";
        using var sist = await LoginAsync("sist@cqp.test");
        var created = await sist.SubmitAsync("/Analyse/Evaluateurs", Details(name, email));
        Assert.True(PortalClient.IsRedirectTo(created, "/Analyse/Evaluateurs/Fiche/"), $"{created.StatusCode}");
        var file = created.Headers.Location!.OriginalString;
        var (_, page) = await sist.GetAsync(file);
        var open = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Account']")!;
        Assert.True(PortalClient.IsRedirectTo(await sist.PostFormAsync(open, file, new Dictionary<string, string>()), "/Analyse/Evaluateurs/Fiche/"));

        var userId = await QueryAsync(portal, db => db.Evaluators.Where(e => e.Email == email).Select(e => e.UserId).SingleAsync());
        Assert.NotNull(userId);
        Assert.True(await QueryAsync(portal, db => db.UserRoles.AnyAsync(r => r.UserId == userId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Evaluator))));
        Assert.Contains("/Compte/Activer", MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/Activer"));
    }

    [Fact]
    public async Task A_duplicate_address_is_refused_and_what_was_typed_is_kept()
    {
        var existing = await EvaluatorAsync(portal);
        using var sist = await LoginAsync("sist@cqp.test");
        var response = await sist.SubmitAsync("/Analyse/Evaluateurs", Details("Doublon Essai", existing.Email!));
        Assert.Equal(422, (int)response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("déjà cette adresse", page.Body!.TextContent);
        Assert.Equal("Doublon Essai", ((IHtmlInputElement)page.QuerySelector("#Input_FullName")!).Value);
        Assert.False(await QueryAsync(portal, db => db.Evaluators.AnyAsync(e => e.FullName == "Doublon Essai")));
    }

    [Fact]
    public async Task Staff_declare_a_trained_candidate_picked_by_name_and_remove_the_link()
    {
        var evaluator = await EvaluatorAsync(portal);
        var session = await SessionAsync(portal, TimeSpan.FromDays(40), candidates: 1);
        var candidate = session.Candidates[0];
        using var staff = await LoginAsync("staff@cqp.test");
        var page = $"/Staff/Evaluateurs/Liens/{evaluator.Id}";
        var (_, form) = await staff.GetAsync(page);
        var option = form.QuerySelectorAll("#candidateId option").Single(o => o.TextContent.Contains(candidate.LastName.ToUpperInvariant()));
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync(page, new Dictionary<string, string>
            { ["kind"] = "TrainedCandidate", ["candidateId"] = option.GetAttribute("value")!, ["note"] = "Formée en 2025" }), page));
        Assert.True(await QueryAsync(portal, db => db.EvaluatorLinks.AnyAsync(l => l.EvaluatorId == evaluator.Id && l.CandidateId == candidate.CandidateId)));

        // Without a choice: refused, nothing more saved.
        var refused = await staff.SubmitAsync(page, new Dictionary<string, string> { ["kind"] = "Company", ["companyId"] = "" });
        Assert.Contains("Choisissez l'entreprise", (await PortalClient.ParseAsync(refused)).Body!.TextContent);
        Assert.Equal(1, await QueryAsync(portal, db => db.EvaluatorLinks.CountAsync(l => l.EvaluatorId == evaluator.Id)));

        var (_, after) = await staff.GetAsync(page);
        var remove = (IHtmlFormElement)after.QuerySelector("form[action*='handler=RemoveLink']")!;
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(remove, page, new Dictionary<string, string>()), page));
        Assert.Equal(0, await QueryAsync(portal, db => db.EvaluatorLinks.CountAsync(l => l.EvaluatorId == evaluator.Id)));
    }
}
