using System.Diagnostics;

namespace CqpPortal.Testing;

/// <summary>Reads a PDF back as text with poppler's pdftotext, as a person reading the document would.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf) => Poppler("pdftotext", pdf, "-layout", "{file}", "-");

    /// <summary>How many images the PDF draws (poppler's pdfimages; an image's transparency mask is not counted).</summary>
    public static int ImageCount(byte[] pdf) =>
        Poppler("pdfimages", pdf, "-list", "{file}").Split('\n').Skip(2)
            .Count(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", ..]);

    private static string Poppler(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cqp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument == "{file}" ? file : argument);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: " + process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
