using System.Net;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Prerequisites;

[Collection(PortalCollection.Name)]
public class SelfCheckPageTests(DemoPortal portal)
{
    private static Dictionary<string, string> Form(string route, int level, int tele, int phone = 0, int share = 0, string kind = "") => new()
    {
        ["Input.Route"] = route, ["Input.EducationLevel"] = level.ToString(), ["Input.TeleSecretaryMonths"] = tele.ToString(),
        ["Input.PhoneJobMonths"] = phone.ToString(), ["Input.PhoneTimeShare"] = share.ToString(), ["Input.PhoneJobKind"] = kind,
    };

    [Fact]
    public async Task A_visitor_with_six_months_and_a_level_4_diploma_is_told_they_qualify_and_where_to_register()
    {
        using var client = PortalClient.For(portal);
        var response = await client.SubmitAsync("/prerequis/verifier", Form("Training", 4, 6));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Vous remplissez les conditions d'accès", page.Body!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#resultat ~ p a"), a => a.GetAttribute("href") == "/Compte/Inscription");
    }

    [Fact]
    public async Task A_vae_visitor_short_of_experience_sees_what_is_missing_and_keeps_the_answers()
    {
        using var client = PortalClient.For(portal);
        var response = await client.SubmitAsync("/prerequis/verifier", Form("Vae", 3, 20, 10, 80, "Switchboard"));
        var page = await PortalClient.ParseAsync(response);
        var text = page.Body!.TextContent;
        Assert.Contains("Les conditions d'accès ne sont pas remplies", text);
        Assert.Contains("VAE : 36 mois", text);
        Assert.Equal("20", page.QuerySelector("#Input_TeleSecretaryMonths")!.GetAttribute("value"));
        Assert.Equal("Switchboard", page.QuerySelector("#Input_PhoneJobKind option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Nonsense_values_get_french_messages_not_an_error_page()
    {
        using var client = PortalClient.For(portal);
        var response = await client.SubmitAsync("/prerequis/verifier", Form("", 2, 5, share: 300));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await PortalClient.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("Choisissez votre projet.", text);
        Assert.Contains("Choisissez un niveau de diplôme dans la liste.", text);
        Assert.Contains("Indiquez une part entre 0 et 100 %.", text);
    }
}
