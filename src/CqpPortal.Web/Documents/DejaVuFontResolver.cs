using PdfSharp.Fonts;

namespace CqpPortal.Web.Documents;

/// <summary>
/// PDFsharp on Linux finds no system fonts by itself: we serve Debian's DejaVu Sans (package fonts-dejavu-core),
/// which has every French character (accents, « », œ, ’).
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        var file = FontFile(faceName)
            ?? throw new InvalidOperationException($"Font {faceName}.ttf not found: install the Debian package fonts-dejavu-core.");
        return File.ReadAllBytes(file);
    }

    /// <summary>The file of a DejaVu face ("DejaVuSans-Bold"), or null when the package is missing; the charts load it too.</summary>
    public static string? FontFile(string faceName) =>
        Folders.Select(f => Path.Combine(f, faceName + ".ttf")).FirstOrDefault(File.Exists);
}
