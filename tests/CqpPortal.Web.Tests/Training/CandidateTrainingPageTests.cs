using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The trainee's page (/Candidat/Formation): both positionings, the current path, and their signature.</summary>
[Collection(PortalCollection.Name)]
public class CandidateTrainingPageTests(DemoPortal portal)
{
    [Fact]
    public async Task The_demo_trainee_reads_both_positionings_and_her_signed_path_with_the_cpf_wording_of_each_unit()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test");

        var (response, page) = await client.GetAsync("/Candidat/Formation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Pré-positionnement de l'entreprise", text);
        Assert.Contains("Bloc de compétences n° 1", text);
        Assert.Null(page.QuerySelector("form button[type=submit].button"));
    }

    [Fact]
    public async Task A_trainee_signs_the_version_proposed_to_her_and_the_signature_is_recorded_once()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        var version = await DbAsync(portal, async db =>
        {
            var path = new TrainingPath { RegistrationId = employee.RegistrationId, Version = 1, CreatedByUserId = "staff" };
            var unitId = await db.CertificationUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            path.Units.Add(new TrainingPathUnit { UnitId = unitId, PlannedHours = 70, Modules = ["Accueil téléphonique"] });
            db.TrainingPaths.Add(path);
            await db.SaveChangesAsync();
            return path.Version;
        });
        using var client = PortalClient.For(portal);
        await client.LoginAsync(employee.Email, TestAccounts.Password);

        var signed = await client.SubmitAsync("/Candidat/Formation", new Dictionary<string, string> { ["version"] = version.ToString() });

        Assert.True(PortalClient.IsRedirectTo(signed, "/Candidat/Formation"));
        Assert.NotNull(await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId).Select(p => p.CandidateSignedAt).SingleAsync()));
        var again = await client.Http.GetAsync("/Candidat/Formation");
        Assert.DoesNotContain("Signer mon parcours", await again.Content.ReadAsStringAsync());
    }
}
