namespace CqpPortal.Domain.Documents;

/// <summary>A file type the portal accepts, recognised by its first bytes.</summary>
public sealed record FileSignature(string ContentType, string Extension);

/// <summary>
/// What a file really is, from its first bytes ("magic numbers"), never from its name, which anyone can change:
/// the one place that knows the signatures, for the VAE booklets' documents and the public document library alike.
/// </summary>
public static class FileSignatures
{
    public static readonly FileSignature Pdf = new("application/pdf", ".pdf");
    public static readonly FileSignature Jpeg = new("image/jpeg", ".jpg");
    public static readonly FileSignature Png = new("image/png", ".png");

    private static readonly (byte[] Magic, FileSignature Type)[] Known =
    [
        ("%PDF-"u8.ToArray(), Pdf), // ISO 32000
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
    ];

    /// <summary>The type whose signature <paramref name="start"/> begins with, or null.</summary>
    public static FileSignature? Detect(ReadOnlySpan<byte> start)
    {
        foreach (var (magic, type) in Known)
            if (start.StartsWith(magic)) return type;
        return null;
    }
}
