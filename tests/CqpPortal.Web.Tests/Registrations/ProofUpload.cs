using AngleSharp.Html.Dom;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>Sends a file on the « Justificatifs » step as the browser does (multipart, with the page's anti-forgery token).</summary>
public static class ProofUpload
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    /// <param name="target"><c>Experience</c>, <c>Diploma</c> or <c>Request-{id}</c>.</param>
    /// <param name="paper">The paper form staff are entering, if any.</param>
    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string target, string fileName, byte[] content, int? paper = null)
    {
        var page = "/Candidat/Inscription/Justificatifs" + (paper is { } id ? $"?papier={id}" : "");
        var (_, document) = await client.GetAsync(page);
        var form = document.Forms.FirstOrDefault(f => f.Enctype == "multipart/form-data")
            ?? throw new InvalidOperationException($"No upload form on {page}.");
        var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        body.Add(new StringContent(target), "Target");
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        body.Add(part, "Upload", fileName);
        return await client.Http.PostAsync(page + (paper is null ? "?" : "&") + "handler=Upload", body);
    }
}
