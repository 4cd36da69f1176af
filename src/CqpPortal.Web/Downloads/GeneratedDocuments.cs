using System.Collections.Concurrent;
using CqpPortal.Web.Content;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Registrations;

namespace CqpPortal.Web.Downloads;

/// <summary>A PDF the portal makes itself: the registration form, and the guides written in content/guides/.</summary>
public sealed record GeneratedDocument(string Key, string Title, DocumentAudience Audience, string Description, string FileName, byte[] Content, DateTimeOffset Date);

/// <summary>
/// The PDFs generated from the portal's own sources, made once per process (they change only with a deployment):
/// the blank registration form from <see cref="RegistrationForm"/>, and each Markdown guide of content/guides/
/// (front matter: title, description, audience).
/// </summary>
public sealed class GeneratedDocuments(ContentLibrary content, Certificates.CertificationNames names)
{
    public const string RegistrationFormKey = "bulletin-inscription";

    private readonly ConcurrentDictionary<string, GeneratedDocument?> made = new();

    public string GuidesFolder => Path.Combine(content.Folder, "guides");

    public IReadOnlyList<string> Keys() =>
        [RegistrationFormKey, .. Directory.Exists(GuidesFolder)
            ? Directory.GetFiles(GuidesFolder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(ContentLibrary.IsValidSlug).Order()
            : Enumerable.Empty<string>()];

    public IReadOnlyList<GeneratedDocument> All() => Keys().Select(Find).OfType<GeneratedDocument>().ToList();

    public GeneratedDocument? Find(string key) => ContentLibrary.IsValidSlug(key) ? made.GetOrAdd(key, Make) : null;

    private GeneratedDocument? Make(string key)
    {
        if (key == RegistrationFormKey)
            return new GeneratedDocument(key, "Bulletin d'inscription", DocumentAudience.Candidates,
                "Le bulletin d'inscription à imprimer : les mêmes questions que l'inscription en ligne.", "bulletin-inscription-cqp-telesecretaire.pdf",
                RegistrationFormPdf.Render(names.Current().Name), new DateTimeOffset(File.GetLastWriteTimeUtc(typeof(RegistrationForm).Assembly.Location), TimeSpan.Zero));
        var file = Path.Combine(GuidesFolder, key + ".md");
        if (!File.Exists(file)) return null;
        var markdown = File.ReadAllText(file);
        var page = ContentLibrary.Render(key, markdown);
        var audience = ContentLibrary.FrontMatter(markdown).GetValueOrDefault("audience") is { } a && Enum.TryParse<DocumentAudience>(a, out var parsed) ? parsed : DocumentAudience.Everyone;
        return new GeneratedDocument(key, page.Title, audience, page.Description, key + ".pdf", MarkdownPdf.Render(page.Title, markdown),
            new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
    }
}
