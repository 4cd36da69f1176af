using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Testing;
using CqpPortal.Web.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>The contact page: the organisation's details from the settings and a message form that reaches staff.</summary>
[Collection(PortalCollection.Name)]
public class ContactTests(DemoPortal portal)
{
    private OrganisationContact Contact => portal.Services.GetRequiredService<IOptions<OrganisationContact>>().Value;

    private static async Task<HttpResponseMessage> SendAsync(PortalClient visitor, string name, string email, string subject, string message, string phone = "")
    {
        var (_, page) = await visitor.GetAsync("/Contact");
        var form = page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Message"));
        return await visitor.PostFormAsync(form, "/Contact", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Phone"] = phone, ["Input.Subject"] = subject, ["Input.Message"] = message,
        });
    }

    [Fact]
    public async Task The_contact_page_shows_the_telephone_e_mail_and_address_of_the_settings()
    {
        using var visitor = PortalClient.For(portal);
        var (response, page) = await visitor.GetAsync("/Contact");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = page.QuerySelector("#coordonnees")!;
        Assert.Equal("01 23 45 67 89", details.QuerySelector("a[href='tel:+33123456789']")!.TextContent);
        Assert.NotNull(details.QuerySelector($"a[href='mailto:{Contact.Email}']"));
        Assert.Contains("75010 Paris", details.TextContent);
        Assert.Equal("tel", page.QuerySelector("#Input_Phone")!.GetAttribute("type"));
        Assert.NotNull(page.QuerySelector("nav[aria-label='Navigation principale'] a[href='/Contact']"));
    }

    [Fact]
    public async Task An_empty_or_oversize_message_is_refused_in_french_with_everything_typed_kept_and_nothing_sent()
    {
        using var visitor = PortalClient.For(portal);
        var before = portal.Mail.All().Count;
        var empty = await PortalClient.ParseAsync(await SendAsync(visitor, "", "", "", ""));
        Assert.Equal("Saisissez votre nom.", empty.QuerySelector("#name-error")!.TextContent);
        Assert.Equal("Choisissez l'objet de votre message.", empty.QuerySelector("#subject-error")!.TextContent);
        Assert.Equal("Saisissez votre message.", empty.QuerySelector("#message-error")!.TextContent);

        var longText = "Une question " + new string('x', 4000);
        var oversize = await SendAsync(visitor, "Claire Dupont", "claire.dupont@exemple.fr", "Company", longText, "01 98 76 54 32");
        Assert.Equal(HttpStatusCode.OK, oversize.StatusCode);
        var page = await PortalClient.ParseAsync(oversize);
        Assert.Contains("dépasse 4000 caractères", page.QuerySelector("#message-error")!.TextContent);
        Assert.Equal(longText, page.QuerySelector("#Input_Message")!.TextContent.ReplaceLineEndings("\n").Trim());
        Assert.Equal("Claire Dupont", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("01 98 76 54 32", page.QuerySelector("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("Company", ((IHtmlSelectElement)page.QuerySelector("#Input_Subject")!).Value);
        Assert.Equal(before, portal.Mail.All().Count);
    }

    [Fact]
    public async Task A_message_reaches_the_organisations_address_with_the_sender_to_reply_to_and_the_fourth_in_ten_minutes_gets_a_french_429_keeping_the_text()
    {
        using var visitor = PortalClient.For(portal);
        for (var i = 1; i <= 3; i++)
        {
            var marker = $"Message {i} {Guid.NewGuid():N}";
            var sent = await SendAsync(visitor, "Marc Lefèvre", "marc.lefevre@exemple.fr", "Candidate", $"Bonjour, quand a lieu le prochain jury ? {marker}", "06 12 34 56 78");
            Assert.True(PortalClient.IsRedirectTo(sent, "/Contact"), $"{sent.StatusCode}");
            var file = Directory.GetFiles(portal.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.TextBody?.Contains(marker) == true);
            Assert.Equal(Contact.Email, file.To.Mailboxes.Single().Address);
            Assert.Equal("marc.lefevre@exemple.fr", file.ReplyTo.Mailboxes.Single().Address);
            Assert.Contains("Marc Lefèvre", file.Subject);
            Assert.Contains("06 12 34 56 78", file.TextBody!);
        }
        var (_, confirmed) = await visitor.GetAsync("/Contact");
        Assert.Contains("Votre message a été envoyé", confirmed.QuerySelector("[role=status]")!.TextContent);

        var text = $"Un quatrième message {Guid.NewGuid():N}";
        var refused = await SendAsync(visitor, "Marc Lefèvre", "marc.lefevre@exemple.fr", "Other", text);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("Vous avez déjà envoyé 3 messages en moins de 10 minutes", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(text, page.QuerySelector("#Input_Message")!.TextContent.Trim());
        Assert.DoesNotContain(Directory.GetFiles(portal.MailFolder, "*.eml"), f => MimeMessage.Load(f).TextBody?.Contains(text) == true);
    }
}
