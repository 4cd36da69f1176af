using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>
/// A second certification added as data only: the registration form asks which one is targeted, and the prerequisite
/// check of the summary and of staff's admissibility pages applies that certification's thresholds.
/// </summary>
public class SecondCertificationTests
{
    [Fact]
    public async Task A_candidate_chooses_the_certification_and_its_own_thresholds_apply()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("twocerts"), demoData: false);
        int second;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certification = new Certification
            {
                Code = "CCS-RC", Title = "CCS Relation client à distance", Kind = "CCS",
                Prerequisites = new PrerequisiteThresholds
                {
                    TeleSecretaryMonths = 36, TeleSecretaryMonthsWithLevel4 = 24, PhoneJobMonths = 48, PhoneJobMonthsWithLevel4 = 36,
                    PhoneJobMinimumPhoneShare = 50, VaeRelatedExperienceMonths = 36, Text = "Deux ans d'expérience de la relation client à distance.",
                },
            };
            db.Certifications.Add(certification);
            await db.SaveChangesAsync();
            second = certification.Id;
        }
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Durand", ["Input.Phone"] = "06 11 22 33 44",
            ["Input.BirthDate"] = "1990-04-12", ["Input.Sex"] = "Female", ["Input.Region"] = "Bretagne",
        }), "/Candidat/Inscription/Parcours"));

        var (_, page) = await client.GetAsync("/Candidat/Inscription/Parcours");
        var options = page.QuerySelectorAll("#certification option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("CCS Relation client à distance", options);
        Assert.Equal(3, options.Count); // « Choisissez », the CQP, the CCS
        var course = new Dictionary<string, string>
        {
            ["Input.Route"] = "Training", ["Input.Funding"] = "Personal", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EducationLevel"] = "4", ["Input.DiplomaGroup"] = "GeneralBaccalaureate",
            ["Input.CertificationId"] = "",
        };
        var refused = await client.SubmitAsync("/Candidat/Inscription/Parcours", course);
        var refusedPage = await PortalClient.ParseAsync(refused);
        Assert.Contains("Choisissez la certification visée", refusedPage.QuerySelector("#certification-error")!.TextContent);
        Assert.NotNull(refusedPage.QuerySelector("#route-Training")!.GetAttribute("checked")); // what was chosen stays chosen

        course["Input.CertificationId"] = second.ToString();
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Parcours", course), "/Candidat/Inscription/Experience"));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Experience", new Dictionary<string, string>
        {
            ["Input.TeleSecretaryMonths"] = "7", ["Input.PhoneJobMonths"] = "0", ["Input.PhoneTimeShare"] = "0", ["Input.PhoneJobKind"] = "", ["Input.Sectors"] = "",
        }), "/Candidat/Inscription/Justificatifs"));

        // 7 months with level 4 is enough for the CQP (6) but not for this certification (24): its thresholds apply.
        var (_, summary) = await client.GetAsync("/Candidat/Inscription/Envoi");
        Assert.Contains("les conditions d'accès ne sont pas remplies", summary.Body!.TextContent);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var registration = await db.Registrations.SingleAsync(r => r.Candidate!.Email == client.Email);
            Assert.Equal(second, registration.CertificationId);
            registration.State = RegistrationState.Admissible; // as if staff had decided
            await db.SaveChangesAsync();
        }

        // Staff create a session: the certification is asked, and required.
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Sam Staff");
        var year = DateTime.UtcNow.Year + 1;
        Dictionary<string, string> Session(string certification, string place) => new()
        {
            ["Input.CertificationId"] = certification, ["Input.Kind"] = "Evaluation", ["Input.Date"] = $"{year}-03-10", ["Input.Start"] = "09:30",
            ["Input.DurationMinutes"] = "220", ["Input.PlaceName"] = place, ["Input.Address"] = "5 rue de la Paix", ["Input.PostalCode"] = "59000",
            ["Input.City"] = "Lille", ["Input.Region"] = "Nord", ["Input.Capacity"] = "10", ["Input.RegistrationDeadline"] = $"{year}-03-01",
        };
        var noChoice = await staff.SubmitAsync("/Staff/Sessions/Edition", Session("", "Salle sans choix"));
        Assert.Contains("Choisissez la certification.", (await PortalClient.ParseAsync(noChoice)).QuerySelector("#certification-error")!.TextContent);
        int first;
        await using (var scope = portal.Services.CreateAsyncScope())
            first = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Certifications.Where(c => c.Id != second).Select(c => c.Id).SingleAsync();
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync("/Staff/Sessions/Edition", Session(second.ToString(), "Salle relation client")), "/Staff/Sessions"));
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync("/Staff/Sessions/Edition", Session(first.ToString(), "Salle télésecrétariat")), "/Staff/Sessions"));

        // The candidate sees and may join only the sessions of their certification.
        var (_, sessions) = await client.GetAsync("/Candidat/Sessions");
        Assert.Contains("Salle relation client", sessions.Body!.TextContent);
        Assert.DoesNotContain("Salle télésecrétariat", sessions.Body.TextContent);
        int other;
        await using (var scope = portal.Services.CreateAsyncScope())
            other = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(x => x.PlaceName == "Salle télésecrétariat").Select(x => x.Id).SingleAsync();
        var token = sessions.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.Http.PostAsync("/Candidat/Sessions?handler=SignUp", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["sessionId"] = other.ToString(),
        }));
        Assert.Contains("autre certification", (await client.GetAsync("/Candidat/Sessions")).Document.QuerySelector("[role=status]")!.TextContent);
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments.AnyAsync(e => e.SessionId == other));
    }
}
