namespace CqpPortal.Domain.Records;

/// <summary>A file as the readers give it: the header row, then each line with its number in the file (1 = header).</summary>
public sealed record RecordSheet(IReadOnlyList<string> Headers, IReadOnlyList<RecordLine> Lines);

/// <summary>One line of a file: its number as a spreadsheet shows it, and its cells as text (dates as JJ/MM/AAAA).</summary>
public sealed record RecordLine(int Number, IReadOnlyList<string> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A refusal or a warning about one cell: the line, the column, what it held and why, in French.</summary>
public sealed record RecordIssue(int Line, string Column, string Value, string Why)
{
    /// <summary>What the cell held, cut to a few words: an error list never repeats whole cells (<see cref="ImportLimits.Echo"/>).</summary>
    public string Value { get; init; } = ImportLimits.Echo(Value);

    public override string ToString() => $"Ligne {Line}, colonne « {Column} »" + (Value.Length > 0 ? $", valeur « {Value} »" : "") + $" : {Why}";
}

/// <summary>What parsing a file gives: the records when every line is good, otherwise every error; warnings in both cases.</summary>
public sealed record RecordParseResult<T>(IReadOnlyList<T> Records, IReadOnlyList<RecordIssue> Errors, IReadOnlyList<RecordIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
