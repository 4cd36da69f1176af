using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The half-day attendance sheet (/Staff/Formation/Presences/{sessionId}): all or nothing, French refusals, the manager told of an absence once.</summary>
[Collection(PortalCollection.Name)]
public class AttendancePagesTests(DemoPortal portal)
{
    // One trainee: the sheet's cells are the morning (0) then the afternoon (1).
    private static Dictionary<string, string> Sheet(string morning, string morningHours, string afternoon, string afternoonHours) => new()
    {
        ["Cells[0].Attendance"] = morning, ["Cells[0].Hours"] = morningHours, ["Cells[1].Attendance"] = afternoon, ["Cells[1].Hours"] = afternoonHours,
    };

    [Fact]
    public async Task A_correct_sheet_is_saved_and_the_manager_of_a_followed_employee_is_emailed_once_for_an_absence()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var training = await TrainingData.SessionAsync(portal, -3, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var url = $"/Staff/Formation/Presences/{training.SessionId}";

        var (_, page) = await staff.GetAsync(url);
        Assert.Equal("3,5", page.QuerySelector("input[name='Cells[0].Hours']")!.GetAttribute("value"));
        var saved = await staff.SubmitAsync(url, Sheet("Present", "2,5", "Absent", ""));

        Assert.True(PortalClient.IsRedirectTo(saved, url), $"{saved.StatusCode}");
        var (_, after) = await staff.GetAsync(url);
        Assert.Contains("Présences enregistrées", after.Body!.TextContent);
        var recorded = await TrainingData.RecordedAsync(portal, training.EnrolmentOf[employee.RegistrationId]);
        Assert.Equal(new[] { (HalfDay.Morning, Attendance.Present, 2.5m), (HalfDay.Afternoon, Attendance.Absent, 0m) },
            recorded.Select(r => (r.HalfDay, r.Attendance, r.Hours)).ToList());
        var mail = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Absence en formation de {employee.Name}", mail);
        Assert.Contains($"/Entreprise/Salarie/Formation/{employee.RegistrationId}", mail);
        Assert.Contains("après-midi", mail);

        // Saving the sheet again tells nobody twice.
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync(url, Sheet("Present", "2,5", "Absent", "0")), url));
        Assert.Equal(1, portal.Mail.All().Count(m => m.Contains($"To: {company.ManagerEmail}") && m.Contains("Absence en formation")));
    }

    [Fact]
    public async Task Hours_negative_or_above_the_half_day_are_refused_in_french_nothing_saved_and_the_typed_values_kept()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var training = await TrainingData.SessionAsync(portal, -2, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var url = $"/Staff/Formation/Presences/{training.SessionId}";

        var refused = await staff.SubmitAsync(url, Sheet("Present", "4", "Present", "-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        var errors = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Rien n'a été enregistré", errors);
        Assert.Contains("ne peut pas dépasser celui de la demi-journée (3,5 h)", errors);
        Assert.Contains("ne peut pas être négatif", errors);
        Assert.Equal("4", page.QuerySelector("input[name='Cells[0].Hours']")!.GetAttribute("value"));
        Assert.Equal("-1", page.QuerySelector("input[name='Cells[1].Hours']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name='Cells[1].Attendance'] option[value=Present][selected]"));
        Assert.Empty(await TrainingData.RecordedAsync(portal, training.EnrolmentOf[employee.RegistrationId]));
        Assert.Equal(0, MailsTo(portal, company.ManagerEmail));
    }

    [Fact]
    public async Task Hours_that_are_not_a_number_are_refused_and_a_valid_half_day_beside_them_is_not_saved()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        var training = await TrainingData.SessionAsync(portal, -2, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var refused = await staff.SubmitAsync($"/Staff/Formation/Presences/{training.SessionId}", Sheet("Present", "3,5", "Present", "trois"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Indiquez un nombre d'heures", (await PortalClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await TrainingData.RecordedAsync(portal, training.EnrolmentOf[employee.RegistrationId]));
    }

    [Fact]
    public async Task An_absence_counts_no_hour_whatever_was_typed_and_an_excused_one_tells_no_manager()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var training = await TrainingData.SessionAsync(portal, -4, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var url = $"/Staff/Formation/Presences/{training.SessionId}";

        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync(url, Sheet("Excused", "3", "Present", "")), url));

        var recorded = await TrainingData.RecordedAsync(portal, training.EnrolmentOf[employee.RegistrationId]);
        Assert.Equal(new[] { (Attendance.Excused, 0m), (Attendance.Present, 3.5m) }, recorded.Select(r => (r.Attendance, r.Hours)).ToList());
        Assert.Equal(0, MailsTo(portal, company.ManagerEmail));
    }

    [Fact]
    public async Task Attendance_for_a_trainee_not_enrolled_in_the_session_is_refused()
    {
        var company = await CompanyAsync(portal);
        var enrolled = await EmployeeAsync(portal, company, follows: false);
        var elsewhere = await EmployeeAsync(portal, company, follows: false);
        var training = await TrainingData.SessionAsync(portal, -2, enrolled.RegistrationId);
        var other = await TrainingData.SessionAsync(portal, -2, elsewhere.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var fields = Sheet("Present", "", "Present", "");
        fields["Cells[0].EnrolmentId"] = other.EnrolmentOf[elsewhere.RegistrationId].ToString();
        var refused = await staff.SubmitAsync($"/Staff/Formation/Presences/{training.SessionId}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("n'est pas inscrit à cette session", (await PortalClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await TrainingData.RecordedAsync(portal, training.EnrolmentOf[enrolled.RegistrationId]));
        Assert.Empty(await TrainingData.RecordedAsync(portal, other.EnrolmentOf[elsewhere.RegistrationId]));
    }

    [Fact]
    public async Task The_sheet_of_a_coming_session_is_read_only_and_says_when_attendance_is_recorded()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        var training = await TrainingData.SessionAsync(portal, 5, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await staff.GetAsync($"/Staff/Formation/Presences/{training.SessionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La présence se note le jour de la session", page.Body!.TextContent);
        Assert.Contains(employee.Name.Split(' ')[1], page.QuerySelector("tbody")!.TextContent);
        Assert.Null(page.QuerySelector("select"));
        Assert.Null(page.QuerySelector("input[name='Cells[0].Hours']"));
    }

    [Fact]
    public async Task An_unknown_session_is_not_found()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Formation/Presences/987654321")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.CompanyManager)]
    [InlineData(Roles.Evaluator)]
    public async Task The_staff_training_pages_are_refused_to_other_roles(string role)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        foreach (var url in new[] { "/Staff/Formation", "/Staff/Formation/Presences/1", "/Staff/Formation/Heures/1" })
            Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(url), "/Compte/AccesRefuse"), url);
    }
}
