using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>Staff convene evaluated candidates to a jury, record the decision by units, and download the minutes.</summary>
[Collection(PortalCollection.Name)]
public class JuryProceedingsTests(DemoPortal portal)
{
    private sealed record Fixture(int JuryId, int RegistrationId, string Email, string LastName, List<int> UnitIds);

    /// <summary>
    /// A candidate admissible three months ago, enrolled in an evaluation <paramref name="evaluatedDaysAgo"/> days ago
    /// (none when null), and a jury session starting in <paramref name="juryInDays"/> days, convened or not.
    /// </summary>
    private async Task<Fixture> ArrangeAsync(int juryInDays, int? evaluatedDaysAgo, bool convened)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.Select(c => c.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        Session NewSession(SessionKind kind, DateTimeOffset startsAt) => new()
        {
            CertificationId = certificationId, Kind = kind, StartsAt = startsAt, DurationMinutes = 180, PlaceName = "Centre de test", Address = "3 rue du Test",
            PostalCode = "35000", City = "Rennes", Region = Region.Ouest, Capacity = 10, RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
        };
        var lastName = "Jury" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{lastName.ToLowerInvariant()}@exemple.fr";
        var registration = new Registration
        {
            CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EducationLevel = 4, Region = Region.Ouest,
            EmploymentStatus = EmploymentStatus.Employee, RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-4)),
            AdmissibilityDecidedOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-3)),
        };
        db.Candidates.Add(new Candidate { FirstName = "Alix", LastName = lastName, Email = email, BirthDate = new DateOnly(1992, 1, 2), Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration] });
        if (evaluatedDaysAgo is { } days)
        {
            var evaluation = NewSession(SessionKind.Evaluation, now.AddDays(-days));
            evaluation.Enrolments.Add(new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = now.AddDays(-days - 20) });
            db.Sessions.Add(evaluation);
        }
        var jury = NewSession(SessionKind.Jury, now.AddDays(juryInDays));
        if (convened) jury.Enrolments.Add(new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = now.AddDays(-30) });
        db.Sessions.Add(jury);
        await db.SaveChangesAsync();
        var units = await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
        return new Fixture(jury.Id, registration.Id, email, lastName, units);
    }

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    /// <summary>The decision form of <paramref name="registrationId"/>'s card, filled; <paramref name="postedFor"/> tampers with the id sent.</summary>
    private static FormUrlEncodedContent DecisionForm(AngleSharp.Html.Dom.IHtmlDocument page, int registrationId, IEnumerable<int> units, string comment, int? postedFor = null)
    {
        var form = page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "registrationId" && e.GetAttribute("value") == registrationId.ToString())
            && (f.GetAttribute("action") ?? "").Contains("handler=Decide"));
        var token = form.Elements.First(e => e.GetAttribute("name") == "__RequestVerificationToken").GetAttribute("value")!;
        return new FormUrlEncodedContent(new[] { KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("registrationId", (postedFor ?? registrationId).ToString()),
                KeyValuePair.Create("comment", comment) }
            .Concat(units.Select(u => KeyValuePair.Create("units", u.ToString()))));
    }

    [Fact]
    public async Task Staff_convene_an_evaluated_candidate_who_gets_the_convocation_and_others_are_told_why_not()
    {
        var ready = await ArrangeAsync(juryInDays: 20, evaluatedDaysAgo: 10, convened: false);
        var notEvaluated = await ArrangeAsync(juryInDays: 21, evaluatedDaysAgo: null, convened: false);
        using var staff = await StaffAsync();

        var (_, other) = await staff.GetAsync($"/Staff/Jurys/Session/{notEvaluated.JuryId}");
        var otherRow = other.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(notEvaluated.LastName.ToUpperInvariant()));
        Assert.Contains("passé son évaluation", otherRow.TextContent);
        Assert.Empty(otherRow.QuerySelectorAll("button"));

        var (_, page) = await staff.GetAsync($"/Staff/Jurys/Session/{ready.JuryId}");
        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(ready.LastName.ToUpperInvariant()));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        var convened = await staff.PostFormAsync(form, $"/Staff/Jurys/Session/{ready.JuryId}", new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(convened, $"/Staff/Jurys/Session/{ready.JuryId}"), $"{convened.StatusCode}");
        Assert.Contains("convoqué(e) au jury", portal.Mail.LatestTo(ready.Email));

        var (_, after) = await staff.GetAsync($"/Staff/Jurys/Session/{ready.JuryId}");
        Assert.Contains("Le candidat est convoqué", after.Body!.TextContent);
        Assert.Contains(ready.LastName.ToUpperInvariant(), after.QuerySelector("section.card")!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var document = await db.CandidateDocuments.SingleAsync(d => d.RegistrationId == ready.RegistrationId);
        Assert.Contains("Jury", PdfText.Of(document.Content));

        // Convening twice is refused; the seat count does not move.
        var again = await staff.PostFormAsync(form, $"/Staff/Jurys/Session/{ready.JuryId}", new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(again, $"/Staff/Jurys/Session/{ready.JuryId}"));
        var (_, refusal) = await staff.GetAsync($"/Staff/Jurys/Session/{ready.JuryId}");
        Assert.Contains("ne peut pas être convoqué", refusal.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal(1, await db.SessionEnrolments.CountAsync(e => e.SessionId == ready.JuryId));
    }

    [Fact]
    public async Task After_the_jury_staff_record_units_the_result_follows_and_a_partial_validation_must_be_motivated()
    {
        var f = await ArrangeAsync(juryInDays: -1, evaluatedDaysAgo: 20, convened: true);
        using var staff = await StaffAsync();
        var url = $"/Staff/Jurys/Session/{f.JuryId}?handler=Decide";
        var (_, page) = await staff.GetAsync($"/Staff/Jurys/Session/{f.JuryId}");

        var unmotivated = await staff.Http.PostAsync(url, DecisionForm(page, f.RegistrationId, [f.UnitIds[0], f.UnitIds[2]], " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unmotivated.StatusCode);
        var refused = await PortalClient.ParseAsync(unmotivated);
        Assert.Contains("Motivez une validation partielle", refused.QuerySelector($"#error-{f.RegistrationId}")!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector($"#u-{f.RegistrationId}-{f.UnitIds[2]}")!).IsChecked);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector($"#u-{f.RegistrationId}-{f.UnitIds[1]}")!).IsChecked);

        var partial = await staff.Http.PostAsync(url, DecisionForm(refused, f.RegistrationId, [f.UnitIds[0], f.UnitIds[2]], "Accueil en anglais à retravailler."));
        Assert.True(PortalClient.IsRedirectTo(partial, $"/Staff/Jurys/Session/{f.JuryId}"), $"{partial.StatusCode}");
        var mail = portal.Mail.LatestTo(f.Email);
        Assert.Contains("Validation partielle", mail);
        Assert.Contains("unité 1, unité 3", mail);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var decision = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().JuryDecisions.Include(j => j.UnitResults)
                .SingleAsync(j => j.RegistrationId == f.RegistrationId);
            Assert.Equal(JuryResult.PartialValidation, decision.Result);
            Assert.Equal([f.UnitIds[0], f.UnitIds[2]], decision.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).Order());
        }

        // A correction with every unit makes it a total validation, in the same decision.
        var (_, again) = await staff.GetAsync($"/Staff/Jurys/Session/{f.JuryId}");
        var total = await staff.Http.PostAsync(url, DecisionForm(again, f.RegistrationId, f.UnitIds, ""));
        Assert.True(PortalClient.IsRedirectTo(total, $"/Staff/Jurys/Session/{f.JuryId}"));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(JuryResult.TotalValidation, (await scope.ServiceProvider.GetRequiredService<CqpDbContext>().JuryDecisions.SingleAsync(j => j.RegistrationId == f.RegistrationId)).Result);

        var minutes = await staff.Http.GetAsync($"/Staff/Jurys/Session/{f.JuryId}?handler=Minutes");
        Assert.Equal("application/pdf", minutes.Content.Headers.ContentType!.MediaType);
        var text = PdfText.Of(await minutes.Content.ReadAsByteArrayAsync());
        Assert.Contains("Procès-verbal du jury", text);
        Assert.Contains(f.LastName.ToUpperInvariant(), text);
        Assert.Contains("Validation totale", text);
    }

    [Fact]
    public async Task No_decision_before_the_jury_sits_nor_for_someone_not_convened()
    {
        var coming = await ArrangeAsync(juryInDays: 30, evaluatedDaysAgo: 5, convened: true);
        var past = await ArrangeAsync(juryInDays: -2, evaluatedDaysAgo: 20, convened: true);
        using var staff = await StaffAsync();
        var (_, page) = await staff.GetAsync($"/Staff/Jurys/Session/{past.JuryId}");
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Convene"));

        var (_, comingPage) = await staff.GetAsync($"/Staff/Jurys/Session/{coming.JuryId}");
        Assert.DoesNotContain(comingPage.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Decide"));
        var early = await staff.Http.PostAsync($"/Staff/Jurys/Session/{coming.JuryId}?handler=Decide", DecisionForm(page, past.RegistrationId, past.UnitIds, "", coming.RegistrationId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("une fois le jury tenu", (await PortalClient.ParseAsync(early)).Body!.TextContent);

        // The past session's form, posted with the registration of someone convened to another jury.
        var stranger = await staff.Http.PostAsync($"/Staff/Jurys/Session/{past.JuryId}?handler=Decide", DecisionForm(page, past.RegistrationId, past.UnitIds, "", coming.RegistrationId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().JuryDecisions.AnyAsync(j => j.RegistrationId == coming.RegistrationId));
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("jury@cqp.test")]
    [InlineData("manager@cqp.test")]
    public async Task Only_staff_open_the_jury_pages(string email)
    {
        var f = await ArrangeAsync(juryInDays: -3, evaluatedDaysAgo: 20, convened: true);
        using var user = PortalClient.For(portal);
        await user.LoginAsync(email);
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync($"/Staff/Jurys/Session/{f.JuryId}"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync($"/Staff/Jurys/Session/{f.JuryId}?handler=Minutes"), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Staff/Jurys"), "/Compte/Connexion"));
    }

    [Fact]
    public async Task An_unknown_or_non_jury_session_is_not_found()
    {
        using var staff = await StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Jurys/Session/999999")).StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var evaluationId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.Kind == SessionKind.Evaluation).Select(s => s.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Staff/Jurys/Session/{evaluationId}")).StatusCode);
        var (_, list) = await staff.GetAsync("/Staff/Jurys");
        Assert.Contains("Jurys à venir", list.Body!.TextContent);
    }
}
