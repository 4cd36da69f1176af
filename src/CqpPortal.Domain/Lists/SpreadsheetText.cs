namespace CqpPortal.Domain.Lists;

/// <summary>
/// A cell of an exported list opened in a spreadsheet is read as a formula when it starts with « = », « + », « - » or
/// « @ » (or a tab or carriage return before one): a candidate named « =HYPERLINK(…) » would then run in the staff
/// member's Excel (CSV injection). Such a cell is written with a leading apostrophe, which spreadsheets show as text; any
/// other text is written as it is.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n'];

    public static bool LooksLikeFormula(string? text) => !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0]);

    public static string Safe(string? text) => text is null ? "" : LooksLikeFormula(text) ? "'" + text : text;
}
