using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Evaluations.EvaluatorBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>Staff assign the evaluator and co-evaluator of a session; refusals are in French, name the candidate, save nothing and keep the choice.</summary>
[Collection(PortalCollection.Name)]
public class EvaluatorAssignmentTests(DemoPortal portal)
{
    private static string Page(int id) => $"/Staff/Sessions/Evaluateurs/{id}";

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    /// <summary>Posts the assignment form of <paramref name="role"/> with the evaluator id (even one the list does not offer).</summary>
    private static async Task<HttpResponseMessage> PostAssignAsync(PortalClient staff, int sessionId, EvaluatorRole role, int evaluatorId, bool remote = false)
    {
        var (_, page) = await staff.GetAsync(Page(sessionId));
        var form = page.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Assign")
            && f.Elements.Any(e => e.GetAttribute("name") == "role" && e.GetAttribute("value") == role.ToString()));
        var fields = new Dictionary<string, string> { ["evaluatorId"] = evaluatorId.ToString() };
        if (remote) fields["remote"] = "true";
        return await staff.PostFormAsync(form, Page(sessionId), fields);
    }

    [Fact]
    public async Task Staff_assign_an_evaluator_and_a_remote_co_evaluator_who_are_told_by_email_and_named_on_the_sheet()
    {
        var evaluator = await EvaluatorAsync(portal, "Hélène Roux");
        var coEvaluator = await EvaluatorAsync(portal, "Marc Olivier");
        var session = await SessionAsync(portal, TimeSpan.FromDays(12));
        using var staff = await StaffAsync();

        var (_, page) = await staff.GetAsync(Page(session.Id));
        var options = page.QuerySelectorAll("select[name='evaluatorId'] option").Select(o => o.TextContent).ToList();
        Assert.Contains(options, o => o.Contains("Hélène Roux"));
        Assert.True(PortalClient.IsRedirectTo(await PostAssignAsync(staff, session.Id, EvaluatorRole.Evaluator, evaluator.Id), Page(session.Id)));
        Assert.True(PortalClient.IsRedirectTo(await PostAssignAsync(staff, session.Id, EvaluatorRole.CoEvaluator, coEvaluator.Id, remote: true), Page(session.Id)));

        var assigned = await AssignmentsAsync(portal, session.Id);
        Assert.Equal((evaluator.Id, false), assigned[EvaluatorRole.Evaluator]);
        Assert.Equal((coEvaluator.Id, true), assigned[EvaluatorRole.CoEvaluator]);
        var mail = portal.Mail.LatestTo(coEvaluator.Email!);
        Assert.Contains("co-évaluateur (à distance)", mail);
        Assert.Contains("Centre d'examen Évalua, 12 rue des Essais, 69003 Lyon", mail);
        Assert.Contains("/Evaluation", MailFolder.FirstLink(mail, "/Evaluation"));
        Assert.Contains("évaluateur", portal.Mail.LatestTo(evaluator.Email!));

        var (_, after) = await staff.GetAsync(Page(session.Id));
        Assert.Contains("Marc Olivier (Cabinet Évalua), à distance", after.Body!.TextContent);
        var sheet = PdfText.Of(await (await staff.Http.GetAsync($"{Page(session.Id)}?handler=Sheet")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Feuille d'émargement", sheet);
        Assert.Contains("Hélène Roux", sheet);
        Assert.Contains("à distance", sheet);
        foreach (var candidate in session.Candidates) Assert.Contains(candidate.LastName.ToUpperInvariant(), sheet);
    }

    public static TheoryData<string> Refusals() => ["link", "company", "expired", "withdrawn", "twice"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_assignment_refused_says_why_in_French_saves_nothing_and_keeps_the_choice(string refusal)
    {
        var companyId = await QueryAsync(portal, db => db.Companies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var session = await SessionAsync(portal, TimeSpan.FromDays(15), companyId: companyId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var evaluator = refusal switch
        {
            "expired" => await EvaluatorAsync(portal, "Paul Expiré", validFrom: today.AddYears(-3), validTo: today.AddDays(1)),
            "withdrawn" => await EvaluatorAsync(portal, "Rita Retirée", state: HabilitationState.Withdrawn),
            _ => await EvaluatorAsync(portal, "Lina Liée"),
        };
        string expected;
        switch (refusal)
        {
            case "link":
                await LinkAsync(portal, evaluator.Id, candidateId: session.Candidates[1].CandidateId);
                expected = $"Lina Liée a déclaré avoir formé {session.Candidates[1].Name}";
                break;
            case "company":
                await LinkAsync(portal, evaluator.Id, companyId: companyId);
                expected = $"Lina Liée appartient à l'entreprise de {session.Candidates[0].Name}";
                break;
            case "expired":
                expected = $"a expiré le {today.AddDays(1):dd/MM/yyyy}";
                break;
            case "withdrawn":
                expected = "a été retirée";
                break;
            default:
                await EvaluatorBuilders.AssignAsync(portal, session.Id, evaluator.Id, EvaluatorRole.CoEvaluator);
                expected = "deux personnes différentes";
                break;
        }
        var before = await AssignmentsAsync(portal, session.Id);
        using var staff = await StaffAsync();

        var response = await PostAssignAsync(staff, session.Id, EvaluatorRole.Evaluator, evaluator.Id);

        Assert.Equal(422, (int)response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(expected, page.QuerySelector("#evaluator-error")!.TextContent);
        var select = (IHtmlSelectElement)page.QuerySelector("#evaluator-id")!;
        Assert.Equal(evaluator.Id.ToString(), select.Value);
        Assert.Equal(before, await AssignmentsAsync(portal, session.Id));
        if (refusal is "expired" or "withdrawn")
            Assert.DoesNotContain(select.Options, o => o.TextContent.Contains(evaluator.FullName));
    }

    [Fact]
    public async Task An_evaluator_without_an_account_is_not_offered_and_is_refused()
    {
        var evaluator = await EvaluatorAsync(portal, "Sans Compte", withAccount: false);
        var session = await SessionAsync(portal, TimeSpan.FromDays(20), candidates: 1);
        using var staff = await StaffAsync();
        var response = await PostAssignAsync(staff, session.Id, EvaluatorRole.Evaluator, evaluator.Id);
        Assert.Contains("pas encore de compte", (await PortalClient.ParseAsync(response)).QuerySelector("#evaluator-error")!.TextContent);
        Assert.Empty(await AssignmentsAsync(portal, session.Id));
    }

    [Fact]
    public async Task Staff_unassign_an_evaluator()
    {
        var evaluator = await EvaluatorAsync(portal);
        var session = await SessionAsync(portal, TimeSpan.FromDays(9), candidates: 1);
        await EvaluatorBuilders.AssignAsync(portal, session.Id, evaluator.Id);
        using var staff = await StaffAsync();
        var (_, page) = await staff.GetAsync(Page(session.Id));
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=Unassign"));
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(form, Page(session.Id), new Dictionary<string, string>()), Page(session.Id)));
        Assert.Empty(await AssignmentsAsync(portal, session.Id));
    }
}
