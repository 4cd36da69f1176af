using System.IO.Compression;
using System.Net;
using System.Text;
using CqpPortal.Domain.Records;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Imports;
using CqpPortal.Web.Tests.Statistics;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>
/// Small files that would make the site build a huge sheet or a huge page are refused before they are read (issue 16:
/// a 1 MB .xlsx with 200,000 rows in column XFD grew the site to 5 GB; a 391 KB file echoed a 400 MB page).
/// </summary>
public class ImportBombTests(EmptyPortal portal) : IClassFixture<EmptyPortal>
{
    /// <summary>A real workbook of the survey template whose first sheet is replaced by <paramref name="sheetXml"/>.</summary>
    private static byte[] WorkbookWithSheet(Action<StreamWriter> sheetXml)
    {
        var workbook = ImportFiles.Xlsx(RecordTemplates.Surveys, []);
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            sheetXml(writer);
            writer.Write("</worksheet>");
        }
        return buffer.ToArray();
    }

    private static byte[] ColumnXfdBomb() => WorkbookWithSheet(w =>
    {
        w.Write("<sheetData>");
        for (var row = 1; row <= 200_000; row++) w.Write($"<row r=\"{row}\"><c r=\"XFD{row}\"><v>1</v></c></row>");
        w.Write("</sheetData>");
    });

    [Fact]
    public void A_one_megabyte_workbook_with_200000_rows_in_column_XFD_is_refused_without_growing_memory()
    {
        var bomb = ColumnXfdBomb();
        Assert.InRange(bomb.Length, 100_000, 2_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var refusal = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(new MemoryStream(bomb), "bombe.xlsx"));

        Assert.Contains("colonne XFD", refusal.Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 50L * 1024 * 1024);
    }

    [Fact]
    public void A_workbook_declaring_a_dimension_wider_than_its_cells_is_refused() =>
        Assert.Contains("colonne XFD", Assert.Throws<RecordFileException>(() => RecordFileReader.Read(new MemoryStream(WorkbookWithSheet(w =>
            w.Write("<dimension ref=\"A1:XFD2\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c></row></sheetData>"))), "large.xlsx")).Message);

    [Fact]
    public void A_workbook_whose_last_row_is_far_below_is_refused_before_the_empty_rows_are_made() =>
        Assert.Contains("découpez-le", Assert.Throws<RecordFileException>(() => RecordFileReader.Read(new MemoryStream(WorkbookWithSheet(w =>
            w.Write("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c></row><row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row></sheetData>"))), "loin.xlsx")).Message);

    [Fact]
    public void A_csv_line_wider_than_any_template_is_refused()
    {
        var csv = Encoding.UTF8.GetBytes("Nom;Prénom\r\n" + string.Join(';', Enumerable.Repeat("x", 100)) + "\r\n");
        Assert.Contains("colonne CV", Assert.Throws<RecordFileException>(() => RecordFileReader.Read(new MemoryStream(csv), "large.csv")).Message);
    }

    [Fact]
    public void Empty_cells_after_the_last_filled_one_do_not_count_as_columns()
    {
        var csv = Encoding.UTF8.GetBytes("Nom;Prénom" + new string(';', 300) + "\r\nDurand;Léa" + new string(';', 300) + "\r\n");
        var sheet = RecordFileReader.Read(new MemoryStream(csv), "virgules.csv");
        Assert.Equal("Durand", sheet.Lines[0].Cells[0]);
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_refused_with_its_place_and_not_repeated()
    {
        var csv = Encoding.UTF8.GetBytes("Nom;Prénom\r\nDurand;" + new string('z', 100_000) + "\r\n");
        var refusal = Assert.Throws<RecordFileException>(() => RecordFileReader.Read(new MemoryStream(csv), "long.csv"));
        Assert.StartsWith("Ligne 2, colonne B", refusal.Message);
        Assert.DoesNotContain("zzzzzzzzzz", refusal.Message);
    }

    [Fact]
    public async Task The_bomb_sent_to_the_staff_page_gets_the_french_reason_and_writes_nothing()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var before = await ImportFiles.CountsAsync(portal);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, ColumnXfdBomb(), "bombe.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("colonne XFD", page.QuerySelector("#errors")!.TextContent);
        Assert.Equal(before, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task A_file_of_thousands_of_bad_lines_lists_the_first_two_hundred_and_repeats_no_whole_cell()
    {
        var line = ImportFiles.Surveys[0].ToArray();
        var column = RecordTemplates.Surveys.Columns.ToList().IndexOf(SurveyColumns.Situation);
        var rows = Enumerable.Range(0, 3_000).Select(i =>
        {
            var bad = line.ToArray();
            bad[column] = $"{i} " + new string('w', 1_500);
            return bad;
        }).ToList();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, ImportFiles.Csv(RecordTemplates.Surveys, rows), "mauvais.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = ImportFiles.Table(page, "errors");
        Assert.Equal(ImportLimits.MaxIssuesListed, errors.Count);
        Assert.All(errors, e => Assert.True(e.Value.Length <= ImportLimits.MaxEchoedLength, e.Value));
        Assert.Matches(@"Erreurs \([\d\s\u00A0\u202F]+ – les 200 premières\)", page.QuerySelector("#errors caption")!.TextContent);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 300_000);
    }
}
