using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CqpPortal.Web.Documents;

/// <summary>
/// Who makes the documents, as every PDF prints it: the identity block at the top of the first page (name, address,
/// SIRET, activity declaration, contact) and the place and signatory of « Fait à …, le … ». Made from the
/// <c>Organisation</c> settings (<see cref="Contacts.OrganisationContact"/>).
/// </summary>
public sealed record PdfLetterhead(
    string Name, IReadOnlyList<string> AddressLines, string? Siret, string? ActivityDeclaration, string? Phone, string? Email,
    string? Website, string City, string SignatoryName, string SignatoryRole);

/// <summary>
/// Our one small PDF writer (MigraDoc is not served here): A4 pages, a heading, wrapped paragraphs and label/value
/// lines, new pages as needed. Takes text, returns bytes; testable without the app. Every document gets the
/// organisation's identity block (<see cref="Letterhead"/>), its reference when given (<see cref="Reference"/>) and
/// « Page n sur N » on every page; letters and certified documents end with <see cref="MadeAndSigned"/>.
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
    private readonly XFont smallBold = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold);
    private readonly string footer;
    private readonly PdfLetterhead? letterhead = Letterhead;
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;
    private string? reference;

    /// <summary>
    /// The organisation's identity, the same for every document of the process: set once at start from the validated
    /// <c>Organisation</c> settings (<c>UseOrganisationLetterhead</c>), like the font resolver. Null (a writer used
    /// without the app): no identity block, « Fait le … » without a place or signatory.
    /// </summary>
    public static PdfLetterhead? Letterhead { get; set; }

    public PdfDocumentWriter(string documentTitle, string footer, string author = "Organisme de formation")
    {
        this.footer = footer;
        document.Info.Title = documentTitle;
        document.Info.Author = author;
        NewPage();
        if (letterhead is not null) IdentityBlock(letterhead);
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

    /// <summary>
    /// The document's reference (<c>DocumentReference</c> in the domain: « DEC-2026-000123 »), printed at the top of the
    /// first page and in every page's footer. Give the same reference each time the same document is made.
    /// </summary>
    public PdfDocumentWriter Reference(string documentReference)
    {
        reference = documentReference;
        document.Info.Subject = $"Référence {documentReference}";
        return this;
    }

    /// <summary>
    /// The end of a letter or a certified document: « Fait à {city}, le {day} », then <paramref name="onBehalfOf"/> and
    /// the organisation's signatory (name and role), kept on one page. <paramref name="day"/> is the document's own day
    /// (a decision's, a convocation's), so that the same document made twice says the same.
    /// </summary>
    public PdfDocumentWriter MadeAndSigned(DateOnly day, string onBehalfOf = "Pour l'organisme de formation")
    {
        KeepTogether(4 * 14.5 + 12);
        y += 6;
        if (letterhead is null)
        {
            Lines($"Fait le {Formatting.FrenchFormat.Date(day)}", body, 14.5);
            y += 6;
            return this;
        }
        Lines(string.IsNullOrWhiteSpace(letterhead.City) ? $"Fait le {Formatting.FrenchFormat.Date(day)}" : $"Fait à {letterhead.City}, le {Formatting.FrenchFormat.Date(day)}", body, 14.5);
        Lines($"{onBehalfOf},", body, 14.5);
        if (!string.IsNullOrWhiteSpace(letterhead.SignatoryName)) Lines(letterhead.SignatoryName, bold, 14.5);
        if (!string.IsNullOrWhiteSpace(letterhead.SignatoryRole)) Lines(letterhead.SignatoryRole, body, 14.5);
        y += 6;
        return this;
    }

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

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one (keeps a chart in one piece).</summary>
    public PdfDocumentWriter KeepTogether(double height)
    {
        if (y + height > Bottom) NewPage();
        return this;
    }

    /// <summary>
    /// A PNG image (a chart) at the left margin, <paramref name="widthPoints"/> by <paramref name="heightPoints"/>, kept on
    /// one page. Its pixels are embedded as they are, so a 180 dpi chart prints at 180 dpi.
    /// </summary>
    public PdfDocumentWriter Image(byte[] png, double widthPoints, double heightPoints)
    {
        KeepTogether(heightPoints + 4);
        // Not disposed here: the document may read the image's stream again when it is saved.
        var image = XImage.FromStream(new MemoryStream(png, writable: false));
        graphics!.DrawImage(image, Margin, y, widthPoints, heightPoints);
        y += heightPoints + 4;
        return this;
    }

    /// <summary>
    /// Signature blocks side by side (a certificate's « Pour la CPNEFP », « Pour le SIST », « Le titulaire »): each a
    /// label in bold over a framed space of <paramref name="height"/> points to sign in, kept on one page.
    /// </summary>
    public PdfDocumentWriter SignatureBlocks(IReadOnlyList<string> labels, double height = 70)
    {
        const double gap = 12, labelHeight = 16;
        KeepTogether(labelHeight + height + 8);
        var width = (Width - gap * (labels.Count - 1)) / labels.Count;
        var pen = new XPen(XColors.DimGray, 0.6);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Margin + i * (width + gap);
            graphics!.DrawString(labels[i], bold, XBrushes.Black, new XRect(x, y, width, labelHeight), XStringFormats.TopLeft);
            graphics.DrawRectangle(pen, x, y + labelHeight, width, height);
        }
        y += labelHeight + height + 8;
        return this;
    }

    /// <summary>
    /// A matrix code (a QR code's modules, true = dark) drawn as vector squares at the left margin, <paramref name="size"/>
    /// points wide with a quiet zone of four modules: sharp at any print resolution.
    /// </summary>
    public PdfDocumentWriter MatrixCode(IReadOnlyList<IReadOnlyList<bool>> modules, double size)
    {
        KeepTogether(size + 4);
        var module = size / (modules.Count + 8);
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules[row].Count; column++)
                if (modules[row][column])
                    graphics!.DrawRectangle(XBrushes.Black, Margin + (column + 4) * module, y + (row + 4) * module, module, module);
        y += size + 4;
        return this;
    }

    /// <summary>A small table: the first column left-aligned, the figures right-aligned; bold rows for totals.</summary>
    public PdfDocumentWriter Table(IReadOnlyList<string> headers, IReadOnlyList<(IReadOnlyList<string> Cells, bool Bold)> rows)
    {
        const double rowHeight = 13;
        var first = Width * (headers.Count > 3 ? 0.31 : 0.46);
        var other = headers.Count > 1 ? (Width - first) / (headers.Count - 1) : 0;
        KeepTogether(rowHeight * Math.Min(rows.Count + 1, 8));
        void Line(IReadOnlyList<string> cells, XFont font)
        {
            if (y + rowHeight > Bottom) NewPage();
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = i == 0 ? new XRect(Margin, y, first, rowHeight) : new XRect(Margin + first + (i - 1) * other, y, other - 4, rowHeight);
                graphics!.DrawString(cells[i], font, XBrushes.Black, rect, i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
            }
            y += rowHeight;
        }
        Line(headers, smallBold);
        graphics!.DrawLine(new XPen(XColors.DimGray, 0.6), Margin, y, Margin + Width, y);
        foreach (var (cells, isBold) in rows) Line(cells, isBold ? smallBold : small);
        y += 6;
        return this;
    }

    /// <summary>
    /// A ruled table with rows tall enough to sign in (an attendance sheet): <paramref name="widths"/> are the columns'
    /// shares of the line; the header row is repeated on each new page.
    /// </summary>
    public PdfDocumentWriter SignatureTable(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows, double rowHeight)
    {
        const double headerHeight = 18;
        var pen = new XPen(XColors.DimGray, 0.6);
        void Row(IReadOnlyList<string> cells, XFont font, double height)
        {
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var w = Width * widths[i];
                graphics!.DrawRectangle(pen, x, y, w, height);
                graphics.DrawString(cells[i], font, XBrushes.Black, new XRect(x + 4, y, w - 8, height), XStringFormats.CenterLeft);
                x += w;
            }
            y += height;
        }
        KeepTogether(headerHeight + rowHeight);
        Row(headers, smallBold, headerHeight);
        foreach (var cells in rows)
        {
            if (y + rowHeight > Bottom)
            {
                NewPage();
                Row(headers, smallBold, headerHeight);
            }
            Row(cells, body, rowHeight);
        }
        y += 6;
        return this;
    }

    public byte[] ToBytes()
    {
        graphics?.Dispose();
        graphics = null;
        DrawFooters();
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
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>The name, address, SIRET, activity declaration and contact, small, above a thin rule.</summary>
    private void IdentityBlock(PdfLetterhead head)
    {
        var lines = new List<(string Text, XFont Font)>();
        if (!string.IsNullOrWhiteSpace(head.Name)) lines.Add((head.Name, smallBold));
        var address = head.AddressLines.Where(l => !string.Equals(l, head.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (address.Count > 0) lines.Add((string.Join(", ", address), small));
        var legal = new[]
        {
            string.IsNullOrWhiteSpace(head.Siret) ? null : $"SIRET {head.Siret}",
            string.IsNullOrWhiteSpace(head.ActivityDeclaration) ? null : $"Déclaration d'activité n° {head.ActivityDeclaration}",
        }.OfType<string>().ToList();
        if (legal.Count > 0) lines.Add((string.Join(" – ", legal), small));
        var contact = new[]
        {
            string.IsNullOrWhiteSpace(head.Phone) ? null : $"Tél. {head.Phone}", head.Email, head.Website,
        }.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (contact.Count > 0) lines.Add((string.Join(" – ", contact), small));
        if (lines.Count == 0) return;
        foreach (var (text, font) in lines) Lines(text, font, 11);
        y += 4;
        graphics!.DrawLine(new XPen(XColors.DimGray, 0.6), Margin, y, Margin + Width, y);
        y += 14;
    }

    /// <summary>
    /// Drawn once every page exists: the footer text on the left, « Réf. … – Page n sur N » on the right (on a second line
    /// when they would meet), and the reference at the top right of the first page.
    /// </summary>
    private void DrawFooters()
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var current = document.Pages[i];
            using var g = XGraphics.FromPdfPage(current, XGraphicsPdfPageOptions.Append);
            var width = current.Width.Point - 2 * Margin;
            var top = current.Height.Point - Margin;
            var numbering = (reference is null ? "" : $"Réf. {reference} – ") + $"Page {i + 1} sur {count}";
            var room = width - g.MeasureString(numbering, small).Width - 12;
            g.DrawString(footer, small, XBrushes.DimGray, new XRect(Margin, top, width, 12), XStringFormats.TopLeft);
            var numberingTop = g.MeasureString(footer, small).Width > room ? top + 11 : top;
            g.DrawString(numbering, small, XBrushes.DimGray, new XRect(Margin, numberingTop, width, 12), XStringFormats.TopRight);
            if (i == 0 && reference is not null)
                g.DrawString($"Référence : {reference}", smallBold, XBrushes.Black, new XRect(Margin, Margin - 26, width, 12), XStringFormats.TopRight);
        }
    }
}

