using CqpPortal.Domain.Records;

namespace CqpPortal.Domain.Tests.Records;

public class ImportLimitsTests
{
    [Theory]
    [InlineData("A1", 1)]
    [InlineData("Z9", 26)]
    [InlineData("AA10", 27)]
    [InlineData("XFD200000", 16_384)]
    [InlineData("7", 0)]
    public void A_reference_gives_its_column_number(string reference, int column) =>
        Assert.Equal(column, ImportLimits.ColumnNumber(reference));

    [Theory]
    [InlineData("XFD200000", 200_000)]
    [InlineData("B2", 2)]
    [InlineData("C", 0)]
    public void A_reference_gives_its_row_number(string reference, long row) =>
        Assert.Equal(row, ImportLimits.RowNumber(reference));

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(61, "BI")]
    [InlineData(16_384, "XFD")]
    public void A_column_number_is_named_as_a_spreadsheet_names_it(int number, string name) =>
        Assert.Equal(name, ImportLimits.ColumnName(number));

    [Fact]
    public void A_sheet_within_the_limits_may_be_read() =>
        Assert.Null(ImportLimits.SizeProblem(ImportLimits.MaxLines, ImportLimits.MaxColumns));

    [Fact]
    public void A_cell_beyond_the_last_column_refuses_the_file_and_names_the_column()
    {
        var problem = ImportLimits.SizeProblem(1, 16_384);
        Assert.NotNull(problem);
        Assert.Contains("colonne XFD", problem);
    }

    [Fact]
    public void More_lines_than_the_limit_refuse_the_file_and_say_to_split_it()
    {
        var problem = ImportLimits.SizeProblem(ImportLimits.MaxLines + 1, 3);
        Assert.NotNull(problem);
        Assert.Contains("découpez-le", problem);
    }

    [Fact]
    public void A_too_long_cell_is_refused_with_its_place_but_not_repeated()
    {
        var cell = new string('x', ImportLimits.MaxCellLength + 1);
        var problem = ImportLimits.CellProblem(12, 3, cell);
        Assert.NotNull(problem);
        Assert.StartsWith("Ligne 12, colonne C", problem);
        Assert.DoesNotContain("xxxxxxxxxx", problem);
        Assert.Null(ImportLimits.CellProblem(12, 3, cell[1..]));
    }

    [Fact]
    public void An_error_repeats_at_most_a_few_words_of_its_cell()
    {
        var issue = new RecordIssue(4, "Nom", new string('é', 10_000), "Trop long.");
        Assert.Equal(ImportLimits.MaxEchoedLength, issue.Value.Length);
        Assert.EndsWith("…", issue.Value);
        Assert.Equal("Durand", new RecordIssue(4, "Nom", "Durand", "x").Value);
    }

    [Fact]
    public void Only_the_first_issues_are_listed()
    {
        var issues = Enumerable.Range(2, 1_000).Select(line => new RecordIssue(line, "Nom", "", "Obligatoire.")).ToList();
        var listed = ImportLimits.Listed(issues);
        Assert.Equal(ImportLimits.MaxIssuesListed, listed.Count);
        Assert.Equal(2, listed[0].Line);
    }
}
