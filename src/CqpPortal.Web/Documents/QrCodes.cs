using System.Globalization;
using System.Text;
using QRCoder;

namespace CqpPortal.Web.Documents;

/// <summary>The portal's QR codes (QRCoder, error correction M): the modules drawn by the PDFs and an SVG for web pages.</summary>
public static class QrCodes
{
    private const int QuietZone = 4;

    /// <summary>The modules of a text's QR code, without QRCoder's quiet zone: drawn as vector squares.</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Skip(QuietZone).Take(data.ModuleMatrix.Count - 2 * QuietZone)
            .Select(row => (IReadOnlyList<bool>)Enumerable.Range(QuietZone, row.Length - 2 * QuietZone).Select(i => row[i]).ToList()).ToList();
    }

    /// <summary>
    /// The QR code as an inline SVG image (one path, dark on white, with its quiet zone), scaling to its box: no script,
    /// no external image, so the page's CSP is unchanged. <paramref name="label"/> is what a screen reader says.
    /// </summary>
    public static string Svg(string text, string label)
    {
        var modules = Modules(text);
        var size = modules.Count + 2 * QuietZone;
        var path = new StringBuilder();
        for (var y = 0; y < modules.Count; y++)
            for (var x = 0; x < modules[y].Count; x++)
                if (modules[y][x])
                    path.Append(CultureInfo.InvariantCulture, $"M{x + QuietZone} {y + QuietZone}h1v1h-1z");
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
