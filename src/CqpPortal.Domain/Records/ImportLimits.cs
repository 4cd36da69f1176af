namespace CqpPortal.Domain.Records;

/// <summary>
/// What an import file may hold, so that a small file cannot make the site build a huge sheet or a huge page: a 1 MB
/// .xlsx declaring 200,000 rows in column XFD grew the site to 5 GB in 11 s, and a 391 KB file of bad lines echoed a
/// 400 MB page. The templates have 23 and 12 columns and the organisation's records a few thousand lines; the limits
/// leave ample room above that (the import benchmark reads 100,000 lines).
/// </summary>
public static class ImportLimits
{
    /// <summary>Lines under the header row.</summary>
    public const int MaxLines = 200_000;

    /// <summary>Columns of a line (a cell further right than this refuses the file).</summary>
    public const int MaxColumns = 60;

    /// <summary>Characters in one cell: the longest field of a template is a list of sectors (1,000 characters).</summary>
    public const int MaxCellLength = 2_000;

    /// <summary>What the parts of an .xlsx may weigh once unzipped (a zip bomb is refused before it is read).</summary>
    public const long MaxExpandedBytes = 400L * 1024 * 1024;

    /// <summary>Errors or warnings listed on the page or the console; the count says how many there were in all.</summary>
    public const int MaxIssuesListed = 200;

    /// <summary>Characters of a cell repeated in an error message; longer values are cut with « … ».</summary>
    public const int MaxEchoedLength = 80;

    /// <summary>A cell's value as an error message may repeat it: never more than <see cref="MaxEchoedLength"/> characters.</summary>
    public static string Echo(string? value) =>
        value is null ? "" : value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength - 1), "…");

    /// <summary>The issues to list: the first <see cref="MaxIssuesListed"/> in file order.</summary>
    public static IReadOnlyList<RecordIssue> Listed(IReadOnlyList<RecordIssue> issues) =>
        issues.Count <= MaxIssuesListed ? issues : issues.Take(MaxIssuesListed).ToList();

    /// <summary>Why a sheet of this size is refused (lines under the header, widest line), or null when it may be read.</summary>
    public static string? SizeProblem(long lines, int columns)
    {
        if (columns > MaxColumns)
            return $"Le fichier a des cellules jusqu'à la colonne {ColumnName(columns)} : un fichier d'import a {MaxColumns} colonnes au plus "
                + "(le modèle en a moins de 30). Supprimez les colonnes en trop, puis envoyez-le de nouveau.";
        if (lines > MaxLines)
            return $"Le fichier a plus de {MaxLines.ToString("N0", French)} lignes : découpez-le en plusieurs fichiers.";
        return null;
    }

    /// <summary>Why a cell is refused (too long), or null. The cell itself is not repeated.</summary>
    public static string? CellProblem(int line, int column, string value) => value.Length <= MaxCellLength ? null
        : $"Ligne {line}, colonne {ColumnName(column)} : la cellule a {value.Length.ToString("N0", French)} caractères, "
          + $"{MaxCellLength.ToString("N0", French)} au plus. Vérifiez ce que contient cette cellule.";

    /// <summary>The column number (A = 1, XFD = 16,384) of a spreadsheet reference such as « XFD200000 »; 0 when it has no letters.</summary>
    public static int ColumnNumber(ReadOnlySpan<char> reference)
    {
        var number = 0;
        foreach (var c in reference)
        {
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z') break;
            number = number * 26 + (letter - 'A' + 1);
            if (number > 1_000_000) return number; // nonsense: refused as too wide anyway
        }
        return number;
    }

    /// <summary>The row number of a reference such as « XFD200000 » (0 when it has none).</summary>
    public static long RowNumber(ReadOnlySpan<char> reference)
    {
        var start = 0;
        while (start < reference.Length && char.IsAsciiLetter(reference[start])) start++;
        return long.TryParse(reference[start..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) ? row : 0;
    }

    /// <summary>The letters of a column number, as a spreadsheet shows them (1 = A, 27 = AA).</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}
