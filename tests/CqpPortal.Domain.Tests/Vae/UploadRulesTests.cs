using System.Text;
using CqpPortal.Domain.Vae;

namespace CqpPortal.Domain.Tests.Vae;

/// <summary>Booklet files: PDF, JPEG or PNG by their first bytes, within the limits, with a safe name.</summary>
public class UploadRulesTests
{
    private const long MaxFile = 10 * 1024 * 1024;
    private const long MaxBooklet = 60 * 1024 * 1024;

    private static UploadDecision Check(string name, byte[] start, long length = 1000, long held = 0) =>
        UploadRules.Check(name, start, length, MaxFile, held, MaxBooklet);

    [Fact]
    public void A_pdf_a_jpeg_and_a_png_are_accepted_by_their_content()
    {
        Assert.Equal("application/pdf", Check("attestation.pdf", "%PDF-1.7\n"u8.ToArray()).ContentType);
        Assert.Equal("image/jpeg", Check("photo.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]).ContentType);
        Assert.Equal("image/png", Check("scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).ContentType);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><script>alert(1)</script>")]
    [InlineData("<html><body>")]
    public void Html_renamed_pdf_is_refused(string html)
    {
        var decision = Check("attestation.pdf", Encoding.UTF8.GetBytes(html));
        Assert.False(decision.Accepted);
        Assert.Contains("ni un PDF", decision.Refusal);
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })] // MZ: Windows executable
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })] // ELF: Linux executable
    public void An_executable_renamed_pdf_is_refused(byte[] start) =>
        Assert.False(Check("bulletin.pdf", start).Accepted);

    [Fact]
    public void An_empty_file_is_refused()
    {
        var decision = Check("vide.pdf", [], length: 0);
        Assert.False(decision.Accepted);
        Assert.Contains("vide", decision.Refusal);
    }

    [Fact]
    public void A_file_over_ten_megabytes_is_refused_with_the_limit()
    {
        var decision = Check("gros.pdf", "%PDF-"u8.ToArray(), length: 12 * 1024 * 1024);
        Assert.False(decision.Accepted);
        Assert.Equal("Le fichier pèse 12 Mo : 10 Mo au plus par fichier.", decision.Refusal);
        Assert.True(Check("juste.pdf", "%PDF-"u8.ToArray(), length: MaxFile).Accepted);
    }

    [Fact]
    public void A_file_that_would_take_the_booklet_over_sixty_megabytes_is_refused()
    {
        var decision = Check("dernier.pdf", "%PDF-"u8.ToArray(), length: 2 * 1024 * 1024, held: 59 * 1024 * 1024);
        Assert.False(decision.Accepted);
        Assert.Contains("60 Mo", decision.Refusal);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("attes\u0000tation\r\n.pdf", "attestation.pdf")]
    [InlineData("bulletin\u202Efdp.exe", "bulletinfdp.pdf")]
    [InlineData("....pdf", "document.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData("Fiche de paie mars.PDF", "Fiche de paie mars.pdf")]
    public void Names_lose_folders_and_control_characters_and_get_the_real_extension(string name, string expected) =>
        Assert.Equal(expected, Check(name, "%PDF-"u8.ToArray()).SafeName);

    [Fact]
    public void A_png_named_pdf_keeps_its_real_type_and_extension()
    {
        var decision = Check("scan.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Assert.Equal(("image/png", "scan.png"), (decision.ContentType, decision.SafeName));
    }
}
