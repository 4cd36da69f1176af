using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

/// <summary>
/// Booklet 2's evidence attached to an activity and removable, and the autosave handler the page's script calls (its
/// answers for a newer version, an expired session, a locked booklet).
/// </summary>
[Collection(PortalCollection.Name)]
public class BookletEvidenceTests(DemoPortal portal)
{
    private async Task<(PortalClient Candidate, int RegistrationId)> WritingBookletTwoAsync(string lastName)
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, lastName);
        var first = await SubmitBookletOneAsync(portal, candidate, registrationId);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        (await db.Booklets.SingleAsync(b => b.Id == first)).State = BookletState.Admissible;
        await db.SaveChangesAsync();
        return (candidate, registrationId);
    }

    private async Task<Dictionary<string, int>> ActivityIdsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.Activities.Where(a => a.Unit!.CertificationId == db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).First())
            .ToDictionaryAsync(a => a.Code, a => a.Id);
    }

    /// <summary>The first situation slot of an activity on the unit page, with its text.</summary>
    private static async Task<Dictionary<string, string>> SituationAsync(PortalClient client, int unit, int activityId, string context)
    {
        var (_, page) = await client.GetAsync($"{Two}?unit={unit}");
        var slot = page.QuerySelectorAll("input[name$='.ActivityId']").First(i => i.GetAttribute("value") == activityId.ToString()).GetAttribute("name")!;
        var prefix = slot[..^".ActivityId".Length];
        return new Dictionary<string, string> { [$"{prefix}.ActivityId"] = activityId.ToString(), [$"{prefix}.Context"] = context, [$"{prefix}.Actions"] = "J'ai répondu." };
    }

    private static async Task<HttpResponseMessage> AutosaveAsync(PortalClient client, int unit, Dictionary<string, string> fields, AngleSharp.Html.Dom.IHtmlFormElement? form = null)
    {
        form ??= await FormAsync(client, $"{Two}?unit={unit}");
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !fields.ContainsKey(i.Name!)))
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Two}?unit={unit}&handler=Autosave") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Evidence_belongs_to_an_activity_of_the_unit_shows_under_it_and_can_be_removed_without_losing_typed_text()
    {
        var (candidate, registrationId) = await WritingBookletTwoAsync("Preuves");
        var activities = await ActivityIdsAsync();
        var typed = await SituationAsync(candidate, 1, activities["A.1.1"], "Texte tapé, pas encore enregistré");

        // No activity chosen: refused beside the field, the typed text stays on the page, nothing stored.
        var missing = await PostAsync(candidate, $"{Two}?unit=1", "Upload", Merge(typed, new Dictionary<string, string> { ["Input.DocumentKind"] = "WorkSample" }), ("courrier.pdf", Pdf));
        var page = await PortalClient.ParseAsync(missing);
        Assert.Contains("Choisissez l'activité", page.QuerySelector("#document-activity-error")!.TextContent);
        Assert.Contains("Texte tapé, pas encore enregistré", page.QuerySelectorAll("textarea").Select(t => t.TextContent));
        // An activity of another unit than the one shown: refused too.
        var otherUnit = await PostAsync(candidate, $"{Two}?unit=1", "Upload",
            Merge(typed, new Dictionary<string, string> { ["Input.DocumentKind"] = "WorkSample", ["Input.DocumentActivityId"] = activities["A.3.1"].ToString() }), ("courrier.pdf", Pdf));
        Assert.Contains("Choisissez l'activité", (await PortalClient.ParseAsync(otherUnit)).QuerySelector("#document-activity-error")!.TextContent);
        Assert.Null((await BookletAsync(portal, registrationId, BookletKind.Experience))!.Documents.FirstOrDefault());

        var added = await PostAsync(candidate, $"{Two}?unit=1", "Upload",
            Merge(typed, new Dictionary<string, string> { ["Input.DocumentKind"] = "WorkSample", ["Input.DocumentActivityId"] = activities["A.1.1"].ToString() }), ("courrier.pdf", Pdf));
        page = await PortalClient.ParseAsync(added);
        Assert.Contains("Texte tapé, pas encore enregistré", page.QuerySelectorAll("textarea").Select(t => t.TextContent));
        var document = (await BookletAsync(portal, registrationId, BookletKind.Experience))!.Documents.Single();
        Assert.Equal(activities["A.1.1"], document.ActivityId);
        Assert.Equal(BookletDocumentKind.WorkSample, document.Kind);
        var (_, unitOne) = await candidate.GetAsync($"{Two}?unit=1");
        Assert.DoesNotContain("Pièce jointe", unitOne.QuerySelector("main")!.TextContent); // the confirmation was shown once, on the upload's answer
        var section = unitOne.QuerySelectorAll("section").First(s => s.QuerySelector("h3")!.TextContent.StartsWith("A.1.1"));
        Assert.Contains("courrier.pdf", section.QuerySelector("ul")!.TextContent);

        // Another candidate cannot remove it (nothing happens to it), the owner can; the typed text stays on the page.
        var (other, _) = await WritingBookletTwoAsync("Voisine");
        await PostAsync(other, $"{Two}?unit=1", $"RemoveDocument&documentId={document.Id}", new Dictionary<string, string>());
        Assert.Single((await BookletAsync(portal, registrationId, BookletKind.Experience))!.Documents);
        var removed = await PostAsync(candidate, $"{Two}?unit=1", $"RemoveDocument&documentId={document.Id}", typed);
        page = await PortalClient.ParseAsync(removed);
        Assert.Contains("Pièce retirée : courrier.pdf", page.Body!.TextContent);
        Assert.Contains("Texte tapé, pas encore enregistré", page.QuerySelectorAll("textarea").Select(t => t.TextContent));
        Assert.Empty((await BookletAsync(portal, registrationId, BookletKind.Experience))!.Documents);
        // The version on the re-shown page is the new one: saving the typed text now succeeds.
        var saved = await PostAsync(candidate, $"{Two}?unit=1", "Save", typed, form: (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#booklet2")!);
        Assert.True(PortalClient.IsRedirectTo(saved, Two));

        // A booklet 1 kind is not asked for here, and booklet 2's work sample is not a booklet 1 document.
        var (drafting, _) = await AdmissibleCandidateAsync(portal, "Livret1");
        var wrongKind = await PostAsync(drafting, One, "Upload", new Dictionary<string, string> { ["Input.DocumentKind"] = "WorkSample" }, ("courrier.pdf", Pdf));
        Assert.Contains("pas demandé", (await PortalClient.ParseAsync(wrongKind)).QuerySelector("#upload-error")!.TextContent);
        candidate.Dispose();
        other.Dispose();
        drafting.Dispose();
    }

    [Fact]
    public async Task The_jury_pdf_lists_each_piece_of_evidence_with_its_activity()
    {
        var (candidate, registrationId) = await WritingBookletTwoAsync("PreuveJury");
        var activities = await ActivityIdsAsync();
        await PostAsync(candidate, $"{Two}?unit=2", "Upload",
            new Dictionary<string, string> { ["Input.DocumentKind"] = "WorkSample", ["Input.DocumentActivityId"] = activities["A.2.1"].ToString() }, ("planning-rdv.pdf", Pdf));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            (await db.Booklets.SingleAsync(b => b.RegistrationId == registrationId && b.Kind == BookletKind.Experience)).State = BookletState.Admissible;
            await db.SaveChangesAsync();
        }
        var booklet = (await BookletAsync(portal, registrationId, BookletKind.Experience))!;
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var text = PdfText.Of(await (await staff.Http.GetAsync($"/Staff/Vae/Jury/{booklet.Id}")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Livret 2, activité A.2.1", text);
        Assert.Contains("planning-rdv.pdf", text);
        Assert.Contains("activité A.2.1", (await staff.GetAsync($"/Staff/Vae/Livret/{booklet.Id}")).Document.Body!.TextContent);
        candidate.Dispose();
    }

    [Fact]
    public async Task Autosave_answers_in_json_saves_refuses_an_older_version_and_a_locked_booklet()
    {
        var (candidate, registrationId) = await WritingBookletTwoAsync("Autosave");
        var activities = await ActivityIdsAsync();
        var oldTab = await FormAsync(candidate, $"{Two}?unit=1");

        var first = await AutosaveAsync(candidate, 1, await SituationAsync(candidate, 1, activities["A.1.1"], "Écrit au fil de l'eau"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("saved").GetBoolean());
        var booklet = (await BookletAsync(portal, registrationId, BookletKind.Experience))!;
        Assert.Equal(booklet.Version, answer.GetProperty("version").GetInt32());
        Assert.Equal("Écrit au fil de l'eau", booklet.Situations.Single().Context);

        // The older tab autosaves: 409 with a French message; the newer text is untouched.
        var stale = await AutosaveAsync(candidate, 1, await SituationAsync(candidate, 1, activities["A.1.1"], "Ancien onglet"), oldTab);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("modifié entre-temps", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal("Écrit au fil de l'eau", (await BookletAsync(portal, registrationId, BookletKind.Experience))!.Situations.Single().Context);

        // Too long a text: 422, nothing saved.
        var tooLong = await AutosaveAsync(candidate, 1, await SituationAsync(candidate, 1, activities["A.1.1"], new string('x', 8001)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("8000 caractères", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        // Locked once sent.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            (await db.Booklets.SingleAsync(b => b.Id == booklet.Id)).State = BookletState.Submitted;
            await db.SaveChangesAsync();
        }
        var locked = await AutosaveAsync(candidate, 1, new Dictionary<string, string> { ["Input.Version"] = answer.GetProperty("version").GetInt32().ToString() }, oldTab);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("ne peut plus être modifié", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        candidate.Dispose();
    }

    [Fact]
    public async Task After_an_expired_session_the_script_gets_401_and_a_posted_form_comes_back_to_its_page_after_sign_in()
    {
        using var visitor = PortalClient.For(portal);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Two}?unit=3&handler=Autosave") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Http.SendAsync(request)).StatusCode);

        var posted = await visitor.Http.PostAsync($"{Two}?handler=Save&unit=3", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Compte/Connexion?ReturnUrl=" + Uri.EscapeDataString($"{Two}?unit=3"), posted.Headers.Location!.OriginalString);
        // A page asked for by a GET keeps the usual return address.
        var asked = await visitor.Http.GetAsync($"{Two}?unit=3");
        Assert.True(PortalClient.IsRedirectTo(asked, "/Compte/Connexion"));
        Assert.Contains(Uri.EscapeDataString($"{Two}?unit=3"), asked.Headers.Location!.OriginalString);
    }
}
