using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CqpPortal.Web.Documents;

/// <summary>
/// Our one small PDF writer (MigraDoc is not served here): A4 pages, a heading, wrapped paragraphs and label/value
/// lines, new pages as needed. Takes text, returns bytes; testable without the app.
/// </summary>
public sealed class PdfDocumentWriter
{
    private const double Margin = 56; // ~2 cm
    private static readonly Lock SetupLock = new();
    private static bool configured;

    private readonly PdfDocument document = new();
    private readonly XFont body = new(DejaVuFontResolver.Family, 10.5);
    private readonly XFont bold = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
    private readonly XFont title = new(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);
    private readonly XFont small = new(DejaVuFontResolver.Family, 8.5);
    private readonly string footer;
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;

    public PdfDocumentWriter(string documentTitle, string footer)
    {
        this.footer = footer;
        document.Info.Title = documentTitle;
        document.Info.Author = "Organisme de formation – CQP Télésecrétaire qualifié(e)";
        NewPage();
    }

    /// <summary>PDFsharp 6.5 is AGPL-3.0 (so is this project) and needs our font resolver: set both once per process.</summary>
    public static void EnsureConfigured()
    {
        lock (SetupLock)
        {
            if (configured) return;
            PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
            configured = true;
        }
    }

    static PdfDocumentWriter() => EnsureConfigured();

    private double Width => page!.Width.Point - 2 * Margin;
    private double Bottom => page!.Height.Point - Margin - 20;

    public PdfDocumentWriter Title(string text)
    {
        Lines(text, title, 22);
        y += 8;
        return this;
    }

    public PdfDocumentWriter Heading(string text)
    {
        y += 8;
        Lines(text, bold, 15);
        y += 2;
        return this;
    }

    public PdfDocumentWriter Paragraph(string text)
    {
        foreach (var part in text.Split('\n')) Lines(part, body, 14.5);
        y += 6;
        return this;
    }

    /// <summary>One line of text (wrapped when long) with no space after it: list items, choices.</summary>
    public PdfDocumentWriter Line(string text, bool strong = false)
    {
        Lines(text, strong ? bold : body, 14.5);
        return this;
    }

    /// <summary>A line in the small font (help under a question).</summary>
    public PdfDocumentWriter Note(string text)
    {
        Lines(text, small, 11.5);
        return this;
    }

    /// <summary>Vertical space, in points.</summary>
    public PdfDocumentWriter Space(double points)
    {
        y += points;
        return this;
    }

    public PdfDocumentWriter Field(string label, string value)
    {
        Lines($"{label} : {value}", body, 14.5);
        return this;
    }

    public byte[] ToBytes()
    {
        DrawFooter();
        graphics?.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Lines(string text, XFont font, double lineHeight)
    {
        foreach (var line in Wrap(text, font))
        {
            if (y + lineHeight > Bottom) NewPage();
            graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) { yield return ""; yield break; }
        var line = "";
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics!.MeasureString(candidate, font).Width > Width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        yield return line;
    }

    private void NewPage()
    {
        if (graphics is not null)
        {
            DrawFooter();
            graphics.Dispose();
        }
        page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void DrawFooter() =>
        graphics!.DrawString($"{footer} – page {document.PageCount}", small, XBrushes.DimGray,
            new XRect(Margin, page!.Height.Point - Margin, Width, 12), XStringFormats.TopLeft);
}
