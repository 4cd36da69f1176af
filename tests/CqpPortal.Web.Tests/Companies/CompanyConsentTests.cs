using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Companies;

/// <summary>« Mon entreprise peut suivre mon dossier »: asked on the form's last step when a company is named, changeable from the home page, kept in the history.</summary>
[Collection(PortalCollection.Name)]
public class CompanyConsentTests(DemoPortal portal)
{
    /// <summary>A candidate linked to <paramref name="company"/> (as a pre-registered employee) whose draft lacks only the last step.</summary>
    private async Task<PortalClient> DraftEmployeeAsync(FollowingCompany company)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, "Théo Rivière");
        await DbAsync(portal, async db =>
        {
            db.Candidates.Add(new Candidate
            {
                UserId = await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(), FirstName = "Théo", LastName = "Rivière",
                Email = client.Email!, BirthDate = new DateOnly(1995, 2, 3), Sex = Sex.Male, Region = Region.Ouest, CompanyId = company.Id,
                Registrations =
                [
                    new Registration
                    {
                        CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training,
                        Funding = Funding.Cpf, EmploymentStatus = EmploymentStatus.Employee, EmployerName = company.Name, EducationLevel = 4,
                        TeleSecretaryMonths = 12, Region = Region.Ouest,
                        Proofs = [new RegistrationProof { Kind = ProofKind.Experience, FileName = "attestation.pdf", ContentType = "application/pdf", Length = Registrations.ProofUpload.Pdf.Length, Content = Registrations.ProofUpload.Pdf }],
                    },
                ],
            });
            return await db.SaveChangesAsync();
        });
        return client;
    }

    private Task<Registration> RegistrationOfAsync(string email) =>
        DbAsync(portal, db => db.Registrations.Include(r => r.History).AsNoTracking().SingleAsync(r => r.Candidate!.Email == email));

    [Fact]
    public async Task An_employee_must_say_whether_the_company_may_follow_the_file_before_sending_it_and_the_form_keeps_what_was_ticked()
    {
        var company = await CompanyAsync(portal);
        using var employee = await DraftEmployeeAsync(company);
        var (_, step) = await employee.GetAsync("/Candidat/Inscription/Envoi");
        Assert.Contains("Mon entreprise peut suivre mon dossier", step.QuerySelector("fieldset legend")!.TextContent);
        Assert.Contains("verront vos convocations", step.Body!.TextContent);

        var refused = await employee.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("oui ou non", page.QuerySelector("#follow-error")!.TextContent);
        Assert.True(page.QuerySelector("#Consent")!.HasAttribute("checked"));
        Assert.Equal(RegistrationState.Draft, (await RegistrationOfAsync(employee.Email!)).State);

        var sent = await employee.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true", ["CompanyMayFollow"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Candidat"), $"{sent.StatusCode}");
        var registration = await RegistrationOfAsync(employee.Email!);
        Assert.Equal(RegistrationState.Submitted, registration.State);
        Assert.True(registration.CompanyMayFollow);
        Assert.NotNull(registration.CompanyConsentAt);
        Assert.Contains(registration.History, h => h.Comment == "Suivi du dossier par l'entreprise : accepté par le candidat");

        // Staff read the answer in the admissibility file.
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (_, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{registration.Id}");
        Assert.Equal("oui", file.QuerySelector("#company-follows")!.TextContent);
    }

    [Fact]
    public async Task A_candidate_who_names_no_company_is_not_asked()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        await DbAsync(portal, async db =>
        {
            db.Candidates.Add(new Candidate
            {
                UserId = await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(), FirstName = "Léa", LastName = "Sansemploi",
                Email = client.Email!, BirthDate = new DateOnly(1995, 2, 3), Sex = Sex.Female, Region = Region.Ouest,
                Registrations = [new Registration { CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Free,
                    Funding = Funding.Personal, EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 4, Region = Region.Ouest,
                    Proofs = [new RegistrationProof { Kind = ProofKind.Experience, FileName = "attestation.pdf", ContentType = "application/pdf", Length = Registrations.ProofUpload.Pdf.Length, Content = Registrations.ProofUpload.Pdf }], }],
            });
            return await db.SaveChangesAsync();
        });
        var (_, step) = await client.GetAsync("/Candidat/Inscription/Envoi");
        Assert.DoesNotContain("Mon entreprise peut suivre", step.Body!.TextContent);
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" }), "/Candidat"));
        Assert.Null((await RegistrationOfAsync(client.Email!)).CompanyMayFollow);
    }

    [Fact]
    public async Task The_candidate_changes_the_answer_from_the_home_page_and_each_answer_is_kept_in_the_history()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: false);
        using var client = PortalClient.For(portal);
        await client.LoginAsync(employee.Email, TestAccounts.Password);

        var (_, home) = await client.GetAsync("/Candidat");
        Assert.Equal("non", home.QuerySelector($"#follow-{employee.RegistrationId}")!.TextContent);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)home.QuerySelector("form.company-following")!;
        var changed = await client.PostFormAsync(form, "/Candidat", new Dictionary<string, string> { ["follow"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(changed, "/Candidat"), $"{changed.StatusCode}");
        var (_, after) = await client.GetAsync("/Candidat");
        Assert.Equal("oui", after.QuerySelector($"#follow-{employee.RegistrationId}")!.TextContent);
        Assert.Contains("votre entreprise peut suivre votre dossier", after.QuerySelector("[role='status']")!.TextContent);

        var registration = await RegistrationOfAsync(employee.Email);
        Assert.True(registration.CompanyMayFollow);
        Assert.Contains(registration.History, h => h.Comment?.Contains("accepté par le candidat") == true);

        // The manager now sees the file.
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync(company.ManagerEmail, TestAccounts.Password);
        Assert.Contains("Recevable", (await manager.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}")).Document.Body!.TextContent);

        // Someone else's registration id: 404, nothing changed.
        var other = await EmployeeAsync(portal, company, follows: true);
        var token = after.QuerySelector("form.company-following input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var foreign = await client.Http.PostAsync("/Candidat?handler=CompanyFollowing", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["registrationId"] = other.RegistrationId.ToString(), ["follow"] = "false",
        }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.True((await RegistrationOfAsync(other.Email)).CompanyMayFollow);
    }
}
