using System.Globalization;

namespace CqpPortal.Domain.Documents;

/// <summary>File sizes as the portal writes them everywhere (downloads, booklets, report runs, upload messages).</summary>
public static class FileSize
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 512 octets », « 245 ko », « 1,4 Mo »: kilo with a small k (SI), one decimal in megabytes, a comma.</summary>
    public static string InFrench(long bytes) => bytes switch
    {
        < 1024 => $"{Math.Max(0, bytes)} octets",
        < 1024 * 1024 => $"{(long)Math.Ceiling(bytes / 1024.0)} ko",
        _ => Math.Round(bytes / 1048576.0, 1).ToString("0.#", French) + " Mo",
    };
}
