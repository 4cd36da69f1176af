using CqpPortal.Domain.Prerequisites;
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
            ["Input.BirthDate"] = "1990-04-12", ["Input.Sex"] = "Female", ["Input.Region"] = "Ouest",
        }), "/Candidat/Inscription/Parcours"));

        var (_, page) = await client.GetAsync("/Candidat/Inscription/Parcours");
        var options = page.QuerySelectorAll("#certification option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("CCS Relation client à distance", options);
        Assert.Equal(3, options.Count); // « Choisissez », the CQP, the CCS
        var course = new Dictionary<string, string>
        {
            ["Input.Route"] = "Training", ["Input.Funding"] = "Personal", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EducationLevel"] = "4",
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
        }), "/Candidat/Inscription/Envoi"));

        // 7 months with level 4 is enough for the CQP (6) but not for this certification (24): its thresholds apply.
        var (_, summary) = await client.GetAsync("/Candidat/Inscription/Envoi");
        Assert.Contains("les conditions d'accès ne sont pas remplies", summary.Body!.TextContent);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            Assert.Equal(second, await db.Registrations.Where(r => r.Candidate!.Email == client.Email).Select(r => r.CertificationId).SingleAsync());
        }
    }
}
