using System.Text;
using CqpPortal.Web.Imports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>The readers and writers of import files, without the web: CSV as French Excel writes it, and .xlsx.</summary>
public class RecordFileTests
{
    private static Stream Bytes(byte[] bytes) => new MemoryStream(bytes);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_semicolon_csv_in_utf8_is_read_with_or_without_bom(bool bom)
    {
        var text = "Nom;Prénom;Région\r\nDurand;Léa;Île-de-France\r\n\"Martin; fils\";\"Jean \"\"Jo\"\"\";Nord\r\n";
        byte[] bytes = bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

        var sheet = RecordFileReader.Read(Bytes(bytes), "candidats.csv");

        Assert.Equal(["Nom", "Prénom", "Région"], sheet.Headers);
        Assert.Equal([2, 3], sheet.Lines.Select(l => l.Number));
        Assert.Equal(["Durand", "Léa", "Île-de-France"], sheet.Lines[0].Cells);
        Assert.Equal(["Martin; fils", "Jean \"Jo\"", "Nord"], sheet.Lines[1].Cells);
    }

    [Fact]
    public void An_ansi_csv_from_older_french_excel_is_read_as_windows_1252()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Nom;Statut\nHélène;Demandeur d’emploi\n");

        var sheet = RecordFileReader.Read(Bytes(bytes), "ancien.CSV");

        Assert.Equal(["Hélène", "Demandeur d’emploi"], sheet.Lines[0].Cells);
    }

    [Fact]
    public void A_written_csv_reads_back_the_same_cells()
    {
        var bytes = RecordFileWriter.Csv(["A", "B"], [["1,3", "x;y"], ["", "dit \"oui\""]]);

        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var sheet = RecordFileReader.Read(Bytes(bytes), "f.csv");
        Assert.Equal([["1,3", "x;y"], ["", "dit \"oui\""]], sheet.Lines.Select(l => l.Cells.ToArray()));
    }

    [Fact]
    public void A_written_xlsx_reads_back_the_same_cells()
    {
        var bytes = RecordFileWriter.Xlsx("Candidats", ["Nom", "Unités validées", "Date"], [["Durand", "1,3", "03/02/2025"], ["Martin", "", "04/02/2025"]]);

        var sheet = RecordFileReader.Read(Bytes(bytes), "f.xlsx");

        Assert.Equal(["Nom", "Unités validées", "Date"], sheet.Headers);
        Assert.Equal(["Durand", "1,3", "03/02/2025"], sheet.Lines[0].Cells);
        Assert.Equal(["Martin", "", "04/02/2025"], sheet.Lines[1].Cells);
        Assert.Equal([2, 3], sheet.Lines.Select(l => l.Number));
    }

    [Fact]
    public void A_written_xlsx_stores_every_cell_as_text_with_a_frozen_header()
    {
        var bytes = RecordFileWriter.Xlsx("Candidats", ["Nom", "Unités validées", "Date", "Code postal"], [["Durand", "1,3", "03/02/2025", "01000"]]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        // What Excel would repair on opening, the SDK's validator reports.
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal("Candidats", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var worksheet = workbook.WorksheetParts.Single().Worksheet;
        var cells = worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.EndsWith('2')).ToList();
        Assert.Equal(["Durand", "1,3", "03/02/2025", "01000"], cells.Select(c => c.CellValue?.Text ?? c.InnerText));
        // Strings, never numbers or dates (no t attribute would mean a number), in a style whose number format is text.
        Assert.All(cells, c => Assert.Equal(CellValues.String, c.DataType!.Value));
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var customFormats = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value) ?? [];
        Assert.All(cells, c =>
        {
            var formatId = formats[(int)c.StyleIndex!.Value].NumberFormatId!.Value;
            Assert.True(formatId == 49 || customFormats.GetValueOrDefault(formatId) == "@", $"{c.CellReference}: format {formatId}");
        });
        Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
    }

    [Fact]
    public void A_blank_line_in_a_csv_keeps_the_numbers_of_the_lines_after_it()
    {
        var bytes = Encoding.UTF8.GetBytes("Nom;Prénom\r\nDurand;Léa\r\n\r\nMartin;\"Paul\r\n\r\nJean\"\r\nPetit;Chloé\r\n");

        var sheet = RecordFileReader.Read(Bytes(bytes), "f.csv");

        Assert.Equal([2, 3, 4, 5], sheet.Lines.Select(l => l.Number));
        Assert.True(sheet.Lines[1].IsBlank);
        Assert.Equal(["Martin", "Paul\r\n\r\nJean"], sheet.Lines[2].Cells);
        Assert.Equal(["Petit", "Chloé"], sheet.Lines[3].Cells);
    }

    [Fact]
    public void A_tab_inside_a_cell_of_a_semicolon_csv_stays_in_the_cell()
    {
        var bytes = Encoding.UTF8.GetBytes("Nom;Entreprise\r\nDurand;Allo\tServices\r\n");

        var sheet = RecordFileReader.Read(Bytes(bytes), "f.csv");

        Assert.Equal(["Durand", "Allo\tServices"], sheet.Lines[0].Cells);
    }

    [Fact]
    public void A_csv_line_with_fewer_cells_than_the_header_is_refused_with_its_number()
    {
        var bytes = Encoding.UTF8.GetBytes("Nom;Prénom;Région\r\nDurand;Léa;Nord\r\nMartin;Paul\r\n");

        var refusal = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(Bytes(bytes), "f.csv"));

        Assert.StartsWith("Ligne 3 : elle a moins de cellules que la ligne d'en-tête.", refusal.Message);
    }

    [Fact]
    public void Real_date_cells_and_number_cells_of_an_xlsx_become_text_as_typed()
    {
        var bytes = WorkbookWithTypedCells();

        var sheet = RecordFileReader.Read(Bytes(bytes), "excel.xlsx");

        Assert.Equal(["Date de naissance", "Expérience", "Unités"], sheet.Headers);
        Assert.Equal(["17/05/1990", "14", "1.3"], sheet.Lines[0].Cells);
    }

    [Fact]
    public void Another_format_or_a_damaged_workbook_is_refused_in_french()
    {
        var format = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(Bytes([1, 2, 3]), "f.ods"));
        Assert.StartsWith("Format non pris en charge", format.Message);
        var damaged = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(Bytes(Encoding.UTF8.GetBytes("pas un classeur")), "f.xlsx"));
        Assert.StartsWith("Le classeur .xlsx ne peut pas être lu", damaged.Message);
        var empty = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(Bytes([]), "f.csv"));
        Assert.StartsWith("Le fichier est vide", empty.Message);
    }

    /// <summary>As Excel saves it: a date typed in a cell is a number with a date format (17/05/1990 = 33010), numbers are numbers.</summary>
    internal static byte[] WorkbookWithTypedCells()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            Cell Text(string reference, string text) => new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
            Cell Number(string reference, string value, uint style = 0) => new(new CellValue(value)) { CellReference = reference, StyleIndex = style };
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(Text("A1", "Date de naissance"), Text("B1", "Expérience"), Text("C1", "Unités")) { RowIndex = 1 },
                new Row(Number("A2", "33010", style: 1), Number("B2", "14"), Number("C2", "1.3")) { RowIndex = 2 }));
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Feuil1" }));
        }
        return stream.ToArray();
    }
}
