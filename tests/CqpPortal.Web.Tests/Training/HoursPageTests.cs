using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The staff hours page (/Staff/Formation/Heures/{id}) and the trainees list (/Staff/Formation).</summary>
[Collection(PortalCollection.Name)]
public class HoursPageTests(DemoPortal portal)
{
    [Fact]
    public async Task Staff_read_the_hours_per_unit_the_half_days_and_the_documents_of_a_trainee()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        await TrainingData.PathAsync(portal, employee.RegistrationId, hours: 70);
        var training = await TrainingData.SessionAsync(portal, -3, employee.RegistrationId);
        var enrolment = training.EnrolmentOf[employee.RegistrationId];
        await TrainingData.RecordAsync(portal, enrolment, HalfDay.Morning, Attendance.Present, 3.5m);
        await TrainingData.RecordAsync(portal, enrolment, HalfDay.Afternoon, Attendance.Absent, 0);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await staff.GetAsync($"/Staff/Formation/Heures/{employee.RegistrationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("3,5 h suivies sur 70 h prévues", text);
        Assert.Contains(FrenchFormat.LongDate(training.Day), page.QuerySelector("#half-days + .table-scroll")!.TextContent);
        Assert.Contains("absent", page.QuerySelector("#absences + ul")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Releve/{employee.RegistrationId}/{training.Day:yyyy-MM}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Attestation/{employee.RegistrationId}']"));
    }

    [Fact]
    public async Task The_certificate_is_not_offered_while_a_training_session_is_coming_and_the_page_says_why()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        var past = await TrainingData.SessionAsync(portal, -3, employee.RegistrationId);
        await TrainingData.SessionAsync(portal, 10, employee.RegistrationId);
        await TrainingData.RecordAsync(portal, past.EnrolmentOf[employee.RegistrationId], HalfDay.Morning, Attendance.Present, 3.5m);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (_, page) = await staff.GetAsync($"/Staff/Formation/Heures/{employee.RegistrationId}");

        Assert.Contains("disponible après la dernière session de formation prévue", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("a[href^='/Formation/Attestation/']"));
    }

    [Fact]
    public async Task A_waiver_without_a_reason_is_refused_in_french_and_a_too_long_one_keeps_its_text()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        await TrainingData.PathAsync(portal, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var url = $"/Staff/Formation/Heures/{employee.RegistrationId}";

        var empty = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Indiquez la raison de la dérogation", (await PortalClient.ParseAsync(empty)).QuerySelector("[role=alert]")!.TextContent);

        var longReason = "Évaluation avancée à la demande de l'entreprise. " + new string('x', 1000);
        var tooLong = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = longReason });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(longReason, (await PortalClient.ParseAsync(tooLong)).QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Null(await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId).Select(p => p.EvaluationWaiverReason).SingleAsync()));
    }

    [Fact]
    public async Task A_waiver_with_its_reason_is_recorded_and_shown()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        await TrainingData.PathAsync(portal, employee.RegistrationId);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var url = $"/Staff/Formation/Heures/{employee.RegistrationId}";
        const string reason = "Session d'évaluation unique dans la région avant l'été.";

        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = reason }), url));

        var (_, page) = await staff.GetAsync(url);
        Assert.Contains("Dérogation enregistrée", page.Body!.TextContent);
        Assert.Contains($"« {reason} »", page.Body.TextContent);
        Assert.Equal(reason, await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId).Select(p => p.EvaluationWaiverReason).SingleAsync()));
    }

    [Fact]
    public async Task The_trainees_list_shows_the_path_state_and_hours_and_filters_by_name_and_path_to_sign()
    {
        var company = await CompanyAsync(portal);
        var signed = await EmployeeAsync(portal, company, follows: false);
        var unsigned = await EmployeeAsync(portal, company, follows: false);
        await TrainingData.PathAsync(portal, signed.RegistrationId, hours: 21);
        await DbAsync(portal, async db =>
        {
            var unitId = await db.CertificationUnits.OrderBy(u => u.CertificationId).ThenBy(u => u.Number).Select(u => u.Id).FirstAsync();
            db.TrainingPaths.Add(new Data.TrainingPath { RegistrationId = unsigned.RegistrationId, Version = 1, CreatedByUserId = "staff", Units = [new() { UnitId = unitId, PlannedHours = 35 }] });
            return await db.SaveChangesAsync();
        });
        var training = await TrainingData.SessionAsync(portal, -3, signed.RegistrationId);
        await TrainingData.RecordAsync(portal, training.EnrolmentOf[signed.RegistrationId], HalfDay.Morning, Attendance.Present, 3.5m);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await staff.GetAsync($"/Staff/Formation?q={Uri.EscapeDataString(signed.Name)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("tbody tr").Single();
        Assert.Contains(signed.Name, row.TextContent);
        Assert.Contains("Signé (version 1)", row.TextContent);
        Assert.Contains("3,5 h / 21 h", row.TextContent);
        Assert.Contains(company.Name, row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/Staff/Formation/Heures/{signed.RegistrationId}']"));

        var lastName = unsigned.Name.Split(' ')[1];
        var (_, toSign) = await staff.GetAsync($"/Staff/Formation?aSigner=true&q={lastName}");
        Assert.Contains("À signer (version 1)", toSign.QuerySelector("tbody tr")!.TextContent);
        var (_, none) = await staff.GetAsync($"/Staff/Formation?aSigner=true&q={Uri.EscapeDataString(signed.Name)}");
        Assert.Contains("Aucun stagiaire ne correspond", none.Body!.TextContent);
    }

    [Fact]
    public async Task An_unknown_registration_is_not_found_on_the_hours_page()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Formation/Heures/987654321")).StatusCode);
    }
}
