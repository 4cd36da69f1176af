namespace CqpPortal.Domain.Publishing;

public enum DiffKind { Same, Removed, Added }

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// What a proposal changes in a text, line by line (longest common subsequence), for the analyst who gives the « avis
/// conforme »: kept lines, lines taken out of the published version and lines the proposal adds, in reading order.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new DiffLine(DiffKind.Same, a[x])); x++; y++; }
            else if (common[x + 1, y] >= common[x, y + 1]) lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            else lines.Add(new DiffLine(DiffKind.Added, b[y++]));
        }
        while (x < a.Length) lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
        while (y < b.Length) lines.Add(new DiffLine(DiffKind.Added, b[y++]));
        return lines;
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
