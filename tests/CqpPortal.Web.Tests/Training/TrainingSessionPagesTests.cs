using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Companies;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>
/// The staff training session pages: the list (/Staff/Formation/Sessions), planning (Edition) and enrolments (Inscrits).
/// Each test plans far in the future (2030 on) with its own trainer and room, so it clashes with nothing else.
/// </summary>
[Collection(PortalCollection.Name)]
public class TrainingSessionPagesTests(DemoPortal portal)
{
    private const string EditPage = "/Staff/Formation/Sessions/Edition";

    [Fact]
    public async Task Staff_plan_a_training_session_through_the_page_and_it_is_saved()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2031, 3, 12));

        var response = await staff.SubmitAsync(EditPage, plan.Fields);

        Assert.True(PortalClient.IsRedirectTo(response, "/Staff/Formation/Sessions/Inscrits/"), await response.Content.ReadAsStringAsync());
        var saved = await DbAsync(portal, db => db.Sessions.AsNoTracking().SingleAsync(s => s.ModuleTitle == plan.Module));
        Assert.Equal(SessionKind.Training, saved.Kind);
        Assert.Equal(plan.TrainerId, saved.TrainerUserId);
        Assert.Equal(plan.UnitId, saved.UnitId);
        Assert.Equal(plan.Room, saved.Room);
        Assert.Equal(DayInParis.At(new DateOnly(2031, 3, 12), new TimeOnly(9, 0)), saved.StartsAt);
        Assert.Equal(8 * 60, saved.DurationMinutes);
        var (_, list) = await staff.GetAsync("/Staff/Formation/Sessions?mes=true");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(plan.Module));
        Assert.Contains("mercredi 12 mars 2031", row.TextContent);
        Assert.Contains("de 9 h à 17 h", row.TextContent);
        Assert.Contains("0 / 8", row.TextContent);
    }

    [Fact]
    public async Task A_session_overlapping_the_same_trainers_session_is_refused_in_French_and_nothing_is_saved()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var day = new DateOnly(2031, 4, 9);
        var first = await PlanAsync(staff, day);
        await TrainingSessionAsync(first, day);
        var second = await PlanAsync(staff, day, start: "14:00", end: "16:00");

        var response = await staff.SubmitAsync(EditPage, second.Fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Le formateur a déjà une session à ce moment-là", page.QuerySelector("#trainer-error")!.TextContent);
        Assert.Equal(second.Module, InputIn(page, "input[name='Input.ModuleTitle']").Value);
        Assert.False(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.ModuleTitle == second.Module)));
    }

    [Fact]
    public async Task A_session_in_a_room_already_taken_at_that_time_is_refused_and_nothing_is_saved()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        using var colleague = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Inès Formatrice");
        var day = new DateOnly(2031, 5, 14);
        var first = await PlanAsync(colleague, day);
        await TrainingSessionAsync(first, day);
        var second = await PlanAsync(staff, day, start: "10:00", end: "12:00");
        var fields = new Dictionary<string, string>(second.Fields) { ["Input.PlaceName"] = first.Place, ["Input.Room"] = first.Room };

        var response = await staff.SubmitAsync(EditPage, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Cette salle est déjà occupée à ce moment-là", page.QuerySelector("#room-error")!.TextContent);
        Assert.False(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.ModuleTitle == second.Module)));
    }

    [Fact]
    public async Task A_month_end_date_is_warned_about_and_the_session_is_saved_only_once_the_warning_is_confirmed()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2031, 6, 27));

        var warned = await staff.SubmitAsync(EditPage, plan.Fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(warned);
        var box = InputIn(page, "input[name='Input.ConfirmedWarnings']")!;
        Assert.Contains("fins de mois", box.Value);
        Assert.False(box.IsChecked);
        Assert.Equal("2031-06-27", InputIn(page, "input[name='Input.Date']").Value);
        Assert.False(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.ModuleTitle == plan.Module)));

        var form = page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.ConfirmedWarnings"));
        var confirmed = await staff.PostFormAsync(form, EditPage, new Dictionary<string, string>(plan.Fields) { ["Input.ConfirmedWarnings"] = box.Value });

        Assert.True(PortalClient.IsRedirectTo(confirmed, "/Staff/Formation/Sessions/Inscrits/"), await confirmed.Content.ReadAsStringAsync());
        Assert.True(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.ModuleTitle == plan.Module)));
    }

    [Fact]
    public async Task A_session_longer_than_a_training_day_is_refused()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2031, 9, 10), start: "07:30", end: "18:00");

        var response = await staff.SubmitAsync(EditPage, plan.Fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Une session de formation dure au plus 10 heures", page.QuerySelector("#end-error")!.TextContent);
        Assert.Equal("18:00", InputIn(page, "input[name='Input.End']").Value[..5]);
        Assert.False(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.ModuleTitle == plan.Module)));
    }

    [Fact]
    public async Task My_sessions_lists_only_the_signed_in_trainers_sessions()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        using var colleague = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Inès Formatrice");
        var mine = await PlanAsync(staff, new DateOnly(2032, 2, 11));
        var theirs = await PlanAsync(colleague, new DateOnly(2032, 2, 11));
        await TrainingSessionAsync(mine, new DateOnly(2032, 2, 11));
        await TrainingSessionAsync(theirs, new DateOnly(2032, 2, 11));

        var (_, filtered) = await staff.GetAsync("/Staff/Formation/Sessions?mes=true");
        var (_, everyone) = await staff.GetAsync("/Staff/Formation/Sessions");

        Assert.Contains(mine.Module, filtered.Body!.TextContent);
        Assert.DoesNotContain(theirs.Module, filtered.Body!.TextContent);
        Assert.True(InputIn(filtered, "input[name=mes]").IsChecked);
        Assert.Contains(theirs.Module, everyone.Body!.TextContent);
        Assert.Contains(mine.Module, everyone.Body!.TextContent);
    }

    [Fact]
    public async Task Staff_enrol_an_eligible_trainee_who_is_sent_the_convocation()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2032, 3, 10));
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2032, 3, 10));
        var trainee = await TraineeAsync(plan.UnitId, withPath: true);

        var response = await staff.SubmitAsync($"/Staff/Formation/Sessions/Inscrits/{sessionId}", new Dictionary<string, string> { ["RegistrationId"] = trainee.RegistrationId.ToString() });

        Assert.True(PortalClient.IsRedirectTo(response, $"/Staff/Formation/Sessions/Inscrits/{sessionId}"), await response.Content.ReadAsStringAsync());
        Assert.True(await DbAsync(portal, db => db.SessionEnrolments.AnyAsync(e => e.SessionId == sessionId && e.RegistrationId == trainee.RegistrationId && e.State == EnrolmentState.Enrolled)));
        Assert.Equal(1, MailsTo(portal, trainee.Email));
        var (_, page) = await staff.GetAsync($"/Staff/Formation/Sessions/Inscrits/{sessionId}");
        Assert.NotNull(page.QuerySelector($"a[href='/Staff/Formation/Heures/{trainee.RegistrationId}']"));
    }

    [Fact]
    public async Task A_trainee_without_a_path_is_refused_and_not_enrolled()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2032, 4, 7));
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2032, 4, 7));
        await TraineeAsync(plan.UnitId, withPath: true); // so the enrolment form is shown
        var ineligible = await TraineeAsync(plan.UnitId, withPath: false);

        var response = await staff.SubmitAsync($"/Staff/Formation/Sessions/Inscrits/{sessionId}", new Dictionary<string, string> { ["RegistrationId"] = ineligible.RegistrationId.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Ce stagiaire n'a pas encore de parcours individuel de formation.", page.QuerySelector("#registration-error")!.TextContent);
        Assert.False(await DbAsync(portal, db => db.SessionEnrolments.AnyAsync(e => e.SessionId == sessionId && e.RegistrationId == ineligible.RegistrationId)));
    }

    [Fact]
    public async Task Enrolling_a_trainee_beyond_three_days_away_in_the_month_needs_the_warning_confirmed()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2033, 3, 2));
        var trainee = await TraineeAsync(plan.UnitId, withPath: true);
        foreach (var day in new[] { 2, 3, 8 })
        {
            var earlier = await TrainingSessionAsync(plan, new DateOnly(2033, 3, day));
            await DbAsync(portal, db =>
            {
                db.SessionEnrolments.Add(new SessionEnrolment { SessionId = earlier, RegistrationId = trainee.RegistrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
                return db.SaveChangesAsync();
            });
        }
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2033, 3, 9));
        var url = $"/Staff/Formation/Sessions/Inscrits/{sessionId}";

        var warned = await staff.SubmitAsync(url, new Dictionary<string, string> { ["RegistrationId"] = trainee.RegistrationId.ToString() });

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(warned);
        var box = InputIn(page, "input[name=ConfirmedWarnings]");
        Assert.Contains($"{trainee.Name} : 4 jours en mars 2033", box.Value);
        Assert.False(box.IsChecked);
        Assert.False(await DbAsync(portal, db => db.SessionEnrolments.AnyAsync(e => e.SessionId == sessionId && e.RegistrationId == trainee.RegistrationId)));

        var form = page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "ConfirmedWarnings"));
        var confirmed = await staff.PostFormAsync(form, url, new Dictionary<string, string> { ["RegistrationId"] = trainee.RegistrationId.ToString(), ["ConfirmedWarnings"] = box.Value });

        Assert.True(PortalClient.IsRedirectTo(confirmed, url), await confirmed.Content.ReadAsStringAsync());
        Assert.True(await DbAsync(portal, db => db.SessionEnrolments.AnyAsync(e => e.SessionId == sessionId && e.RegistrationId == trainee.RegistrationId && e.State == EnrolmentState.Enrolled)));
    }

    [Fact]
    public async Task Staff_take_a_trainee_off_a_coming_session_and_the_trainee_is_told()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2032, 6, 9));
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2032, 6, 9));
        var trainee = await TraineeAsync(plan.UnitId, withPath: true);
        var url = $"/Staff/Formation/Sessions/Inscrits/{sessionId}";
        await staff.SubmitAsync(url, new Dictionary<string, string> { ["RegistrationId"] = trainee.RegistrationId.ToString() });

        var response = await staff.SubmitAsync(url, new Dictionary<string, string>(), "form[action*='handler=Unenrol']");

        Assert.True(PortalClient.IsRedirectTo(response, url));
        Assert.Equal(EnrolmentState.Cancelled, await DbAsync(portal, db => db.SessionEnrolments.Where(e => e.SessionId == sessionId && e.RegistrationId == trainee.RegistrationId).Select(e => e.State).SingleAsync()));
        Assert.Equal(2, MailsTo(portal, trainee.Email)); // convened, then taken off
        var (_, page) = await staff.GetAsync(url);
        Assert.Contains("Aucun stagiaire n'est inscrit à cette session.", page.Body!.TextContent);
    }

    [Fact]
    public async Task Staff_change_a_planned_session_from_its_form_filled_with_the_stored_values()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2032, 7, 7));
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2032, 7, 7));

        var (_, page) = await staff.GetAsync($"{EditPage}/{sessionId}");

        Assert.Equal(plan.Module, InputIn(page, "input[name='Input.ModuleTitle']").Value);
        Assert.Equal("2032-07-07", InputIn(page, "input[name='Input.Date']").Value);
        Assert.Equal(plan.Room, InputIn(page, "input[name='Input.Room']").Value);
        var changed = await staff.SubmitAsync($"{EditPage}/{sessionId}", new Dictionary<string, string>(plan.Fields) { ["Input.Date"] = "2032-07-07", ["Input.End"] = "12:30" });
        Assert.True(PortalClient.IsRedirectTo(changed, $"/Staff/Formation/Sessions/Inscrits/{sessionId}"), await changed.Content.ReadAsStringAsync());
        Assert.Equal(210, await DbAsync(portal, db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.DurationMinutes).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_a_session_needs_a_reason_then_tells_its_trainees()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Paul Formateur");
        var plan = await PlanAsync(staff, new DateOnly(2032, 5, 12));
        var sessionId = await TrainingSessionAsync(plan, new DateOnly(2032, 5, 12));
        var trainee = await TraineeAsync(plan.UnitId, withPath: true);
        await staff.SubmitAsync($"/Staff/Formation/Sessions/Inscrits/{sessionId}", new Dictionary<string, string> { ["RegistrationId"] = trainee.RegistrationId.ToString() });

        var noReason = await staff.SubmitAsync($"{EditPage}/{sessionId}", new Dictionary<string, string> { ["CancellationReason"] = " " });
        Assert.Contains("Indiquez le motif de l'annulation", (await PortalClient.ParseAsync(noReason)).QuerySelector("#reason-error")!.TextContent);
        Assert.False(await DbAsync(portal, db => db.Sessions.AnyAsync(s => s.Id == sessionId && s.CancelledAt != null)));

        var cancelled = await staff.SubmitAsync($"{EditPage}/{sessionId}", new Dictionary<string, string> { ["CancellationReason"] = "Formateur indisponible" });

        Assert.True(PortalClient.IsRedirectTo(cancelled, "/Staff/Formation/Sessions"));
        Assert.Equal("Formateur indisponible", await DbAsync(portal, db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.CancellationReason).SingleAsync()));
        Assert.Equal(2, MailsTo(portal, trainee.Email)); // convened, then cancelled
        var (_, list) = await staff.GetAsync("/Staff/Formation/Sessions");
        Assert.Contains("Session de formation annulée ; 1 stagiaire(s) prévenu(s)", list.Body!.TextContent);
    }

    [Theory]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.CompanyManager)]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.JuryMember)]
    [InlineData(Roles.SistAnalyst)]
    public async Task Other_roles_are_refused_every_training_session_page(string role)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        foreach (var url in new[] { "/Staff/Formation/Sessions", EditPage, $"{EditPage}/1", "/Staff/Formation/Sessions/Inscrits/1" })
            Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(url), "/Compte/AccesRefuse"), url);
    }

    [Fact]
    public async Task Unknown_ids_and_evaluation_sessions_are_not_found()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var evaluation = await SessionAsync(portal, 40, []);
        foreach (var url in new[] { $"{EditPage}/987654321", "/Staff/Formation/Sessions/Inscrits/987654321", $"{EditPage}/{evaluation}", $"/Staff/Formation/Sessions/Inscrits/{evaluation}" })
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_staff_home_links_to_the_training_route_and_the_session_list_links_back_to_it()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (_, home) = await staff.GetAsync("/Staff");
        var (_, list) = await staff.GetAsync("/Staff/Formation/Sessions");

        Assert.Contains("Formation : stagiaires et sessions", home.QuerySelector("a[href='/Staff/Formation']")!.TextContent);
        Assert.NotNull(list.QuerySelector("a[href='/Staff/Formation']"));
    }

    private static IHtmlInputElement InputIn(IHtmlDocument page, string selector) => (IHtmlInputElement)page.QuerySelector(selector)!;

    /// <summary>What a test types on the planning form, with its own module title, place and room; the trainer is the client's account.</summary>
    private sealed record Plan(string TrainerId, int UnitId, string Module, string Place, string Room, Dictionary<string, string> Fields);

    private async Task<Plan> PlanAsync(PortalClient trainer, DateOnly day, string start = "09:00", string end = "17:00")
    {
        var trainerId = await DbAsync(portal, db => db.Users.Where(u => u.Email == trainer.Email).Select(u => u.Id).SingleAsync());
        var unitId = await DbAsync(portal, db => db.CertificationUnits.Where(u => u.CertificationId == db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).First())
            .OrderBy(u => u.Number).Select(u => u.Id).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (module, place, room) = ($"Module {tag}", $"Centre {tag}", $"Salle {tag}");
        return new Plan(trainerId, unitId, module, place, room, new Dictionary<string, string>
        {
            ["Input.Region"] = nameof(Region.Ouest), ["Input.UnitId"] = unitId.ToString(), ["Input.ModuleTitle"] = module, ["Input.TrainerUserId"] = trainerId,
            ["Input.Date"] = day.ToString("yyyy-MM-dd"), ["Input.Start"] = start, ["Input.End"] = end,
            ["Input.PlaceName"] = place, ["Input.Room"] = room, ["Input.Address"] = "4 rue des Essais", ["Input.PostalCode"] = "35000", ["Input.City"] = "Rennes",
            ["Input.Capacity"] = "8",
        });
    }

    /// <summary>The planned session stored straight away, 9:00 to 17:00 on <paramref name="day"/>.</summary>
    private Task<int> TrainingSessionAsync(Plan plan, DateOnly day) => DbAsync(portal, async db =>
    {
        var session = new Session
        {
            Kind = SessionKind.Training, CertificationId = await db.CertificationUnits.Where(u => u.Id == plan.UnitId).Select(u => u.CertificationId).SingleAsync(),
            StartsAt = DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime(), DurationMinutes = 480, UnitId = plan.UnitId, ModuleTitle = plan.Module,
            TrainerUserId = plan.TrainerId, PlaceName = plan.Place, Room = plan.Room, Address = "4 rue des Essais", PostalCode = "35000", City = "Rennes",
            Region = Region.Ouest, Capacity = 8, RegistrationDeadline = day,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>An admissible training-route employee of a new company; with a current path planning hours in <paramref name="unitId"/> when asked.</summary>
    private async Task<FollowedEmployee> TraineeAsync(int unitId, bool withPath)
    {
        var employee = await EmployeeAsync(portal, await CompanyAsync(portal), follows: false);
        if (!withPath) return employee;
        await DbAsync(portal, async db =>
        {
            var path = new TrainingPath { RegistrationId = employee.RegistrationId, Version = 1, CreatedByUserId = "staff" };
            path.Units.Add(new TrainingPathUnit { UnitId = unitId, PlannedHours = 35, Modules = ["Accueil téléphonique"] });
            db.TrainingPaths.Add(path);
            return await db.SaveChangesAsync();
        });
        return employee;
    }
}
