using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CqpPortal.Web.Documents;

/// <summary>
/// A Markdown guide of content/ as a PDF: headings, paragraphs, lists and tables as lines of text through
/// <see cref="PdfDocumentWriter"/>. Nothing of the Markdown is interpreted as markup, so nothing can be injected.
/// </summary>
public static class MarkdownPdf
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    public static byte[] Render(string title, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var pdf = new PdfDocumentWriter(title, title).Title(title);
        foreach (var block in document) Write(pdf, block, "");
        return pdf.ToBytes();
    }

    private static void Write(PdfDocumentWriter pdf, Block block, string indent)
    {
        switch (block)
        {
            case YamlFrontMatterBlock:
                break;
            case HeadingBlock { Level: 1 }:
                break; // the title is the document's title, printed once
            case HeadingBlock heading:
                pdf.Heading(Text(heading.Inline));
                break;
            case ParagraphBlock paragraph when indent.Length == 0:
                pdf.Paragraph(Text(paragraph.Inline));
                break;
            case ParagraphBlock paragraph:
                pdf.Line(indent + Text(paragraph.Inline));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p) pdf.Line(indent + marker + Text(p.Inline));
                        else Write(pdf, child, indent + "    ");
                        first = false;
                    }
                }
                if (indent.Length == 0) pdf.Space(6);
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(" ", c.OfType<ParagraphBlock>().Select(p => Text(p.Inline)))).ToList();
                    pdf.Line(string.Join(" – ", cells), strong: row.IsHeader);
                }
                pdf.Space(6);
                break;
            case ContainerBlock container:
                foreach (var child in container) Write(pdf, child, indent);
                break;
            case LeafBlock leaf:
                pdf.Paragraph(leaf.Lines.ToString());
                break;
        }
    }

    private static string Text(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case LinkInline link:
                Append(text, link.FirstChild, siblings: true);
                if (link.Url is { } url && url.StartsWith("http", StringComparison.Ordinal)) text.Append(" (").Append(url).Append(')');
                break;
            case ContainerInline container:
                Append(text, container.FirstChild, siblings: true);
                break;
        }
    }

    private static void Append(StringBuilder text, Inline? first, bool siblings)
    {
        for (var inline = first; inline is not null; inline = siblings ? inline.NextSibling : null) Append(text, inline);
    }
}
