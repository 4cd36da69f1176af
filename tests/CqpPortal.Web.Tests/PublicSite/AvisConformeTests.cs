using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>The « avis conforme »: staff's content changes and library PDFs are proposals until a SIST analyst decides.</summary>
[Collection(PortalCollection.Name)]
public class AvisConformeTests(DemoPortal portal)
{
    private const string Slug = "confidentialite";

    private async Task<PortalClient> SignedInAsync(string account)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(account);
        return client;
    }

    private async Task<T> DbAsync<T>(Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private static IHtmlFormElement EditForm(IHtmlDocument page) => page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Markdown"));

    [Fact]
    public async Task A_page_saved_after_a_preview_is_a_proposal_the_public_does_not_see_until_a_sist_analyst_approves_it()
    {
        using var staff = await SignedInAsync("staff@cqp.test");
        var (_, edit) = await staff.GetAsync($"/Staff/Contenus/Edition/{Slug}");
        var original = edit.QuerySelector("#Markdown")!.TextContent;
        var marker = $"Paragraphe proposé {Guid.NewGuid():N}";
        var changed = original.TrimEnd() + $"\n\n{marker}\n";

        // Preview with the form's own « Prévisualiser » button, then save with the « Enregistrer et proposer » button of the page the preview shows.
        var previewButton = edit.QuerySelectorAll("button").Single(b => b.TextContent == "Prévisualiser");
        var preview = await PortalClient.ParseAsync(await staff.PostFormAsync(EditForm(edit), previewButton.GetAttribute("formaction")!, new Dictionary<string, string> { ["Markdown"] = changed }));
        Assert.Contains(marker, preview.QuerySelector("#preview")!.TextContent);
        var saveButton = preview.QuerySelectorAll("button").Single(b => b.TextContent == "Enregistrer et proposer");
        var saved = await staff.PostFormAsync(EditForm(preview), saveButton.GetAttribute("formaction")!, new Dictionary<string, string> { ["Markdown"] = changed });
        Assert.True(PortalClient.IsRedirectTo(saved, "/Staff/Contenus"), $"{saved.StatusCode}");

        var id = await AvisConformeSteps.NewestRevisionAsync(portal, Slug);
        Assert.Equal(ApprovalState.Proposed, await DbAsync(db => db.ContentRevisions.Where(r => r.Id == id).Select(r => r.Approval).SingleAsync()));
        using var visitor = PortalClient.For(portal);
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent);
        Assert.Contains("en attente d'avis conforme", (await staff.GetAsync("/Staff/Contenus")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains($"/{Slug}")).TextContent);
        Assert.Contains("en attente d'avis conforme", (await staff.GetAsync($"/Staff/Contenus/Edition/{Slug}")).Document.QuerySelector("#proposal-state")!.TextContent);
        Assert.Contains($"/Analyse/AvisConforme", portal.Mail.LatestTo("sist@cqp.test"));

        // The analyst sees the proposal beside the published version, with the changed lines, and approves it.
        using var analyst = await SignedInAsync(AvisConformeSteps.Analyst);
        var (_, review) = await analyst.GetAsync("/Analyse/AvisConforme");
        var proposal = review.QuerySelector($"#content-{id}")!;
        Assert.Contains(marker, proposal.QuerySelector(".proposal")!.TextContent);
        Assert.Contains("+ " + marker, proposal.QuerySelector("pre.diff")!.TextContent);
        Assert.True(PortalClient.IsRedirectTo(await AvisConformeSteps.DecideAsync(analyst, $"content-{id}", "Approve"), "/Analyse/AvisConforme"));

        Assert.Contains(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent);
        var history = (await staff.GetAsync($"/Staff/Contenus/Historique/{Slug}")).Document.QuerySelectorAll("tbody tr").First().TextContent;
        Assert.Contains("(en ligne)", history);
        Assert.Contains("par staff@cqp.test", history);
        Assert.Contains("par sist@cqp.test", history);
        Assert.Contains("Avis conforme : la nouvelle version de la page", portal.Mail.LatestTo("staff@cqp.test"));

        // Back to the file's text, approved too, so the other tests read the page as it was.
        var (_, historyPage) = await staff.GetAsync($"/Staff/Contenus/Historique/{Slug}");
        await staff.PostFormAsync(historyPage.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("version=0")), $"/Staff/Contenus/Historique/{Slug}", new Dictionary<string, string>());
        await AvisConformeSteps.ApproveNewestContentAsync(portal, Slug);
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent);
    }

    private async Task<int> ProposalByAsync(string author, string text)
    {
        var markdown = $"---\ntitle: Données personnelles\n---\n\n{text}\n";
        return await DbAsync(async db =>
        {
            var revision = new ContentRevision { Slug = Slug, Markdown = markdown, SavedAt = DateTimeOffset.UtcNow, SavedBy = author, Approval = ApprovalState.Proposed };
            db.ContentRevisions.Add(revision);
            await db.SaveChangesAsync();
            return revision.Id;
        });
    }

    [Fact]
    public async Task An_analyst_cannot_approve_their_own_proposal()
    {
        var analystEmail = await TestAccounts.CreateAsync(portal, Roles.SistAnalyst);
        var id = await ProposalByAsync(analystEmail, $"Texte de l'analyste {Guid.NewGuid():N}");
        using var analyst = PortalClient.For(portal);
        await analyst.LoginAsync(analystEmail, TestAccounts.Password);

        var response = await AvisConformeSteps.DecideAsync(analyst, $"content-{id}", "Approve");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vous avez fait cette proposition", (await PortalClient.ParseAsync(response)).QuerySelector($"#content-{id}-error")!.TextContent);
        Assert.Equal(ApprovalState.Proposed, await DbAsync(db => db.ContentRevisions.Where(r => r.Id == id).Select(r => r.Approval).SingleAsync()));
        await RefuseAsync(id, "Nettoyage du test.");
    }

    private async Task RefuseAsync(int id, string reason)
    {
        using var analyst = await SignedInAsync(AvisConformeSteps.Analyst);
        Assert.True(PortalClient.IsRedirectTo(await AvisConformeSteps.DecideAsync(analyst, $"content-{id}", "Refuse", reason), "/Analyse/AvisConforme"));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_which_the_author_reads_in_the_history_and_by_e_mail()
    {
        var id = await ProposalByAsync("staff@cqp.test", $"Texte à refuser {Guid.NewGuid():N}");
        using var analyst = await SignedInAsync(AvisConformeSteps.Analyst);
        var refused = await AvisConformeSteps.DecideAsync(analyst, $"content-{id}", "Refuse", "   ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Indiquez la raison du refus", (await PortalClient.ParseAsync(refused)).QuerySelector($"#content-{id}-error")!.TextContent);
        Assert.Equal(ApprovalState.Proposed, await DbAsync(db => db.ContentRevisions.Where(r => r.Id == id).Select(r => r.Approval).SingleAsync()));

        var reason = $"Le logo de la CPNEFP manque {Guid.NewGuid():N}";
        Assert.True(PortalClient.IsRedirectTo(await AvisConformeSteps.DecideAsync(analyst, $"content-{id}", "Refuse", reason), "/Analyse/AvisConforme"));
        var revision = await DbAsync(db => db.ContentRevisions.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ApprovalState.Refused, "sist@cqp.test", reason), (revision.Approval, revision.ReviewedBy, revision.RefusalReason));
        Assert.NotNull(revision.ReviewedAt);

        using var staff = await SignedInAsync("staff@cqp.test");
        var row = (await staff.GetAsync($"/Staff/Contenus/Historique/{Slug}")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains($"Version {id}"));
        Assert.Contains($"refusé : {reason}", row.TextContent);
        Assert.Contains(reason, portal.Mail.LatestTo("staff@cqp.test"));
        // A decided proposal is decided once: its form is gone, and a post for it is refused.
        Assert.Null((await analyst.GetAsync("/Analyse/AvisConforme")).Document.QuerySelector($"#content-{id}"));
    }

    [Theory]
    [InlineData("staff@cqp.test")]
    [InlineData("comite@cqp.test")]
    [InlineData("candidat@cqp.test")]
    public async Task Only_sist_analysts_open_the_avis_conforme_page(string account)
    {
        using var user = await SignedInAsync(account);
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync("/Analyse/AvisConforme"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await user.Http.PostAsync("/Analyse/AvisConforme?handler=Content&id=1&decision=Approve", new FormUrlEncodedContent([])), "/Compte/AccesRefuse"));
    }

    [Fact]
    public async Task The_public_library_lists_and_serves_approved_pdfs_only_while_staff_and_analysts_read_the_proposal()
    {
        using var staff = await SignedInAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync("/Staff/Documents");
        var form = new MultipartFormDataContent();
        foreach (var hidden in page.QuerySelector("form[enctype='multipart/form-data']")!.QuerySelectorAll("input[type=hidden]"))
            form.Add(new StringContent(hidden.GetAttribute("value")!), hidden.GetAttribute("name")!);
        var title = $"Plaquette {Guid.NewGuid():N}"[..20];
        form.Add(new StringContent(title), "Input.Title");
        form.Add(new StringContent("Companies"), "Input.Audience");
        var pdf = new Documents.PdfDocumentWriter("Essai", "Essai").Paragraph("Plaquette").ToBytes();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Input.File", "plaquette.pdf");
        Assert.True(PortalClient.IsRedirectTo(await staff.Http.PostAsync("/Staff/Documents", form), "/Staff/Documents"));
        var id = await AvisConformeSteps.DocumentIdAsync(portal, title);
        Assert.Contains("en attente d'avis conforme", (await staff.GetAsync("/Staff/Documents")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title)).TextContent);
        Assert.Contains(title, portal.Mail.LatestTo("sist@cqp.test"));

        using var visitor = PortalClient.For(portal);
        using var candidate = await SignedInAsync("candidat@cqp.test");
        Assert.DoesNotContain(title, (await visitor.GetAsync("/documents")).Document.Body!.TextContent);
        foreach (var reader in new[] { visitor, candidate }) // someone else's proposal: what an unknown id gets
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync($"/documents/bibliotheque/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/documents/bibliotheque/999999")).StatusCode);
        }
        Assert.Equal(pdf, await (await staff.Http.GetAsync($"/documents/bibliotheque/{id}")).Content.ReadAsByteArrayAsync());
        using var analyst = await SignedInAsync(AvisConformeSteps.Analyst);
        var (_, review) = await analyst.GetAsync("/Analyse/AvisConforme");
        var download = review.QuerySelector($"#document-{id} a[href='/documents/bibliotheque/{id}']")!;
        var fromAnalyst = await analyst.Http.GetAsync(download.GetAttribute("href"));
        Assert.Equal(pdf, await fromAnalyst.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", fromAnalyst.Headers.GetValues("X-Content-Type-Options").Single());

        Assert.True(PortalClient.IsRedirectTo(await AvisConformeSteps.DecideAsync(analyst, $"document-{id}", "Approve"), "/Analyse/AvisConforme"));
        Assert.Contains(title, (await visitor.GetAsync("/documents")).Document.Body!.TextContent);
        Assert.Equal(pdf, await (await visitor.Http.GetAsync($"/documents/bibliotheque/{id}")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"Avis conforme : le document « {title} »", portal.Mail.LatestTo("staff@cqp.test"));
    }
}
