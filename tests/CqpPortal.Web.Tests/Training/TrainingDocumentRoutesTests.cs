using System.Globalization;
using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Companies;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>
/// The trainee's PDFs (/Formation/Releve/{id}/{yyyy-MM}, /Formation/Attestation/{id}) for staff, the trainee and the
/// managers who follow them; everyone else gets what an unknown id gets, anonymous visitors the login page.
/// </summary>
[Collection(PortalCollection.Name)]
public class TrainingDocumentRoutesTests(DemoPortal portal)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>An employee of a new company with one past training day: present 3.5 h in the morning, absent in the afternoon.</summary>
    private async Task<(FollowingCompany Company, FollowedEmployee Employee, PlannedTraining Training)> TraineeAsync(bool follows)
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows);
        await TrainingData.PathAsync(portal, employee.RegistrationId);
        var training = await TrainingData.SessionAsync(portal, -3, employee.RegistrationId);
        await TrainingData.RecordAsync(portal, training.EnrolmentOf[employee.RegistrationId], HalfDay.Morning, Attendance.Present, 3.5m);
        await TrainingData.RecordAsync(portal, training.EnrolmentOf[employee.RegistrationId], HalfDay.Afternoon, Attendance.Absent, 0);
        return (company, employee, training);
    }

    private static string Statement(FollowedEmployee employee, PlannedTraining training) =>
        $"/Formation/Releve/{employee.RegistrationId}/{training.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    private static async Task<string> PdfAsync(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return PdfText.Of(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Staff_download_the_monthly_statement_with_the_trainee_the_month_and_the_hours()
    {
        var (_, employee, training) = await TraineeAsync(follows: false);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var text = await PdfAsync(await staff.Http.GetAsync(Statement(employee, training)), $"releve-presence-{training.Day:yyyy-MM}.pdf");

        Assert.Contains("Relevé mensuel de présence", text);
        Assert.Contains(employee.Name, text);
        Assert.Contains(training.Day.ToString("MMMM yyyy", French), text);
        Assert.Contains("3,5 h", text);
        Assert.Contains("absences : 1 demi-journée(s)", text);
    }

    [Fact]
    public async Task The_trainee_downloads_her_own_statement_and_certificate_but_not_another_trainees()
    {
        var (_, employee, training) = await TraineeAsync(follows: false);
        var (_, other, otherTraining) = await TraineeAsync(follows: false);
        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync(employee.Email, TestAccounts.Password);

        Assert.Contains(employee.Name, await PdfAsync(await candidate.Http.GetAsync(Statement(employee, training)), $"releve-presence-{training.Day:yyyy-MM}.pdf"));
        var certificate = await PdfAsync(await candidate.Http.GetAsync($"/Formation/Attestation/{employee.RegistrationId}"), "attestation-fin-de-formation.pdf");
        Assert.Contains("Attestation de fin de formation", certificate);
        Assert.Contains(employee.Name, certificate);
        Assert.Contains("3,5 h", certificate);

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync(Statement(other, otherTraining))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync($"/Formation/Attestation/{other.RegistrationId}")).StatusCode);
    }

    [Fact]
    public async Task The_manager_of_a_followed_employee_downloads_the_documents_and_other_managers_get_not_found()
    {
        var (company, followed, training) = await TraineeAsync(follows: true);
        var (refusingCompany, refusing, refusingTraining) = await TraineeAsync(follows: false);
        var otherCompany = await CompanyAsync(portal);

        using var manager = PortalClient.For(portal);
        await manager.LoginAsync(company.ManagerEmail, TestAccounts.Password);
        Assert.Contains(followed.Name, await PdfAsync(await manager.Http.GetAsync(Statement(followed, training)), $"releve-presence-{training.Day:yyyy-MM}.pdf"));
        Assert.Contains(followed.Name, await PdfAsync(await manager.Http.GetAsync($"/Formation/Attestation/{followed.RegistrationId}"), "attestation-fin-de-formation.pdf"));

        using var managerOfRefusing = PortalClient.For(portal);
        await managerOfRefusing.LoginAsync(refusingCompany.ManagerEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await managerOfRefusing.Http.GetAsync(Statement(refusing, refusingTraining))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await managerOfRefusing.Http.GetAsync($"/Formation/Attestation/{refusing.RegistrationId}")).StatusCode);

        using var stranger = PortalClient.For(portal);
        await stranger.LoginAsync(otherCompany.ManagerEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(Statement(followed, training))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/Formation/Attestation/{followed.RegistrationId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.JuryMember)]
    [InlineData(Roles.SistAnalyst)]
    public async Task Other_roles_get_not_found(string role)
    {
        var (_, employee, training) = await TraineeAsync(follows: true);
        using var client = await TestAccounts.SignedInAsync(portal, role);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Statement(employee, training))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Formation/Attestation/{employee.RegistrationId}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Formation/Releve/1/2027-03"), "/Compte/Connexion?ReturnUrl="));
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Formation/Attestation/1"), "/Compte/Connexion?ReturnUrl="));
    }

    [Theory]
    [InlineData("2027-13")]
    [InlineData("2027-3")]
    [InlineData("mars")]
    [InlineData("2027-03-01")]
    public async Task A_malformed_month_is_not_found(string month)
    {
        var (_, employee, _) = await TraineeAsync(follows: false);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Formation/Releve/{employee.RegistrationId}/{month}")).StatusCode);
    }

    [Fact]
    public async Task The_certificate_asked_for_before_the_last_training_session_answers_why_in_french()
    {
        var (_, employee, _) = await TraineeAsync(follows: false);
        await TrainingData.SessionAsync(portal, 10, employee.RegistrationId);
        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync(employee.Email, TestAccounts.Password);

        var (response, page) = await candidate.GetAsync($"/Formation/Attestation/{employee.RegistrationId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("disponible après la dernière session de formation prévue", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/Candidat/Formation/Heures']") ?? page.QuerySelector("a[href='/Candidat/Formation/Heures']"));
    }
}
