using System.Net;
using System.Net.Http.Headers;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>An upload over the request limit gets the French 413 page with the limit and a way back, never a 400 or 404.</summary>
[Collection(PortalCollection.Name)]
public class UploadLimitTests(DemoPortal portal)
{
    private const int Megabyte = 1024 * 1024;

    /// <summary>Zeros, without a length: the client sends the body in chunks, so only counting it as it is read can refuse it.</summary>
    private sealed class Zeros(long length) : Stream
    {
        private long left = length;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, left);
            Array.Clear(buffer, offset, n);
            left -= n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task AssertFrenchTooLargePageAsync(HttpResponseMessage response, int megabytes, string backTo)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains($"Le fichier dépasse la taille maximale de {megabytes} Mo", page.Body!.TextContent);
        Assert.Equal(backTo, page.QuerySelector("a.back-to-form")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_proof_over_the_request_limit_gets_the_french_413_page_with_the_limit()
    {
        using var candidate = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[31 * Megabyte]) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/pdf") } }, "Upload", "attestation.pdf" },
        };
        var response = await candidate.Http.PostAsync("/Candidat/Inscription/Justificatifs?handler=Upload", form);
        await AssertFrenchTooLargePageAsync(response, 30, "/Candidat/Inscription/Justificatifs?handler=Upload");
    }

    [Fact]
    public async Task An_import_file_streamed_past_the_page_limit_gets_the_french_413_page_too()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync("/Staff/Imports");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Candidates"), "Input.Kind" },
            { new StreamContent(new Zeros(70L * Megabyte)), "Input.File", "historique.csv" },
        };
        Assert.Null(form.Headers.ContentLength);
        var response = await staff.Http.PostAsync("/Staff/Imports", form);
        await AssertFrenchTooLargePageAsync(response, 64, "/Staff/Imports");
    }
}
