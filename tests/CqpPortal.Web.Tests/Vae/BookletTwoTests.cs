using System.Net;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

[Collection(PortalCollection.Name)]
public class BookletTwoTests(DemoPortal portal)
{
    private async Task<List<(int Id, int Unit, string Code)>> ActivitiesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var rows = await db.Activities.Where(a => a.Unit!.CertificationId == db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).First())
            .OrderBy(a => a.Unit!.Number).ThenBy(a => a.Id).Select(a => new { a.Id, a.Unit!.Number, a.Code }).ToListAsync();
        return rows.Select(r => (r.Id, r.Number, r.Code)).ToList();
    }

    private async Task AdmitBookletOneAsync(int bookletId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        (await db.Booklets.SingleAsync(b => b.Id == bookletId)).State = BookletState.Admissible;
        await db.SaveChangesAsync();
    }

    /// <summary>The fields of one unit's form: a situation for each of its activities, as the page numbers them.</summary>
    private static async Task<Dictionary<string, string>> UnitFieldsAsync(PortalClient client, int unit, Func<string, string> text)
    {
        var (_, page) = await client.GetAsync($"{Two}?unit={unit}");
        var fields = new Dictionary<string, string>();
        foreach (var context in page.QuerySelectorAll("textarea[name$='.Context']"))
        {
            var prefix = context.GetAttribute("name")![..^".Context".Length];
            var activity = page.QuerySelector($"input[name='{prefix}.ActivityId']")!.GetAttribute("value")!;
            var code = context.Closest("section")!.QuerySelector("h3")!.TextContent.Split(' ')[0];
            fields[$"{prefix}.ActivityId"] = activity;
            fields[$"{prefix}.Context"] = text(code) + " – contexte";
            fields[$"{prefix}.Actions"] = text(code) + " – ce que j'ai fait";
            fields[$"{prefix}.Tools"] = "Standard téléphonique, agenda partagé";
            fields[$"{prefix}.Result"] = "Client satisfait";
        }
        fields["Unit"] = unit.ToString();
        return fields;
    }

    [Fact]
    public async Task Booklet_two_stays_closed_until_booklet_one_is_admissible()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "TropTot");
        await SubmitBookletOneAsync(portal, candidate, registrationId); // sent, not yet decided
        var (_, page) = await candidate.GetAsync(Two);
        Assert.Contains("s'ouvre quand votre livret 1 est déclaré recevable", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("textarea"));

        var activity = (await ActivitiesAsync()).First();
        var (_, anyForm) = await candidate.GetAsync("/Candidat");
        var token = anyForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await candidate.Http.PostAsync($"{Two}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Version"] = "1", ["Input.Situations[0].ActivityId"] = activity.Id.ToString(), ["Input.Situations[0].Context"] = "Texte envoyé trop tôt",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("rien n'a été enregistré", (await PortalClient.ParseAsync(post)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Null(await BookletAsync(portal, registrationId, BookletKind.Experience));
        candidate.Dispose();
    }

    [Fact]
    public async Task A_complete_booklet_two_is_submitted_locked_accepted_and_compiled_into_the_jury_pdf()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Jury");
        await AdmitBookletOneAsync(await SubmitBookletOneAsync(portal, candidate, registrationId));
        var units = (await ActivitiesAsync()).Select(a => a.Unit).Distinct().ToList();
        Assert.Equal([1, 2, 3, 4], units);

        var early = await PostAsync(candidate, $"{Two}?unit=1", "Submit", await UnitFieldsAsync(candidate, 1, code => $"Situation vécue {code}"));
        Assert.Contains("décrivez au moins une situation", (await PortalClient.ParseAsync(early)).QuerySelector(".validation-summary-errors")!.TextContent);
        var (_, progress) = await candidate.GetAsync($"{Two}?unit=2");
        Assert.Equal((await ActivitiesAsync()).Count(a => a.Unit == 1).ToString(), progress.QuerySelector("#progress-1")!.GetAttribute("value"));

        foreach (var unit in units)
        {
            var saved = await PostAsync(candidate, $"{Two}?unit={unit}", unit == units[^1] ? "Submit" : "Save", await UnitFieldsAsync(candidate, unit, code => $"Situation vécue {code}"));
            Assert.True(PortalClient.IsRedirectTo(saved, Two), $"unit {unit}: {saved.StatusCode} " + (await PortalClient.ParseAsync(saved)).QuerySelector(".validation-summary-errors")?.TextContent);
        }
        var booklet = (await BookletAsync(portal, registrationId, BookletKind.Experience))!;
        Assert.Equal(BookletState.Submitted, booklet.State);
        Assert.Equal((await ActivitiesAsync()).Count, booklet.Situations.Select(s => s.ActivityId).Distinct().Count());

        var locked = await PostAsync(candidate, $"{Two}?unit=1", "Save", new Dictionary<string, string> { ["Input.Version"] = booklet.Version.ToString() });
        Assert.Contains("ne peut plus être modifié", (await PortalClient.ParseAsync(locked)).Body!.TextContent);

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var returned = await staff.SubmitAsync($"/Staff/Vae/Livret/{booklet.Id}", new Dictionary<string, string>
            { ["Input.Decision"] = "Incomplete", ["Input.MissingItems[0]"] = "A.1.1 : précisez le résultat obtenu." });
        Assert.True(PortalClient.IsRedirectTo(returned, "/Staff/Vae"));
        Assert.Contains("précisez le résultat obtenu", portal.Mail.LatestTo(candidate.Email!));
        var resent = await PostAsync(candidate, $"{Two}?unit=1", "Submit", await UnitFieldsAsync(candidate, 1, code => $"Situation précisée {code}"));
        Assert.True(PortalClient.IsRedirectTo(resent, Two));
        var accepted = await staff.SubmitAsync($"/Staff/Vae/Livret/{booklet.Id}", new Dictionary<string, string> { ["Input.Decision"] = "Admissible" });
        Assert.True(PortalClient.IsRedirectTo(accepted, "/Staff/Vae"));
        Assert.Contains("accepté", portal.Mail.LatestTo(candidate.Email!));

        var pdf = await staff.Http.GetAsync($"/Staff/Vae/Jury/{booklet.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition!.DispositionType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nora Jury", text);
        Assert.Contains("Situation précisée A.1.1", text);
        Assert.Contains("Situation vécue A.4.", text);
        Assert.Contains("attestation.pdf", text);
        Assert.Contains("Unité 4", text);
        candidate.Dispose();
    }

    [Fact]
    public async Task An_older_tab_saving_booklet_two_is_refused_and_its_text_is_shown_back()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Conflit");
        await AdmitBookletOneAsync(await SubmitBookletOneAsync(portal, candidate, registrationId));
        var oldTab = await FormAsync(candidate, $"{Two}?unit=1");
        var newer = await PostAsync(candidate, $"{Two}?unit=1", "Save", await UnitFieldsAsync(candidate, 1, code => $"Version récente {code}"));
        Assert.True(PortalClient.IsRedirectTo(newer, Two));

        var stale = await PostAsync(candidate, $"{Two}?unit=1", "Save", await UnitFieldsAsync(candidate, 1, code => $"Ancien onglet {code}"), form: oldTab);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await PortalClient.ParseAsync(stale);
        Assert.Contains("modifié entre-temps", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Contains("Ancien onglet A.1.1 – contexte", page.QuerySelectorAll("textarea").Select(t => t.TextContent));
        var saved = (await BookletAsync(portal, registrationId, BookletKind.Experience))!;
        Assert.All(saved.Situations, s => Assert.StartsWith("Version récente", s.Context));
        candidate.Dispose();
    }
}
