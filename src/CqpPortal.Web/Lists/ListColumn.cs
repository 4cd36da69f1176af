namespace CqpPortal.Web.Lists;

/// <summary>
/// A column of a list, shown on the page and written in its export alike: the header, the cell's text and, on the page,
/// an optional link and right alignment for figures. A column with <paramref name="Exported"/> false is a screen action
/// (a link to a file), not data.
/// </summary>
public sealed record ListColumn<T>(string Header, Func<T, string> Text, Func<T, string?>? Link = null, bool Number = false, bool Exported = true);

/// <summary>A list's table as the <c>_ListTable</c> partial draws it: headers, then each row's cells.</summary>
public sealed record ListTable(string Caption, IReadOnlyList<ListTable.Header> Headers, IReadOnlyList<IReadOnlyList<ListTable.Cell>> Rows)
{
    public sealed record Header(string Text, bool Number);
    public sealed record Cell(string Text, string? Link, bool Number);

    public static ListTable Of<T>(string caption, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> rows) =>
        new(caption, columns.Select(c => new Header(c.Header, c.Number)).ToList(),
            rows.Select(row => (IReadOnlyList<Cell>)columns.Select(c => new Cell(c.Text(row), c.Link?.Invoke(row), c.Number)).ToList()).ToList());
}
