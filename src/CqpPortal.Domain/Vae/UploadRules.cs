using System.Text;
using CqpPortal.Domain.Documents;

namespace CqpPortal.Domain.Vae;

/// <summary>The answer for one uploaded file: accepted with its real type and a safe name, or refused with a French reason.</summary>
public sealed record UploadDecision(bool Accepted, string? Refusal, string SafeName, string ContentType)
{
    public static UploadDecision Refuse(string reason) => new(false, reason, "", "");
}

/// <summary>
/// What the booklets accept: PDF, JPEG or PNG recognised by their first bytes (never by the name, which anyone can
/// change), within a size per file and per booklet; the name is reduced to a plain file name.
/// </summary>
public static class UploadRules
{
    public const string Accepted = "PDF, JPEG ou PNG";

    /// <param name="start">The first bytes of the file (at least 8 when the file has them).</param>
    /// <param name="length">The file's size in bytes.</param>
    /// <param name="bookletBytes">What the booklet already holds, in bytes.</param>
    public static UploadDecision Check(string? fileName, ReadOnlySpan<byte> start, long length, long maxFileBytes, long bookletBytes, long maxBookletBytes)
    {
        if (length <= 0) return UploadDecision.Refuse("Le fichier est vide : choisissez un autre fichier.");
        if (length > maxFileBytes)
            return UploadDecision.Refuse($"Le fichier pèse {Size(length)} : {Size(maxFileBytes)} au plus par fichier.");
        if (bookletBytes + length > maxBookletBytes)
            return UploadDecision.Refuse($"Le livret contient déjà {Size(bookletBytes)} de pièces : avec ce fichier, il dépasserait {Size(maxBookletBytes)}. Retirez une pièce ou réduisez ce fichier.");
        if (FileSignatures.Detect(start) is { } type) return new UploadDecision(true, null, SafeName(fileName, type.Extension), type.ContentType);
        return UploadDecision.Refuse($"Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom) : seuls les formats {Accepted} sont acceptés.");
    }

    /// <summary>
    /// A name safe to store and to send back in Content-Disposition: no folders (<c>../</c>), no control or reserved
    /// characters, at most 100 characters, and the extension of the real type.
    /// </summary>
    public static string SafeName(string? fileName, string extension)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var cleaned = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or ';' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            cleaned.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var stem = cleaned.ToString().Trim();
        var dot = stem.LastIndexOf('.');
        if (dot >= 0) stem = stem[..dot];
        stem = stem.Trim(' ', '.');
        if (stem.Length == 0) stem = "document";
        if (stem.Length > 100) stem = stem[..100].TrimEnd(' ', '.');
        return stem + extension;
    }

    /// <summary>A size in French: « 10 Mo », « 512 ko » (the portal's one format, <see cref="FileSize"/>).</summary>
    public static string Size(long bytes) => FileSize.InFrench(bytes);
}
