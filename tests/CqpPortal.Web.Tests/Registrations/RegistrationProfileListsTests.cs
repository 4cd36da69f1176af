using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Registrations;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>The registration form's fixed lists (issue 15): the highest diploma's group and the sectors of experience, « Autre » with its text.</summary>
[Collection(PortalCollection.Name)]
public class RegistrationProfileListsTests(DemoPortal portal)
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["Input.FirstName"] = "Inès", ["Input.LastName"] = "Listes", ["Input.Phone"] = "",
        ["Input.BirthDate"] = "1992-02-02", ["Input.Sex"] = "Female", ["Input.Region"] = "Occitanie",
    };

    private static readonly Dictionary<string, string> Course = new()
    {
        ["Input.Route"] = "Free", ["Input.Funding"] = "Personal", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EducationLevel"] = "5",
        ["Input.HighestDiploma"] = "BTS assistant de gestion",
    };

    /// <summary>Posts the page's form with repeated fields (ticked checkboxes), its hidden inputs (the antiforgery token) included.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, params (string Name, string Value)[] fields)
    {
        var (_, page) = await client.GetAsync(url);
        var form = page.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>().First(f => f.Elements.Any(e => e.GetAttribute("name") == fields[0].Name));
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task The_diploma_group_is_chosen_from_the_list_and_a_missing_one_keeps_what_was_typed()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));

        var refused = await client.SubmitAsync("/Candidat/Inscription/Parcours", Course);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("Choisissez votre plus haut diplôme dans la liste.", page.QuerySelector("#diploma-group-error")!.TextContent);
        Assert.Equal("BTS assistant de gestion", page.QuerySelector("#Input_HighestDiploma")!.GetAttribute("value"));
        Assert.Equal(DiplomaGroups.All.Count + 1, page.QuerySelectorAll("#Input_DiplomaGroup option").Length);

        var saved = await client.SubmitAsync("/Candidat/Inscription/Parcours", new Dictionary<string, string>(Course) { ["Input.DiplomaGroup"] = "TwoYearsAfterBaccalaureate" });
        Assert.True(PortalClient.IsRedirectTo(saved, "/Candidat/Inscription/Experience"));
        var (_, again) = await client.GetAsync("/Candidat/Inscription/Parcours");
        Assert.Equal("TwoYearsAfterBaccalaureate", again.QuerySelector("#Input_DiplomaGroup option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Other_sector_without_its_text_is_refused_and_the_ticked_sectors_and_months_stay()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Parcours",
            new Dictionary<string, string>(Course) { ["Input.DiplomaGroup"] = "TwoYearsAfterBaccalaureate" }), "/Candidat/Inscription/Experience"));
        (string, string)[] experience = [("Input.TeleSecretaryMonths", "14"), ("Input.PhoneJobMonths", "0"), ("Input.PhoneTimeShare", "0"), ("Input.PhoneJobKind", ""),
            ("Input.Sectors", "medical-secretariat"), ("Input.Sectors", "other")];

        var refused = await PostAsync(client, "/Candidat/Inscription/Experience", [.. experience, ("Input.OtherSector", " ")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("Précisez l'autre secteur où vous avez travaillé.", page.QuerySelector("#other-sector-error")!.TextContent);
        Assert.Equal(["medical-secretariat", "other"], page.QuerySelectorAll("input[name='Input.Sectors'][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("14", page.QuerySelector("#Input_TeleSecretaryMonths")!.GetAttribute("value"));

        var outside = await PostAsync(client, "/Candidat/Inscription/Experience", [.. experience, ("Input.Sectors", "Boulangerie"), ("Input.OtherSector", "Crèche")]);
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("Choisissez les secteurs dans la liste.", (await PortalClient.ParseAsync(outside)).QuerySelector("#sectors-error")!.TextContent);

        var saved = await PostAsync(client, "/Candidat/Inscription/Experience", [.. experience, ("Input.OtherSector", " Crèche ")]);
        Assert.True(PortalClient.IsRedirectTo(saved, "/Candidat/Inscription/Justificatifs"), $"{saved.StatusCode}");
        await using var scope = portal.Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Registrations.SingleAsync(r => r.Candidate!.Email == client.Email);
        Assert.Equal(["medical-secretariat", "other"], registration.Sectors);
        Assert.Equal("Crèche", registration.OtherSector);
        Assert.Equal(DiplomaGroup.TwoYearsAfterBaccalaureate, registration.DiplomaGroup);
    }
}
