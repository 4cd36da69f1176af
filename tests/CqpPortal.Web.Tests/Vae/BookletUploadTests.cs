using System.Net;
using System.Text;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

/// <summary>Refused files: a French message beside the field, the typed lines still in the form, nothing stored.</summary>
[Collection(PortalCollection.Name)]
public class BookletUploadTests(DemoPortal portal)
{
    // The files are looked up by their description: xunit serialises theory data at discovery, and a 12 MB array as
    // data cost minutes and gigabytes of memory before any test ran.
    private static readonly Dictionary<string, (string Name, byte[] Content)> Files = new()
    {
        ["HTML renamed .pdf"] = ("attestation.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert('x')</script></html>")),
        ["Windows executable renamed .pdf"] = ("bulletin.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
        ["Linux executable renamed .pdf"] = ("contrat.pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
        ["empty file"] = ("vide.pdf", []),
        ["12 MB file"] = ("enorme.pdf", [.. "%PDF-1.4\n"u8, .. new byte[12 * 1024 * 1024]]),
    };

    public static TheoryData<string> Refused => new(Files.Keys);

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_gets_a_french_message_and_the_typed_text_stays(string what)
    {
        var (name, content) = Files[what];
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Fichiers");
        var typed = Merge(Job(0, "Employeur saisi non enregistré", "2019-01-01", "2022-12-31", VaeJobKind.TeleSecretary),
            new Dictionary<string, string> { ["Input.DocumentKind"] = "EmployerAttestation" });
        var response = await PostAsync(candidate, One, "Upload", typed, (name, content));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode}");
        var page = await PortalClient.ParseAsync(response);
        var error = page.QuerySelector("#upload-error")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(error), what);
        Assert.Matches("vide|ni un PDF|10 Mo au plus", error);
        Assert.Equal("Employeur saisi non enregistré", page.QuerySelector("#job-0-employer")!.GetAttribute("value"));
        Assert.Contains("10 Mo au plus par fichier", page.QuerySelector("#upload-limits")!.TextContent);
        Assert.Empty((await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Documents);
        candidate.Dispose();
    }

    [Fact]
    public async Task A_dangerous_name_is_sanitised_and_the_file_is_served_as_an_attachment()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "NomDouteux");
        var response = await PostAsync(candidate, One, "Upload", new Dictionary<string, string> { ["Input.DocumentKind"] = "Diploma" }, ("../../etc/dipl\u0007ome.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Documents.Single();
        Assert.Equal("diplome.pdf", document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
        var served = await candidate.Http.GetAsync($"/Candidat/Vae/Fichier/{document.Id}");
        Assert.Equal("diplome.pdf", served.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        candidate.Dispose();
    }
}
