using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Evaluations.EvaluatorBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>The evaluator's area: their sessions only, the attendance of each candidate, the sheet, the grid link of present candidates.</summary>
[Collection(PortalCollection.Name)]
public class AttendanceTests(DemoPortal portal)
{
    private static string Page(int id) => $"/Evaluation/Session/{id}";

    private Task<Attendance?> AttendanceOfAsync(int enrolmentId) =>
        QueryAsync(portal, db => db.SessionEnrolments.Where(e => e.Id == enrolmentId).Select(e => e.Attendance).SingleAsync());

    [Fact]
    public async Task The_evaluator_sees_their_sessions_coming_first_with_role_and_candidates()
    {
        var evaluator = await EvaluatorAsync(portal);
        var past = await SessionAsync(portal, TimeSpan.FromDays(-30), candidates: 1);
        var coming = await SessionAsync(portal, TimeSpan.FromDays(30), candidates: 2, kind: SessionKind.VaeSituation);
        var notMine = await SessionAsync(portal, TimeSpan.FromDays(31), candidates: 1);
        await AssignAsync(portal, past.Id, evaluator.Id);
        await AssignAsync(portal, coming.Id, evaluator.Id, EvaluatorRole.CoEvaluator, remote: true);
        using var client = await SignedInAsync(portal, evaluator.Email!);

        var (_, page) = await client.GetAsync("/Evaluation");
        Assert.Contains("Mes sessions d'évaluation", page.QuerySelector("h1")!.TextContent);
        var links = page.QuerySelectorAll("a[href^='/Evaluation/Session/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([Page(coming.Id), Page(past.Id)], links);
        Assert.DoesNotContain(Page(notMine.Id), links);
        var row = page.QuerySelector("#coming tbody tr")!.TextContent;
        Assert.Contains("Co-évaluateur, à distance", row);
        Assert.Contains("Mise en situation VAE", row);

        var (_, session) = await client.GetAsync(Page(coming.Id));
        foreach (var candidate in coming.Candidates) Assert.Contains(candidate.LastName.ToUpperInvariant(), session.Body!.TextContent);
        Assert.Contains("à partir du jour de la session", session.Body!.TextContent);
        Assert.Empty(session.QuerySelectorAll("form[action*='handler=Attendance']"));
    }

    [Fact]
    public async Task The_evaluator_records_attendance_on_the_session_day_and_present_candidates_get_their_grid_link()
    {
        var evaluator = await EvaluatorAsync(portal);
        var session = await SessionAsync(portal, TimeSpan.Zero, candidates: 2);
        await AssignAsync(portal, session.Id, evaluator.Id);
        using var client = await SignedInAsync(portal, evaluator.Email!);

        foreach (var (candidate, value) in session.Candidates.Zip([Attendance.Present, Attendance.Excused]))
        {
            var response = await client.SubmitAsync(Page(session.Id), new Dictionary<string, string> { ["enrolmentId"] = candidate.EnrolmentId.ToString(), ["attendance"] = value.ToString() },
                $"form:has(input[name='enrolmentId'][value='{candidate.EnrolmentId}'])");
            Assert.True(PortalClient.IsRedirectTo(response, Page(session.Id)), $"{response.StatusCode}");
            Assert.Equal(value, await AttendanceOfAsync(candidate.EnrolmentId));
        }
        var (_, page) = await client.GetAsync(Page(session.Id));
        Assert.Contains("Présence enregistrée", page.QuerySelector("[role='status']")!.TextContent);
        var grids = page.QuerySelectorAll("a[href^='/Evaluation/Grille/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Evaluation/Grille/{session.Candidates[0].EnrolmentId}"], grids);
        var sheet = PdfText.Of(await (await client.Http.GetAsync($"{Page(session.Id)}?handler=Sheet")).Content.ReadAsByteArrayAsync());
        foreach (var candidate in session.Candidates) Assert.Contains(candidate.LastName.ToUpperInvariant(), sheet);
    }

    [Fact]
    public async Task Attendance_before_the_session_day_or_for_a_candidate_of_another_session_is_refused_and_nothing_is_saved()
    {
        var evaluator = await EvaluatorAsync(portal);
        var coming = await SessionAsync(portal, TimeSpan.FromDays(3), candidates: 1);
        var today = await SessionAsync(portal, TimeSpan.Zero, candidates: 1);
        var other = await SessionAsync(portal, TimeSpan.Zero, candidates: 1);
        await AssignAsync(portal, coming.Id, evaluator.Id);
        await AssignAsync(portal, today.Id, evaluator.Id);
        using var client = await SignedInAsync(portal, evaluator.Email!);

        // Posted with the token of a page showing the form (the coming session shows none).
        var (_, todayPage) = await client.GetAsync(Page(today.Id));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)todayPage.QuerySelector("form[action*='handler=Attendance']")!;
        form.Action = $"{Page(coming.Id)}?handler=Attendance";
        var early = await client.PostFormAsync(form, Page(coming.Id), new Dictionary<string, string> { ["enrolmentId"] = coming.Candidates[0].EnrolmentId.ToString(), ["attendance"] = "Present" });
        Assert.Equal(422, (int)early.StatusCode);
        Assert.Contains("à partir du jour de la session", (await PortalClient.ParseAsync(early)).Body!.TextContent);
        Assert.Null(await AttendanceOfAsync(coming.Candidates[0].EnrolmentId));

        form.Action = $"{Page(today.Id)}?handler=Attendance";
        var foreign = await client.PostFormAsync(form, Page(today.Id), new Dictionary<string, string> { ["enrolmentId"] = other.Candidates[0].EnrolmentId.ToString(), ["attendance"] = "Absent" });
        Assert.Equal(422, (int)foreign.StatusCode);
        Assert.Contains("pas inscrit à cette session", (await PortalClient.ParseAsync(foreign)).Body!.TextContent);
        Assert.Null(await AttendanceOfAsync(other.Candidates[0].EnrolmentId));
    }

    [Fact]
    public async Task Staff_record_attendance_from_the_session_page()
    {
        var session = await SessionAsync(portal, TimeSpan.Zero, candidates: 1);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var enrolment = session.Candidates[0].EnrolmentId;
        var response = await staff.SubmitAsync($"/Staff/Sessions/Evaluateurs/{session.Id}",
            new Dictionary<string, string> { ["enrolmentId"] = enrolment.ToString(), ["attendance"] = "Absent" });
        Assert.True(PortalClient.IsRedirectTo(response, $"/Staff/Sessions/Evaluateurs/{session.Id}"), $"{response.StatusCode}");
        Assert.Equal(Attendance.Absent, await AttendanceOfAsync(enrolment));
    }
}
