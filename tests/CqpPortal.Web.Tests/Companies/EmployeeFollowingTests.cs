using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Companies;

/// <summary>
/// What a manager sees of an employee (EmployeeFollowing): convocations, admissibility and the final jury result of
/// employees who agreed; only « une inscription existe » of the others; 404 for another company's employee, a
/// manager not approved yet, or an unknown id.
/// </summary>
[Collection(PortalCollection.Name)]
public class EmployeeFollowingTests(DemoPortal portal)
{
    private async Task<PortalClient> AsAsync(string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, TestAccounts.Password);
        return client;
    }

    [Fact]
    public async Task A_manager_sees_the_coming_convocation_the_admissibility_and_the_final_jury_result_of_an_employee_who_agreed()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        await SessionAsync(portal, 12, [employee.RegistrationId], place: "Centre Horizon");
        await SessionAsync(portal, -40, [employee.RegistrationId], place: "Salle passée");
        await DbAsync(portal, async db =>
        {
            var units = await db.CertificationUnits.OrderBy(u => u.Number).Where(u => u.Certification!.Id == db.Registrations.Single(r => r.Id == employee.RegistrationId).CertificationId).ToListAsync();
            db.JuryDecisions.Add(new JuryDecision
            {
                RegistrationId = employee.RegistrationId, DecidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)), Result = JuryResult.PartialValidation,
                Comment = "Observation réservée au candidat.",
                UnitResults = units.Select((u, i) => new JuryUnitResult { UnitId = u.Id, Validated = i < 2 }).ToList(),
            });
            return await db.SaveChangesAsync();
        });
        using var manager = await AsAsync(company.ManagerEmail);

        var (_, home) = await manager.GetAsync("/Entreprise");
        var row = home.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(employee.Name));
        Assert.Contains("Recevable", row.TextContent);
        Assert.Contains("Centre Horizon", row.TextContent);
        Assert.Contains("Validation partielle", row.TextContent);
        Assert.NotNull(home.QuerySelector($"a[href='/Entreprise/Salarie/{employee.RegistrationId}']"));

        var (response, file) = await manager.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = file.Body!.TextContent;
        Assert.Contains("Recevable", text);
        Assert.Contains("Évaluation", text);
        Assert.Contains("Centre Horizon", text);
        Assert.Contains("12 rue des Tests, 35000 Rennes", text);
        Assert.DoesNotContain("Salle passée", text); // only coming convocations
        Assert.Contains("Validation partielle", text);
        Assert.Contains("Unité 1", text);
        Assert.Contains("non validée", text);
        Assert.DoesNotContain("Observation réservée", text); // the jury's observations are the candidate's
    }

    [Fact]
    public async Task Of_an_employee_who_did_not_agree_or_did_not_answer_the_manager_sees_only_that_a_registration_exists()
    {
        var company = await CompanyAsync(portal);
        var refused = await EmployeeAsync(portal, company, follows: false, RegistrationState.NotAdmissible, "Motif confidentiel.");
        var silent = await EmployeeAsync(portal, company, follows: null);
        await SessionAsync(portal, 12, [refused.RegistrationId, silent.RegistrationId], place: "Centre Secret");
        using var manager = await AsAsync(company.ManagerEmail);

        var (_, home) = await manager.GetAsync("/Entreprise");
        foreach (var employee in new[] { refused, silent })
        {
            var row = home.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(employee.Name));
            Assert.Contains("Une inscription existe", row.TextContent);
            Assert.DoesNotContain("recevable", row.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Centre Secret", row.TextContent);
            Assert.Null(row.QuerySelector("a"));

            var (response, file) = await manager.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Une inscription existe", file.Body!.TextContent);
            Assert.Contains(employee.Name, file.Body.TextContent);
            Assert.DoesNotContain("Centre Secret", file.Body.TextContent);
            Assert.DoesNotContain("Motif confidentiel", file.Body.TextContent);
            Assert.DoesNotContain("Non recevable", file.Body.TextContent);
        }
    }

    [Fact]
    public async Task Another_companys_employee_a_manager_not_approved_yet_and_an_unknown_id_all_get_404()
    {
        var company = await CompanyAsync(portal);
        var other = await CompanyAsync(portal);
        var pending = await CompanyAsync(portal, approved: false);
        var employee = await EmployeeAsync(portal, company, follows: true);
        await EmployeeAsync(portal, pending, follows: true);

        using (var otherManager = await AsAsync(other.ManagerEmail))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.Http.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.Http.GetAsync("/Entreprise/Salarie/999999999")).StatusCode);
            Assert.DoesNotContain(employee.Name, (await otherManager.GetAsync("/Entreprise")).Document.Body!.TextContent);
        }
        using (var notApproved = await AsAsync(pending.ManagerEmail))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await notApproved.Http.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}")).StatusCode);
            Assert.DoesNotContain("Zoé", (await notApproved.GetAsync("/Entreprise")).Document.Body!.TextContent);
        }
        // Another role never opens the company area.
        using var candidate = await AsAsync(employee.Email);
        Assert.True(PortalClient.IsRedirectTo(await candidate.Http.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}"), "/Compte/AccesRefuse"));
    }

    [Fact]
    public async Task On_the_calendar_a_manager_sees_which_of_the_employees_who_agreed_are_enrolled_in_each_session()
    {
        var company = await CompanyAsync(portal);
        var follows = await EmployeeAsync(portal, company, follows: true);
        var refuses = await EmployeeAsync(portal, company, follows: false);
        var sessionId = await SessionAsync(portal, 15, [follows.RegistrationId, refuses.RegistrationId]);
        using var manager = await AsAsync(company.ManagerEmail);

        var (_, calendar) = await manager.GetAsync("/calendrier");
        var row = calendar.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/calendrier/{sessionId}']") is not null);
        Assert.Contains($"Vos salariés inscrits : {follows.Name}", row.TextContent);
        Assert.DoesNotContain(refuses.Name, calendar.Body!.TextContent);

        using var otherManager = await AsAsync((await CompanyAsync(portal)).ManagerEmail);
        Assert.DoesNotContain(follows.Name, (await otherManager.GetAsync("/calendrier")).Document.Body!.TextContent);
    }
}
