using CqpPortal.Domain.Lists;

namespace CqpPortal.Domain.Tests.Lists;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 1 23 45 67 89", "'+33 1 23 45 67 89")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    public void A_cell_a_spreadsheet_would_read_as_a_formula_is_written_after_an_apostrophe(string text, string written)
    {
        Assert.Equal(written, SpreadsheetText.Safe(text));
    }

    [Theory]
    [InlineData("DUPONT Marie", "DUPONT Marie")]
    [InlineData("Marie-Claire", "Marie-Claire")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Any_other_text_is_written_as_it_is(string? text, string written)
    {
        Assert.Equal(written, SpreadsheetText.Safe(text));
    }
}
