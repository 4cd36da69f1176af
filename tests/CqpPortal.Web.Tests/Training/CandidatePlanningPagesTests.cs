using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Companies;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;
using static CqpPortal.Web.Tests.Training.PlanningBuilders;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The trainee's planning (/Candidat/Formation/Planning) and hours (/Candidat/Formation/Heures) pages.</summary>
[Collection(PortalCollection.Name)]
public class CandidatePlanningPagesTests(DemoPortal portal)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The text as a reader sees it: runs of spaces and line breaks as one space.</summary>
    private static string Text(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ");

    private async Task<(FollowedEmployee Trainee, PortalClient Client)> TraineeAsync()
    {
        var company = await CompanyAsync(portal);
        var trainee = await EmployeeAsync(portal, company, follows: true);
        var client = PortalClient.For(portal);
        await client.LoginAsync(trainee.Email, TestAccounts.Password);
        return (trainee, client);
    }

    [Fact]
    public async Task A_trainee_sees_the_coming_session_she_is_enrolled_in_with_its_convocation_and_not_another_trainees_session()
    {
        var (trainee, client) = await TraineeAsync();
        var other = await EmployeeAsync(portal, await CompanyAsync(portal), follows: true);
        await PathAsync(portal, trainee.RegistrationId, 70);
        var mine = await SessionAsync(portal, 20, trainee.RegistrationId);
        var theirs = await SessionAsync(portal, 21, other.RegistrationId);

        var (response, page) = await client.GetAsync("/Candidat/Formation/Planning");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var coming = Text(page.QuerySelector("#a-venir")!.ParentElement!);
        Assert.Contains(FrenchFormat.LongDate(DayInParis.Of(mine.StartsAt)), coming);
        Assert.Contains("de 9 h à 17 h", coming);
        foreach (var fact in new[] { mine.Module, mine.PlaceName, "8 rue de la Formation", "35000 Rennes", mine.Room, mine.TrainerName }) Assert.Contains(fact, coming);
        Assert.DoesNotContain(theirs.Module, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Convocation/{mine.Id}/{trainee.RegistrationId}?format=pdf']"));
        var ics = page.QuerySelector($"a[href='/Formation/Convocation/{mine.Id}/{trainee.RegistrationId}?format=ics']");
        Assert.Equal("Ajouter à mon agenda (.ics)", ics!.TextContent.Trim());
    }

    [Fact]
    public async Task A_trainee_reads_her_attendance_per_half_day_at_past_sessions()
    {
        var (trainee, client) = await TraineeAsync();
        await PathAsync(portal, trainee.RegistrationId, 70);
        var recorded = await SessionAsync(portal, -9, trainee.RegistrationId);
        var notYet = await SessionAsync(portal, -2, trainee.RegistrationId);
        await AttendanceAsync(portal, recorded.Id, trainee.RegistrationId, HalfDay.Morning, Attendance.Present, 3.5m);
        await AttendanceAsync(portal, recorded.Id, trainee.RegistrationId, HalfDay.Afternoon, Attendance.Excused, 0);

        var (_, page) = await client.GetAsync("/Candidat/Formation/Planning");

        var rows = page.QuerySelectorAll("#passees ~ .table-scroll tbody tr").Select(r => r.TextContent).ToList();
        string Row(BuiltTrainingSession s, string halfDay) => Assert.Single(rows, r => r.Contains(FrenchFormat.Date(DayInParis.Of(s.StartsAt))) && r.Contains(halfDay));
        Assert.Contains("Présent", Row(recorded, "Matin"));
        Assert.Contains("3,5 h", Row(recorded, "Matin"));
        Assert.Contains("Absent justifié", Row(recorded, "Après-midi"));
        Assert.Contains("Non notée", Row(notYet, "Matin"));
        Assert.Contains("Non notée", Row(notYet, "Après-midi"));
        Assert.Contains(recorded.Module, Row(recorded, "Matin"));
        Assert.Contains("Aucune session de formation à venir", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_trainee_enrolled_in_no_session_is_told_that_staff_enrol_her_once_her_path_is_signed()
    {
        var (_, client) = await TraineeAsync();

        var (response, page) = await client.GetAsync("/Candidat/Formation/Planning");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("l'organisme de formation vous inscrit aux sessions une fois votre parcours de formation signé", Text(page.Body!));
        Assert.Empty(page.QuerySelectorAll("a[href^='/Formation/Convocation/']"));
    }

    [Fact]
    public async Task A_cancelled_coming_session_is_marked_and_offers_no_convocation()
    {
        var (trainee, client) = await TraineeAsync();
        var session = await SessionAsync(portal, 15, trainee.RegistrationId);
        await CancelAsync(portal, session.Id);

        var (_, page) = await client.GetAsync("/Candidat/Formation/Planning");

        Assert.Contains("Session annulée", Text(page.QuerySelector("#a-venir")!.ParentElement!));
        Assert.Empty(page.QuerySelectorAll($"a[href^='/Formation/Convocation/{session.Id}/']"));
    }

    [Fact]
    public async Task The_hours_page_shows_the_hours_planned_and_done_from_the_attendance_recorded_and_what_remains_before_the_evaluation()
    {
        var (trainee, client) = await TraineeAsync();
        await PathAsync(portal, trainee.RegistrationId, 14);
        var past = await SessionAsync(portal, -6, trainee.RegistrationId);
        await SessionAsync(portal, 10, trainee.RegistrationId);
        await AttendanceAsync(portal, past.Id, trainee.RegistrationId, HalfDay.Morning, Attendance.Present, 3.5m);
        await AttendanceAsync(portal, past.Id, trainee.RegistrationId, HalfDay.Afternoon, Attendance.Present, 3m);

        var (response, page) = await client.GetAsync("/Candidat/Formation/Heures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = page.QuerySelectorAll("#heures ~ .table-scroll tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["14 h", "6,5 h", "7,5 h"], unit);
        var total = page.QuerySelectorAll("#heures ~ .table-scroll tfoot td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["14 h", "6,5 h", "7,5 h"], total);
        Assert.Contains("il vous reste 7,5 h de formation", Text(page.QuerySelector("#evaluation")!.ParentElement!));
        Assert.Null(page.QuerySelector("a[href='/Candidat/Sessions']"));
        var month = DayInParis.Of(past.StartsAt);
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Releve/{trainee.RegistrationId}/{month:yyyy-MM}']"));
        Assert.Contains($"Relevé de présence de {month.ToString("MMMM yyyy", French)}", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/Formation/Attestation/{trainee.RegistrationId}']"));
        Assert.Contains("sera disponible après la dernière session de formation prévue", Text(page.Body!));
    }

    [Fact]
    public async Task A_trainee_whose_hours_are_done_may_sign_up_for_an_evaluation_and_download_her_certificate()
    {
        var (trainee, client) = await TraineeAsync();
        await PathAsync(portal, trainee.RegistrationId, 7);
        var past = await SessionAsync(portal, -4, trainee.RegistrationId);
        await AttendanceAsync(portal, past.Id, trainee.RegistrationId, HalfDay.Morning, Attendance.Present, 3.5m);
        await AttendanceAsync(portal, past.Id, trainee.RegistrationId, HalfDay.Afternoon, Attendance.Present, 3.5m);

        var (_, page) = await client.GetAsync("/Candidat/Formation/Heures");

        var evaluation = page.QuerySelector("#evaluation")!.ParentElement!;
        Assert.Contains("Vous pouvez vous inscrire à une évaluation", Text(evaluation));
        Assert.NotNull(evaluation.QuerySelector("a[href='/Candidat/Sessions']"));
        Assert.Contains("Votre parcours de formation est terminé", Text(page.Body!));
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Attestation/{trainee.RegistrationId}']"));
    }

    [Fact]
    public async Task A_waiver_recorded_by_staff_opens_the_evaluation_sign_up_and_is_shown_with_its_reason()
    {
        var (trainee, client) = await TraineeAsync();
        await PathAsync(portal, trainee.RegistrationId, 21, waiverReason: "Compétences d'accueil déjà exercées en entreprise");

        var (_, page) = await client.GetAsync("/Candidat/Formation/Heures");

        var evaluation = Text(page.QuerySelector("#evaluation")!.ParentElement!);
        Assert.Contains("Vous pouvez vous inscrire à une évaluation", evaluation);
        Assert.Contains("« Compétences d'accueil déjà exercées en entreprise »", evaluation);
        Assert.Contains("il vous en reste 21 h", evaluation);
        Assert.Contains("aucune présence n'est encore notée", Text(page.Body!));
    }

    [Fact]
    public async Task The_demo_trainee_sees_her_coming_training_days_with_convocations_and_her_past_attendance()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test");

        var (response, page) = await client.GetAsync("/Candidat/Formation/Planning");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Formation/Convocation/'][href$='?format=ics']"));
        Assert.Contains(page.QuerySelectorAll("#passees ~ .table-scroll tbody tr"), r => r.TextContent.Contains("Présent"));
    }

    [Fact]
    public async Task The_demo_trainee_already_signed_up_for_her_evaluation_reads_so_on_her_hours_page()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test");

        var (response, page) = await client.GetAsync("/Candidat/Formation/Heures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evaluation = Text(page.QuerySelector("#evaluation")!.ParentElement!);
        Assert.Contains("Vous êtes inscrit(e) à une évaluation à venir", evaluation);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Formation/Releve/']"));
    }

    [Fact]
    public async Task The_candidate_home_and_training_page_link_to_the_planning_and_hours_pages()
    {
        var (_, client) = await TraineeAsync();
        foreach (var url in new[] { "/Candidat", "/Candidat/Formation" })
        {
            var (_, page) = await client.GetAsync(url);
            Assert.NotNull(page.QuerySelector("a[href='/Candidat/Formation/Planning']"));
            Assert.NotNull(page.QuerySelector("a[href='/Candidat/Formation/Heures']"));
        }
    }

    [Theory]
    [InlineData(Roles.Staff, "/Candidat/Formation/Planning")]
    [InlineData(Roles.Staff, "/Candidat/Formation/Heures")]
    [InlineData(Roles.CompanyManager, "/Candidat/Formation/Planning")]
    [InlineData(Roles.CompanyManager, "/Candidat/Formation/Heures")]
    [InlineData(Roles.Evaluator, "/Candidat/Formation/Planning")]
    [InlineData(Roles.JuryMember, "/Candidat/Formation/Heures")]
    public async Task Other_roles_are_refused_the_candidates_training_pages(string role, string url)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(url), "/Compte/AccesRefuse"));
    }
}
