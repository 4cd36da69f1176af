using System.Net;
using CqpPortal.Domain.Time;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Companies;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;
using static CqpPortal.Web.Tests.Training.PlanningBuilders;

namespace CqpPortal.Web.Tests.Training;

/// <summary>
/// The convocation to a training session (/Formation/Convocation/{sessionId}/{registrationId}?format=pdf|ics): the
/// trainee, staff and the manager of a followed employee download it while the trainee is enrolled; anyone else, or a
/// trainee not enrolled, gets what an unknown id gets.
/// </summary>
[Collection(PortalCollection.Name)]
public class ConvocationRouteTests(DemoPortal portal)
{
    private static string Url(int sessionId, int registrationId, string format = "pdf") => $"/Formation/Convocation/{sessionId}/{registrationId}?format={format}";

    private async Task<(FollowingCompany Company, FollowedEmployee Trainee, BuiltTrainingSession Session)> EnrolledAsync(bool? follows = true)
    {
        var company = await CompanyAsync(portal);
        var trainee = await EmployeeAsync(portal, company, follows);
        var session = await SessionAsync(portal, 12, trainee.RegistrationId);
        return (company, trainee, session);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, TestAccounts.Password);
        return client;
    }

    [Fact]
    public async Task A_trainee_downloads_the_pdf_convocation_to_a_session_she_is_enrolled_in()
    {
        var (_, trainee, session) = await EnrolledAsync();
        using var client = await SignedInAsync(trainee.Email);

        var response = await client.Http.GetAsync(Url(session.Id, trainee.RegistrationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"convocation-formation-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Convocation à la formation", text);
        foreach (var fact in new[] { trainee.Name, session.Module, session.PlaceName, session.Room, session.TrainerName, "de 9 h à 17 h" }) Assert.Contains(fact, text);
    }

    [Fact]
    public async Task A_trainee_adds_the_session_to_her_agenda_with_the_ics_file()
    {
        var (_, trainee, session) = await EnrolledAsync();
        using var client = await SignedInAsync(trainee.Email);

        var response = await client.Http.GetAsync(Url(session.Id, trainee.RegistrationId, "ics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var ics = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", ""); // long lines unfolded (RFC 5545)
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"DTSTART:{session.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics);
        Assert.Contains(session.Module, ics);
    }

    [Fact]
    public async Task Another_trainees_registration_or_session_is_not_found()
    {
        var (_, trainee, mine) = await EnrolledAsync();
        var (_, other, theirs) = await EnrolledAsync();
        using var client = await SignedInAsync(trainee.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(theirs.Id, other.RegistrationId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(mine.Id, other.RegistrationId, "ics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(theirs.Id, trainee.RegistrationId))).StatusCode);
    }

    [Fact]
    public async Task A_trainee_taken_off_the_session_or_whose_session_is_cancelled_is_not_found()
    {
        var (_, trainee, takenOff) = await EnrolledAsync();
        var cancelled = await SessionAsync(portal, 14, trainee.RegistrationId);
        await CancelAsync(portal, takenOff.Id, trainee.RegistrationId);
        await CancelAsync(portal, cancelled.Id);
        using var client = await SignedInAsync(trainee.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(takenOff.Id, trainee.RegistrationId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(cancelled.Id, trainee.RegistrationId, "ics"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_is_not_found()
    {
        var (_, trainee, session) = await EnrolledAsync();
        using var client = await SignedInAsync(trainee.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(session.Id, trainee.RegistrationId, "docx"))).StatusCode);
    }

    [Fact]
    public async Task The_manager_of_an_employee_who_agreed_to_be_followed_downloads_her_convocation()
    {
        var (company, trainee, session) = await EnrolledAsync(follows: true);
        using var manager = await SignedInAsync(company.ManagerEmail);

        var response = await manager.Http.GetAsync(Url(session.Id, trainee.RegistrationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(trainee.Name, PdfText.Of(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_manager_of_an_employee_who_refused_to_be_followed_is_not_found()
    {
        var (company, trainee, session) = await EnrolledAsync(follows: false);
        using var manager = await SignedInAsync(company.ManagerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(Url(session.Id, trainee.RegistrationId))).StatusCode);
    }

    [Fact]
    public async Task Another_companys_manager_is_not_found()
    {
        var (_, trainee, session) = await EnrolledAsync(follows: true);
        var otherCompany = await CompanyAsync(portal);
        using var manager = await SignedInAsync(otherCompany.ManagerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(Url(session.Id, trainee.RegistrationId))).StatusCode);
    }

    [Fact]
    public async Task Staff_download_any_trainees_convocation()
    {
        var (_, trainee, session) = await EnrolledAsync(follows: false);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(Url(session.Id, trainee.RegistrationId, "ics"))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.SistAnalyst)]
    public async Task Other_roles_are_not_found(string role)
    {
        var (_, trainee, session) = await EnrolledAsync();
        using var client = await TestAccounts.SignedInAsync(portal, role);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(session.Id, trainee.RegistrationId))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var (_, trainee, session) = await EnrolledAsync();
        using var client = PortalClient.For(portal);

        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(Url(session.Id, trainee.RegistrationId)), "/Compte/Connexion?ReturnUrl="));
    }
}
