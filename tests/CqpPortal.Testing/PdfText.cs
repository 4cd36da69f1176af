using System.Diagnostics;

namespace CqpPortal.Testing;

/// <summary>Reads a PDF back as text with poppler's pdftotext, as a person reading the document would.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cqp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-layout");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("pdftotext failed: " + process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
