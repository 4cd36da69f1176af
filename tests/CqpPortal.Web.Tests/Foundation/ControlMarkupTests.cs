using AngleSharp.Html.Dom;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>
/// The pages the issue named (« Employeur », « Intitulé du poste », « Afficher », « Lancer le dossier annuel ») write every
/// text input with its type and every button with the house class; the stylesheet styles the others anyway (e2e).
/// </summary>
[Collection(PortalCollection.Name)]
public class ControlMarkupTests(DemoPortal portal)
{
    private static void AssertTypedInputsAndClassedButtons(IHtmlDocument page, string url)
    {
        var main = page.QuerySelector("main")!;
        Assert.NotEmpty(main.QuerySelectorAll("button"));
        Assert.All(main.QuerySelectorAll("input"), input => Assert.True(input.HasAttribute("type"), $"{url}: {input.OuterHtml}"));
        Assert.All(main.QuerySelectorAll("button"), button => Assert.Contains("button", button.GetAttribute("class") ?? "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("vae@cqp.test", "/Candidat/Vae/Livret2")]
    [InlineData("sist@cqp.test", "/Analyse")]
    [InlineData("sist@cqp.test", "/Analyse/Rapports")]
    [InlineData(null, "/Contact")]
    public async Task Every_input_has_a_type_and_every_button_a_class(string? email, string url)
    {
        using var client = PortalClient.For(portal);
        if (email is not null) await client.LoginAsync(email);
        var (response, page) = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        AssertTypedInputsAndClassedButtons(page, url);
    }

    [Fact]
    public async Task The_booklet_form_names_its_job_fields_as_text_inputs()
    {
        var (candidate, _) = await Vae.VaeBooklet.AdmissibleCandidateAsync(portal, "Balcon");
        using var client = candidate;
        var (_, page) = await client.GetAsync("/Candidat/Vae/Livret1");
        AssertTypedInputsAndClassedButtons(page, "/Candidat/Vae/Livret1");
        Assert.Equal("text", page.QuerySelector("#job-0-employer")!.GetAttribute("type"));
        Assert.Equal("text", page.QuerySelector("#job-0-title")!.GetAttribute("type"));
    }
}
