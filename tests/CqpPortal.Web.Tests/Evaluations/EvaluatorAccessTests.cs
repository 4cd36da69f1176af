using System.Net;
using CqpPortal.Testing;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Evaluations.EvaluatorBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>Who opens each new route: staff, the session's evaluator, another evaluator, a candidate, a manager, a jury member, SIST, the committee, a visitor.</summary>
[Collection(PortalCollection.Name)]
public class EvaluatorAccessTests(DemoPortal portal)
{
    private static async Task<string> OutcomeAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK ? "ok"
        : response.StatusCode == HttpStatusCode.NotFound ? "404"
        : PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse") ? "refused"
        : PortalClient.IsRedirectTo(response, "/Compte/Connexion") ? "login"
        : $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}";

    [Fact]
    public async Task Every_route_opens_to_its_audience_only_and_an_evaluators_session_to_them_only()
    {
        var mine = await EvaluatorAsync(portal);
        var other = await EvaluatorAsync(portal);
        var session = await SessionAsync(portal, TimeSpan.FromDays(5), candidates: 1);
        var otherSession = await SessionAsync(portal, TimeSpan.FromDays(6), candidates: 1);
        await AssignAsync(portal, session.Id, mine.Id);
        await AssignAsync(portal, otherSession.Id, other.Id);

        var routes = new Dictionary<string, string>
        {
            ["staffSession"] = $"/Staff/Sessions/Evaluateurs/{session.Id}",
            ["staffSheet"] = $"/Staff/Sessions/Evaluateurs/{session.Id}?handler=Sheet",
            ["staffRegister"] = "/Staff/Evaluateurs",
            ["staffLinks"] = $"/Staff/Evaluateurs/Liens/{mine.Id}",
            ["evaluatorHome"] = "/Evaluation",
            ["evaluatorSession"] = $"/Evaluation/Session/{session.Id}",
            ["evaluatorSheet"] = $"/Evaluation/Session/{session.Id}?handler=Sheet",
            ["sistRegister"] = "/Analyse/Evaluateurs",
            ["sistFile"] = $"/Analyse/Evaluateurs/Fiche/{mine.Id}",
        };
        string[] staffOnly = ["staffSession", "staffSheet", "staffRegister", "staffLinks"];
        string[] sistOnly = ["sistRegister", "sistFile"];
        string[] evaluatorArea = ["evaluatorHome", "evaluatorSession", "evaluatorSheet"];

        async Task CheckAsync(PortalClient client, string who, Func<string, string> expected)
        {
            foreach (var (name, url) in routes)
                Assert.True(expected(name) == await OutcomeAsync(await client.Http.GetAsync(url)), $"{who} on {url}: expected {expected(name)}");
        }

        using (var staff = PortalClient.For(portal))
        {
            await staff.LoginAsync("staff@cqp.test");
            await CheckAsync(staff, "staff", n => staffOnly.Contains(n) ? "ok" : "refused");
        }
        using (var evaluator = await SignedInAsync(portal, mine.Email!))
            await CheckAsync(evaluator, "the session's evaluator", n => evaluatorArea.Contains(n) ? "ok" : "refused");
        using (var stranger = await SignedInAsync(portal, other.Email!))
            await CheckAsync(stranger, "another evaluator", n => n == "evaluatorHome" ? "ok" : evaluatorArea.Contains(n) ? "404" : "refused");
        using (var sist = PortalClient.For(portal))
        {
            await sist.LoginAsync("sist@cqp.test");
            await CheckAsync(sist, "SIST", n => sistOnly.Contains(n) ? "ok" : "refused");
        }
        foreach (var account in new[] { "candidat@cqp.test", "manager@cqp.test", "jury@cqp.test", "comite@cqp.test" })
        {
            using var client = PortalClient.For(portal);
            await client.LoginAsync(account);
            await CheckAsync(client, account, _ => "refused");
        }
        using var visitor = PortalClient.For(portal);
        await CheckAsync(visitor, "a visitor", _ => "login");

        // The other evaluator's session and a missing one answer alike.
        using var mineAgain = await SignedInAsync(portal, mine.Email!);
        Assert.Equal("404", await OutcomeAsync(await mineAgain.Http.GetAsync($"/Evaluation/Session/{otherSession.Id}")));
        Assert.Equal("404", await OutcomeAsync(await mineAgain.Http.GetAsync("/Evaluation/Session/999999")));
    }

    [Fact]
    public async Task An_evaluator_cannot_record_attendance_at_a_session_they_are_not_assigned_to()
    {
        var mine = await EvaluatorAsync(portal);
        var other = await EvaluatorAsync(portal);
        var session = await SessionAsync(portal, TimeSpan.Zero, candidates: 1);
        var otherSession = await SessionAsync(portal, TimeSpan.Zero, candidates: 1);
        await AssignAsync(portal, session.Id, mine.Id);
        await AssignAsync(portal, otherSession.Id, other.Id);
        using var client = await SignedInAsync(portal, mine.Email!);
        var (_, page) = await client.GetAsync($"/Evaluation/Session/{session.Id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Attendance']")!;
        form.Action = $"/Evaluation/Session/{otherSession.Id}?handler=Attendance";
        var response = await client.PostFormAsync(form, "", new Dictionary<string, string> { ["enrolmentId"] = otherSession.Candidates[0].EnrolmentId.ToString(), ["attendance"] = "Present" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await QueryAsync(portal, db => db.SessionEnrolments.Where(e => e.Id == otherSession.Candidates[0].EnrolmentId).Select(e => e.Attendance).SingleAsync()));
    }

    [Fact]
    public async Task The_committee_cannot_change_the_register()
    {
        using var committee = PortalClient.For(portal);
        await committee.LoginAsync("comite@cqp.test");
        var (_, logout) = await committee.GetAsync("/Compte/Deconnexion");
        var token = logout.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var name = "Comité " + Guid.NewGuid().ToString("N")[..6];
        var response = await committee.Http.PostAsync("/Analyse/Evaluateurs", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FullName"] = name, ["Input.Email"] = $"{Guid.NewGuid():N}@exemple.fr", ["Input.Organisation"] = "Comité",
        }));
        Assert.Equal("refused", await OutcomeAsync(response));
        Assert.False(await QueryAsync(portal, db => db.Evaluators.AnyAsync(e => e.FullName == name)));
    }
}
