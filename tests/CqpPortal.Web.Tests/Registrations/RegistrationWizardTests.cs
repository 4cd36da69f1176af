using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

[Collection(PortalCollection.Name)]
public class RegistrationWizardTests(DemoPortal portal)
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Durand", ["Input.Phone"] = "06 11 22 33 44",
        ["Input.BirthDate"] = "1990-04-12", ["Input.Sex"] = "Female", ["Input.Region"] = "Bretagne",
    };

    private static Dictionary<string, string> Course(string siret) => new()
    {
        ["Input.Route"] = "Training", ["Input.Funding"] = "ProA", ["Input.EmploymentStatus"] = "Employee",
        ["Input.EmployerName"] = "Permanence Plus", ["Input.EmployerSiret"] = siret, ["Input.EducationLevel"] = "4", ["Input.DiplomaGroup"] = "ProfessionalBaccalaureate", ["Input.HighestDiploma"] = "Bac pro",
    };

    private static readonly Dictionary<string, string> Experience = new()
    {
        ["Input.TeleSecretaryMonths"] = "7", ["Input.PhoneJobMonths"] = "0", ["Input.PhoneTimeShare"] = "0", ["Input.PhoneJobKind"] = "",
        ["Input.Sectors"] = "medical-secretariat", ["Input.OtherSector"] = "Crèche",
    };

    private async Task<string> SiretOfSecondDemoCompanyAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.Companies.OrderBy(c => c.Id).Skip(1).Select(c => c.Siret).FirstAsync();
    }

    [Fact]
    public async Task A_candidate_fills_the_five_steps_across_visits_and_submits_for_the_admissibility_decision()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var siret = await SiretOfSecondDemoCompanyAsync();

        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));
        // The draft is kept: leave and come back later.
        await client.LogoutAsync();
        await client.LoginAsync(client.Email!, TestAccounts.Password);
        var (_, identity) = await client.GetAsync("/Candidat/Inscription/Identite");
        Assert.Equal("Durand", identity.QuerySelector("#Input_LastName")!.GetAttribute("value"));

        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Parcours", Course(siret.Insert(9, " "))), "/Candidat/Inscription/Experience"));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Experience", Experience), "/Candidat/Inscription/Justificatifs"));
        await ProofUpload.UploadAsync(client, "Experience", "certificat.pdf", ProofUpload.Pdf);

        var (_, summary) = await client.GetAsync("/Candidat/Inscription/Envoi");
        var text = summary.Body!.TextContent;
        Assert.Contains("vous remplissez les conditions d'accès", text); // 7 months with level 4 ≥ 6
        Assert.Contains("Permanence Plus", text);

        var sent = await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true", ["CompanyMayFollow"] = "false" });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Candidat"), $"{sent.StatusCode}");
        var (_, home) = await client.GetAsync("/Candidat");
        Assert.Contains("Votre inscription est envoyée", home.Body!.TextContent);
        Assert.Contains("En attente", home.Body.TextContent);
        Assert.Contains("est enregistrée", portal.Mail.LatestTo(client.Email!));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.Include(r => r.Candidate).Include(r => r.History).SingleAsync(r => r.Candidate!.Email == client.Email);
        Assert.Equal(RegistrationState.Submitted, registration.State);
        Assert.NotNull(registration.RegisteredOn);
        Assert.NotNull(registration.PrivacyConsentAt);
        Assert.Equal(siret, registration.EmployerSiret);
        Assert.Equal(["medical-secretariat", "other"], registration.Sectors);
        Assert.Equal("Crèche", registration.OtherSector);
        Assert.Equal(Domain.Registrations.DiplomaGroup.ProfessionalBaccalaureate, registration.DiplomaGroup);
        Assert.Equal(await db.Companies.Where(c => c.Siret == siret).Select(c => (int?)c.Id).SingleAsync(), registration.Candidate!.CompanyId);
        Assert.Contains(registration.History, h => h.From == RegistrationState.Draft && h.To == RegistrationState.Submitted);

        // Locked once sent: the form is gone and a late change is refused, nothing changes.
        var (_, locked) = await client.GetAsync("/Candidat/Inscription/Experience");
        Assert.Contains("ne peut plus être modifié", locked.Body!.TextContent);
        Assert.DoesNotContain(locked.Forms, f => f.Elements.Any(e => e.GetAttribute("name") == "Input.TeleSecretaryMonths"));
        var wizard = scope.ServiceProvider.GetRequiredService<CqpPortal.Web.Registrations.RegistrationWizard>();
        Assert.False(await wizard.SaveExperienceAsync(registration.Candidate.UserId!, new CqpPortal.Web.Registrations.ExperienceStep(99, 0, 0, null, [])));
        await db.Entry(registration).ReloadAsync();
        Assert.Equal(7, registration.TeleSecretaryMonths);
    }

    [Fact]
    public async Task Bad_answers_get_french_messages_beside_the_fields_and_nothing_typed_is_lost()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var identity = await client.SubmitAsync("/Candidat/Inscription/Identite", new Dictionary<string, string>(Identity) { ["Input.BirthDate"] = "2020-01-01", ["Input.Phone"] = "abc" });
        var page = await PortalClient.ParseAsync(identity);
        Assert.Contains("le candidat doit avoir entre 16 et 80 ans", page.QuerySelector("#birth-error")!.TextContent);
        Assert.Contains("numéro de téléphone valide", page.QuerySelector("#phone-error")!.TextContent);
        Assert.Equal("Léa", page.QuerySelector("#Input_FirstName")!.GetAttribute("value"));

        await client.SubmitAsync("/Candidat/Inscription/Identite", Identity);
        var course = await client.SubmitAsync("/Candidat/Inscription/Parcours", new Dictionary<string, string>(Course("12345678901234")) { ["Input.EmployerName"] = "" });
        var coursePage = await PortalClient.ParseAsync(course);
        Assert.Contains("Saisissez un SIRET valide", coursePage.QuerySelector("#siret-error")!.TextContent);
        Assert.Contains("Saisissez le nom de votre employeur", coursePage.QuerySelector("#employer-error")!.TextContent);
        Assert.Equal("12345678901234", coursePage.QuerySelector("#Input_EmployerSiret")!.GetAttribute("value"));

        var experience = await client.SubmitAsync("/Candidat/Inscription/Experience", new Dictionary<string, string>(Experience) { ["Input.PhoneJobMonths"] = "30", ["Input.PhoneTimeShare"] = "140" });
        var experiencePage = await PortalClient.ParseAsync(experience);
        Assert.Contains("entre 0 et 100", experiencePage.QuerySelector("#share-error")!.TextContent);
        Assert.Contains("Choisissez le type de poste", experiencePage.QuerySelector("#kind-error")!.TextContent);
        Assert.Equal("30", experiencePage.QuerySelector("#Input_PhoneJobMonths")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_file_cannot_be_sent_without_accepting_the_privacy_notice_or_before_the_route_is_chosen()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        await client.SubmitAsync("/Candidat/Inscription/Identite", Identity);
        var early = await client.Http.GetAsync("/Candidat/Inscription/Envoi");
        Assert.True(PortalClient.IsRedirectTo(early, "/Candidat/Inscription/Parcours"));

        await client.SubmitAsync("/Candidat/Inscription/Parcours", Course(await SiretOfSecondDemoCompanyAsync()));
        await client.SubmitAsync("/Candidat/Inscription/Experience", Experience);
        var refused = await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "false" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Cochez la case pour accepter", (await PortalClient.ParseAsync(refused)).Body!.TextContent);
    }

    [Fact]
    public async Task Other_roles_cannot_open_the_registration_form()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.CompanyManager);
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Candidat/Inscription/Identite"), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Candidat/Inscription/Envoi"), "/Compte/Connexion"));
    }
}
