using CqpPortal.Web.Reports.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The workbook writer on its own: no app, no database.</summary>
public class WorkbookWriterTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_named_as_Excel_names_them(int column, string name)
    {
        Assert.Equal(name, WorkbookWriter.ColumnName(column));
    }

    [Fact]
    public void A_sheet_name_with_an_apostrophe_is_quoted_in_chart_formulas_and_the_file_stays_valid()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cqp-writer-{Guid.NewGuid():N}.xlsx");
        try
        {
            // A write-only stream: the writer needs neither reading nor seeking.
            using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            using (var workbook = new WorkbookWriter(output))
            {
                var sheet = workbook.AddSheet("L'année", ["Catégorie", "Effectif"], [20, 12]);
                sheet.Row(XlCell.Of("Première"), XlCell.Of(1234, CellStyle.Count));
                sheet.Row(XlCell.Of(" espaces "), XlCell.Of("< 5", CellStyle.NumberText));
                sheet.Chart(new ChartSpec(ChartKind.Pie, "Titre", "Effectif", 0, 1, 2, ["Première", " espaces "], [1234, null]));
                sheet.Finish();
                workbook.AddSheet("Vide", ["Seule colonne"], [10]);
                workbook.Close();
            }

            using var book = new WorkbookReader(file);
            Assert.Equal(["L'année", "Vide"], book.SheetNames);
            Assert.Equal(1234, book.Number("L'année", "B2"));
            Assert.Equal(" espaces ", book.Text("L'année", "A3"));
            Assert.Equal("< 5", book.Text("L'année", "B3"));
            Assert.Equal([["Seule colonne"]], book.Rows("Vide"));
            var chart = book.Part("L'année").DrawingsPart!.ChartParts.Single().ChartSpace;
            Assert.Equal("'L''année'!$B$2:$B$3", chart.Descendants<C.Values>().Single().Descendants<C.Formula>().Single().Text);
            Assert.Equal(2, chart.Descendants<C.DataPoint>().Count());
            Assert.Empty(new OpenXmlValidator().Validate(book.Document));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Une feuille au nom bien trop long !")]
    [InlineData("Oui/Non")]
    public void An_invalid_sheet_name_is_refused(string name)
    {
        using var workbook = new WorkbookWriter(new MemoryStream());

        Assert.Throws<ArgumentException>(() => workbook.AddSheet(name, ["A"], [10]));
    }

    [Fact]
    public void Two_sheets_cannot_share_a_name()
    {
        using var workbook = new WorkbookWriter(new MemoryStream());
        workbook.AddSheet("Sexe", ["A"], [10]);

        Assert.Throws<ArgumentException>(() => workbook.AddSheet("sexe", ["A"], [10]));
    }
}
