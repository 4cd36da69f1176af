using System.Collections.Concurrent;
using CqpPortal.Web.Hosting;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CqpPortal.Web.Content;

public sealed record ContentPage(string Slug, string Title, string Description, string Html);

/// <summary>
/// The Markdown pages of content/ (copied beside the binaries), rendered once with Markdig. Raw HTML is disabled:
/// the Markdown is text, never markup we would have to sanitise.
/// </summary>
public sealed class ContentLibrary(Microsoft.Extensions.Options.IOptions<PortalSettings> settings)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers()
        .UsePipeTables()
        .UseListExtras()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private readonly ConcurrentDictionary<string, ContentPage?> cache = new();

    public string Folder => settings.Value.ContentPath is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "content");

    /// <summary>The pages there are, by file name.</summary>
    public IEnumerable<string> Slugs() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(IsValidSlug).Order() : [];

    public static bool IsValidSlug(string slug) => slug.Length is > 0 and <= 80 && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    public ContentPage? Find(string slug) => IsValidSlug(slug) ? cache.GetOrAdd(slug, Load) : null;

    private ContentPage? Load(string slug) => FileMarkdown(slug) is { } markdown ? Render(slug, markdown) : null;

    /// <summary>The Markdown of content/{slug}.md: the page's initial version, before staff edit it.</summary>
    public string? FileMarkdown(string slug)
    {
        if (!IsValidSlug(slug)) return null;
        var file = Path.Combine(Folder, slug + ".md");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    public static ContentPage Render(string slug, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var fields = frontMatter is null ? new Dictionary<string, string>() : ParseFrontMatter(frontMatter.Lines.ToString());
        if (frontMatter is not null) document.Remove(frontMatter);
        // The layout prints the title as the page's one h1: a leading "# Title" in the file becomes that title.
        string? heading = null;
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } h1)
        {
            heading = string.Concat(h1.Inline?.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()) ?? []);
            document.Remove(h1);
        }
        NeutraliseUnsafeLinks(document);
        StackTables(document);
        var title = fields.GetValueOrDefault("title") ?? heading ?? slug;
        return new ContentPage(slug, title, fields.GetValueOrDefault("description") ?? "", document.ToHtml(Pipeline));
    }

    /// <summary>
    /// Raw HTML is already text; what is left for a script is a link or image address such as "javascript:" or
    /// "data:text/html". Only web, mail and telephone addresses and paths of this site are kept; others become "#".
    /// </summary>
    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!IsSafeUrl(autolink.Url)) autolink.Url = "#";
    }

    /// <summary>
    /// A table reads on a phone as one card per row (site.css, <c>table.stack</c>): each cell carries its column's
    /// header as <c>data-label</c>, which the stylesheet shows before the value.
    /// </summary>
    private static void StackTables(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            table.GetAttributes().AddClass("stack");
            if (table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader) is not { } header) continue;
            var labels = header.OfType<TableCell>().Select(c => string.Concat(c.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim()).ToList();
            foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
                foreach (var (cell, column) in row.OfType<TableCell>().Select((cell, column) => (cell, column)))
                    if (column < labels.Count && labels[column].Length > 0) cell.GetAttributes().AddProperty("data-label", labels[column]);
        }
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // no scheme: a path, a query or an anchor of this site
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>The front matter's fields of a Markdown text (lower-case keys), empty without one.</summary>
    public static IReadOnlyDictionary<string, string> FrontMatter(string markdown)
    {
        var block = Markdown.Parse(markdown, Pipeline).Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        return block is null ? new Dictionary<string, string>() : ParseFrontMatter(block.Lines.ToString());
    }

    /// <summary>Only flat `key: value` lines: our pages need a title and a description, nothing more.</summary>
    private static Dictionary<string, string> ParseFrontMatter(string yaml) =>
        yaml.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Length > 0)
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"', '\''));
}
