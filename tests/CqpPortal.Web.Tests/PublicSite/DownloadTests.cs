using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Downloads;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

[Collection(PortalCollection.Name)]
public partial class DownloadTests(DemoPortal portal)
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Flat(string text) => Spaces().Replace(text, " ");

    private static readonly Dictionary<string, string> Identity = new()
    {
        ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Durand", ["Input.BirthDate"] = "1990-04-12", ["Input.Sex"] = "Female", ["Input.Region"] = "Bretagne",
    };

    [Fact]
    public async Task The_registration_pdf_downloads_with_every_question_label_choice_and_help_of_the_online_form()
    {
        using var visitor = PortalClient.For(portal);
        var response = await visitor.Http.GetAsync("/documents/bulletin-inscription.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bulletin-inscription-cqp-telesecretaire.pdf", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));

        var text = Flat(PdfText.Of(await response.Content.ReadAsByteArrayAsync()));
        var fields = RegistrationForm.Steps.SelectMany(s => s.Fields).ToList();
        Assert.True(fields.Count >= 20);
        foreach (var field in fields)
        {
            Assert.Contains(Flat(field.Label), text);
            if (field.Help is { } help) Assert.Contains(Flat(help), text);
            foreach (var choice in field.Options) Assert.Contains(Flat(choice.Label), text);
        }
        Assert.Contains("Salarié(e)", text);
        Assert.Contains("Niveau 4", text);
    }

    [Fact]
    public async Task The_online_form_prints_the_same_labels_as_the_descriptor_the_pdf_is_made_from()
    {
        using var candidate = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.True(PortalClient.IsRedirectTo(await candidate.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));
        Assert.True(PortalClient.IsRedirectTo(await candidate.SubmitAsync("/Candidat/Inscription/Parcours", new Dictionary<string, string>
        {
            ["Input.Route"] = "Free", ["Input.Funding"] = "Cpf", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EducationLevel"] = "4", ["Input.DiplomaGroup"] = "GeneralBaccalaureate",
        }), "/Candidat/Inscription/Experience"));
        foreach (var step in RegistrationForm.Steps)
        {
            var (response, page) = await candidate.GetAsync($"/Candidat/Inscription/{step.Page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var labels = page.QuerySelectorAll("main label, main legend").Select(l => Flat(l.TextContent).Trim()).ToList();
            foreach (var field in step.Fields)
                Assert.True(labels.Any(l => l.StartsWith(field.Label, StringComparison.Ordinal)), $"{step.Page}: « {field.Label} » not in {string.Join(" | ", labels)}");
            // Choices are radio labels or select options.
            var options = labels.Concat(page.QuerySelectorAll("main option").Select(o => Flat(o.TextContent).Trim())).ToList();
            foreach (var choice in step.Fields.SelectMany(f => f.Options))
                Assert.Contains(options, l => l.StartsWith(choice.Label, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_downloads_page_lists_the_form_and_the_three_guides_with_size_and_date_and_each_guide_is_a_real_pdf()
    {
        using var visitor = PortalClient.For(portal);
        var (response, page) = await visitor.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => Flat(r.TextContent)).ToList();
        Assert.Contains(rows, r => r.Contains("Bulletin d'inscription"));
        Assert.Contains(rows, r => r.Contains("Guide du livret 1 de VAE"));
        Assert.Contains(rows, r => r.Contains("Guide du livret 2 de VAE"));
        Assert.Contains(rows, r => r.Contains("Guide du candidat"));
        Assert.All(rows, r => Assert.Matches(@"\d+(,\d)? (ko|Mo|octets)", r));
        Assert.All(rows, r => Assert.Matches(@"\d{1,2} \p{L}+ \d{4}", r));

        foreach (var (key, expected) in new[] { ("livret-1-vae", "par délégation de la CPNEFP"), ("livret-2-vae", "Unité 3"), ("guide-du-candidat", "coefficient 150") })
        {
            var pdf = await visitor.Http.GetAsync($"/documents/{key}.pdf");
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{key}.pdf", pdf.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            var text = Flat(PdfText.Of(await pdf.Content.ReadAsByteArrayAsync()));
            Assert.Contains(expected, text);
            Assert.DoesNotContain("**", text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/documents/nexiste-pas.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/documents/bibliotheque/999999")).StatusCode);
    }

    private static MultipartFormDataContent Upload(IEnumerable<KeyValuePair<string, string>> hidden, string title, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in hidden) form.Add(new StringContent(v), k);
        form.Add(new StringContent(title), "Input.Title");
        form.Add(new StringContent("Candidates"), "Input.Audience");
        form.Add(new StringContent("Pour préparer la journée."), "Input.Description");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "Input.File", fileName);
        return form;
    }

    private static async Task<List<KeyValuePair<string, string>>> TokenAsync(PortalClient client)
    {
        var (_, page) = await client.GetAsync("/Staff/Documents");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        return form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
    }

    [Fact]
    public async Task Staff_upload_a_pdf_that_the_public_page_lists_and_serves_under_a_safe_name_then_withdraw_it()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var title = $"Convocation type {Guid.NewGuid():N}"[..26] + " « été » ../\"x\"";
        var pdf = PdfDocumentWriterBytes();
        var posted = await staff.Http.PostAsync("/Staff/Documents", Upload(await TokenAsync(staff), title, pdf, "../../etc/passwd.pdf"));
        Assert.True(PortalClient.IsRedirectTo(posted, "/Staff/Documents"), $"{posted.StatusCode}");

        int id;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().LibraryDocuments.AsNoTracking().SingleAsync(d => d.Title == title.Trim());
            (id, var fileName) = (stored.Id, stored.FileName);
            Assert.Matches("^[a-z0-9-]+\\.pdf$", fileName);
            Assert.StartsWith("convocation-type-", fileName);
            Assert.Equal("staff@cqp.test", stored.UploadedBy);
            Assert.Equal(pdf.Length, stored.Size);
        }

        using var visitor = PortalClient.For(portal);
        Assert.DoesNotContain(title.Trim(), (await visitor.GetAsync("/documents")).Document.Body!.TextContent); // a proposal until SIST approves it
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/documents/bibliotheque/{id}")).StatusCode);
        await AvisConformeSteps.ApproveDocumentAsync(portal, id);
        var (_, list) = await visitor.GetAsync("/documents");
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(title.Trim()));
        Assert.Contains("Candidats", row.TextContent);
        Assert.Contains("Pour préparer la journée.", row.TextContent);
        Assert.Contains(DocumentLibrary.FileSize(pdf.Length), row.TextContent);
        var download = await visitor.Http.GetAsync($"/documents/bibliotheque/{id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Matches("^convocation-type-[a-z0-9-]+\\.pdf$", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var (_, staffPage) = await staff.GetAsync("/Staff/Documents");
        var withdraw = staffPage.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => Regex.IsMatch(f.GetAttribute("action") ?? "", $"[?&]id={id}(&|$)"));
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(withdraw, "/Staff/Documents", new Dictionary<string, string>()), "/Staff/Documents"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/documents/bibliotheque/{id}")).StatusCode);
    }

    private static byte[] PdfDocumentWriterBytes() => new Documents.PdfDocumentWriter("Essai", "Essai").Title("Convocation type").Paragraph("Un document d'essai.").ToBytes();

    [Theory]
    [InlineData("not-a-pdf", "Ce fichier n'est pas un PDF")]
    [InlineData("too-large", "dépasse la taille maximale")]
    public async Task A_file_that_is_not_a_pdf_or_too_large_is_refused_in_french_and_the_typed_title_is_kept(string kind, string message)
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var title = $"Refusé {Guid.NewGuid():N}"[..20];
        var bytes = kind == "not-a-pdf" ? "MZ\u0090 pas un pdf"u8.ToArray() : [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[DocumentLibrary.DefaultMaxBytes]];
        var response = await staff.Http.PostAsync("/Staff/Documents", Upload(await TokenAsync(staff), title, bytes, "document.pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#file-error")!.TextContent);
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Pour préparer la journée.", page.QuerySelector("#Input_Description")!.TextContent.Trim());
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().LibraryDocuments.AnyAsync(d => d.Title == title));
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("manager@cqp.test")]
    [InlineData("jury@cqp.test")]
    public async Task Only_staff_manage_the_library(string account)
    {
        using var user = PortalClient.For(portal);
        await user.LoginAsync(account);
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync("/Staff/Documents"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await user.Http.PostAsync("/Staff/Documents?handler=Delete&id=1", new FormUrlEncodedContent([])), "/Compte/AccesRefuse"));
    }

    [Theory]
    [InlineData("Guide du jury 2026 (v2)", "guide-du-jury-2026-v2.pdf")]
    [InlineData("Œuvre « été » ../../passwd", "oeuvre-ete-passwd.pdf")]
    [InlineData("\"; rm -rf", "rm-rf.pdf")]
    [InlineData("!!!", "document.pdf")]
    public void File_names_are_made_from_the_title_with_plain_letters_digits_and_hyphens(string title, string expected) =>
        Assert.Equal(expected, DocumentLibrary.SafeFileName(title));
}
