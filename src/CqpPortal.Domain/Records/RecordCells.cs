using System.Globalization;

namespace CqpPortal.Domain.Records;

/// <summary>Reads the cells of one line by column name, collecting an issue for each cell it cannot read.</summary>
public sealed class RecordCells(RecordLine line, IReadOnlyDictionary<string, int> positions, List<RecordIssue> errors)
{
    public int Line => line.Number;

    public string Raw(string column) =>
        positions.TryGetValue(column, out var i) && i < line.Cells.Count ? (line.Cells[i] ?? "").Trim() : "";

    public void Error(string column, string why) => errors.Add(new RecordIssue(line.Number, column, Raw(column), why));

    public string? Text(string column, int maxLength, bool required = false)
    {
        var text = Raw(column);
        if (text.Length == 0)
        {
            if (required) Error(column, "Valeur obligatoire.");
            return null;
        }
        if (text.Length > maxLength) { Error(column, $"Texte trop long : {maxLength} caractères au plus."); return null; }
        return text;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var text = Raw(column);
        if (text.Length == 0)
        {
            if (required) Error(column, "Date obligatoire (JJ/MM/AAAA).");
            return null;
        }
        if (!RecordText.TryParseDate(text, out var date)) { Error(column, "Date attendue au format JJ/MM/AAAA."); return null; }
        return date;
    }

    public int? Number(string column, int min, int max, bool required = false, string unit = "")
    {
        var text = Raw(column).Replace("%", "").Trim();
        if (text.Length == 0)
        {
            if (required) Error(column, "Nombre obligatoire.");
            return null;
        }
        // An Excel number cell may come as "12.0" or "12,0".
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value != decimal.Truncate(value))
        {
            Error(column, "Nombre entier attendu.");
            return null;
        }
        if (value < min || value > max) { Error(column, $"Nombre attendu entre {min} et {max}{unit}."); return null; }
        return (int)value;
    }

    public T? Label<T>(string column, RecordLabels<T> labels, bool required = false) where T : struct
    {
        var text = Raw(column);
        if (text.Length == 0)
        {
            if (required) Error(column, "Valeur obligatoire : " + Expected(labels) + ".");
            return null;
        }
        if (labels.TryRead(text, out var value)) return value;
        Error(column, "Valeur inconnue : " + Expected(labels) + ".");
        return null;
    }

    private static string Expected<T>(RecordLabels<T> labels) => labels.Expected.Count == 1
        ? $"« {labels.Expected[0]} » attendu"
        : "valeurs possibles " + string.Join(", ", labels.Expected.Select(l => $"« {l} »"));
}
