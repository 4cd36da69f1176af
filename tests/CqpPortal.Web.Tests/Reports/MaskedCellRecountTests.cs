using System.Globalization;
using System.Text.RegularExpressions;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Reports.AnnualPack;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>
/// Issue 16: counting the « Détail anonyme » gave back cells shown as « &lt; 5 » or « masqué ». A reader with the
/// shared files alone (the workbook, the PDF) tries to recount every masked cell of every count sheet: from the detail
/// rows (a value's rows are at least its count, and at most its count plus the registrations the rows leave out), by
/// subtracting the shown cells from the shown total, from a share shown beside a masked count, and from the summary's
/// repeated figures. They know « &lt; 5 » is 1 to 4 and « masqué » 5 or more, and how the detail coarsens its values.
/// Each masked cell must keep at least two possible values. (Before issue 16's fix: the detail rows gave every masked
/// profile cell back exactly, and two « &lt; 5 » adding up to 2, or a « &lt; 5 » and a « masqué » adding up to 6,
/// gave themselves away by subtraction.)
/// </summary>
public class MaskedCellRecountTests
{
    private const int Year = 2025;

    /// <summary>
    /// 60 registrations of 2025: F 40 / M 20; age &lt;26 12, 26-35 20, 36-45 1, 46-55 1, 56+ 26 (two « &lt; 5 » of 1);
    /// Nord 21, Ouest 15, Est 10, Sud 8, Île-de-France 5, Outre-mer 1 (1 + 5 = 6); Formation 40, VAE 17, libre 3;
    /// recevable 45, non recevable 2, en attente 10, abandon 3; levels, status and funding with small cells too.
    /// 8 jury decisions: 6 total, 1 partial, 1 not validated (1 + 1 = 2).
    /// </summary>
    private static (AnnualPackContent Content, List<ProfileRow> Registrations, AnnualStatistics Statistics) DataSet()
    {
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var age = i < 12 ? 22 : i < 32 ? 30 : i == 32 ? 40 : i == 33 ? 50 : 60;
            var r = i * 7 % 60;
            var region = r < 21 ? Region.Nord : r < 36 ? Region.Ouest : r < 46 ? Region.Est : r < 54 ? Region.Sud : r < 59 ? Region.IleDeFrance : Region.OutreMer;
            var k = i * 11 % 60;
            var route = k < 40 ? CertificationRoute.Training : k < 57 ? CertificationRoute.Vae : CertificationRoute.Free;
            var l = i * 13 % 60;
            var state = l < 45 ? RegistrationState.Admissible : l < 47 ? RegistrationState.NotAdmissible : l < 57 ? RegistrationState.Submitted : RegistrationState.Withdrawn;
            var m = i * 19 % 60;
            var education = m < 30 ? 4 : m < 55 ? 3 : m < 59 ? 5 : 6;
            var n = i * 23 % 60;
            var status = n < 50 ? EmploymentStatus.Employee : n < 59 ? EmploymentStatus.JobSeeker : EmploymentStatus.Other;
            var funding = n < 40 ? Funding.Cpf : n < 58 ? Funding.Personal : (Funding?)null;
            return new ProfileRow(new DateOnly(Year, i * 17 % 12 + 1, 1 + i % 28), i < 40 ? Sex.Female : Sex.Male, age, education, route, status, region, state,
                i % 24, i % 36, funding);
        }).ToList();
        var day = new DateOnly(Year, 6, 20);
        var juries = Enumerable.Range(0, 6).Select(_ => new JuryRow(day, JuryResult.TotalValidation, [new(1, true), new(2, true), new(3, true), new(4, true)]))
            .Append(new JuryRow(day, JuryResult.PartialValidation, [new(1, true), new(2, false), new(3, true), new(4, false)]))
            .Append(new JuryRow(day, JuryResult.NotValidated, [new(1, false), new(2, false), new(3, false), new(4, false)]))
            .ToList();
        var statistics = AnnualStatistics.Compute(Year, rows, juries, []);
        return (AnnualPackContent.From(statistics), rows, statistics);
    }

    [Fact]
    public void No_masked_cell_of_the_shared_workbook_can_be_counted_again_from_the_file_alone()
    {
        var (content, registrations, _) = DataSet();
        var file = Path.Combine(Path.GetTempPath(), $"cqp-recount-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var output = File.Create(file)) AnnualPackWorkbook.Write(content, registrations, output);
            using var book = new WorkbookReader(file);

            var recovered = Recount.Masked(book);

            Assert.True(recovered.Count == 0, "Masked cells recounted from the file:\n" + string.Join("\n", recovered));
            Assert.True(Recount.MaskedCells(book) >= 8, "the data set masks cells on several sheets");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_detail_rows_left_in_the_workbook_are_each_shared_by_five_registrations_on_what_describes_a_person()
    {
        var (content, registrations, _) = DataSet();
        var detail = AnnualPackDetail.Of(content, registrations);

        var people = detail.Columns.Select((c, i) => (c, i)).Where(x => x.c != AnnualPackDetail.Admissibility).Select(x => x.i).ToList();
        Assert.All(detail.Rows.GroupBy(r => string.Join("|", people.Select(i => r[i]))), g => Assert.True(g.Count() >= KAnonymity.K, g.Key));
        Assert.True(detail.LeftOut is 0 or >= KAnonymity.K);
        Assert.Equal(60, detail.Rows.Count + detail.LeftOut);
    }

    [Fact]
    public void The_pdf_carries_no_row_level_data_and_masks_every_cell_the_workbook_masks()
    {
        var (content, registrations, _) = DataSet();
        var file = Path.Combine(Path.GetTempPath(), $"cqp-recount-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var output = File.Create(file)) AnnualPackWorkbook.Write(content, registrations, output);
            using var book = new WorkbookReader(file);
            var text = PdfText.Of(AnnualPackPdf.Write(content)).Replace('\u00a0', ' ');

            Assert.DoesNotContain("Détail anonyme", text);
            Assert.DoesNotMatch(@$"{Year}-(0[1-9]|1[0-2]|T[1-4])\b", text);
            // Each masked cell of a count sheet is masked in the PDF's table too: the same number of « < 5 » and
            // « masqué » in the tables (the notes' « < 5 » inside « » are not counted).
            var pdfMasks = Regex.Matches(text, @"(?<!« )(<\s?5|masqué\b)(?! »)").Count;
            var workbookMasks = book.SheetNames.Where(s => s != AnnualPackWorkbook.DetailSheet)
                .Sum(s => Recount.TableRows(book.Rows(s)).Sum(r => r.Skip(1).Count(c => c is SmallCountMasking.MaskedText or SmallCountMasking.HiddenText)));
            Assert.Equal(workbookMasks, pdfMasks);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The reader's recount: bounds on each cell of a count sheet, narrowed by every sum the file tells, until nothing moves.</summary>
    private static class Recount
    {
        /// <summary>The count sheets the detail rows describe, and the detail column of each.</summary>
        private static readonly Dictionary<string, string> DetailColumns = new()
        {
            ["Sexe"] = "Sexe", ["Âge"] = "Tranche d'âge", ["Région"] = "Région", ["Voie"] = "Voie", ["Recevabilité"] = "Recevabilité",
            ["Statut"] = "Statut", ["Niveau de formation"] = "Niveau de formation", ["Financement"] = "Financement",
        };

        /// <summary>What a detail value may stand for: itself, or the categories it coarsens (and the old detail's wording).</summary>
        private static bool StandsFor(string detailValue, string label) =>
            detailValue == label
            || (detailValue, label) is ("<36", "<26" or "26-35") or ("36-55", "36-45" or "46-55")
            || (detailValue == "France métropolitaine" && label is not "Outre-mer")
            || (detailValue, label) is ("Abandon", "Sans décision (abandon)");

        /// <summary>The rows of a sheet's table: from the header to the first empty row.</summary>
        public static IEnumerable<string[]> TableRows(List<string[]> rows) => rows.Skip(1).TakeWhile(r => r.Length > 0 && r[0] != "");

        public static int MaskedCells(WorkbookReader book) =>
            book.SheetNames.Where(IsCountSheet(book)).Sum(s => TableRows(book.Rows(s)).Count(r => r[1] is SmallCountMasking.MaskedText or SmallCountMasking.HiddenText));

        private static Func<string, bool> IsCountSheet(WorkbookReader book) => sheet =>
            sheet != AnnualPackWorkbook.DetailSheet && book.Rows(sheet) is [var header, ..] rows && header.Length > 1 && header[1] == "Effectif"
            && TableRows(rows).Any(r => r[0] == "Total");

        /// <summary>Every masked cell whose value the reader pins down, as « sheet / label = value ».</summary>
        public static List<string> Masked(WorkbookReader book)
        {
            var summary = TableRows(book.Rows("Synthèse")).Skip(1).ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : "");
            var registrations = Number(summary["Candidats inscrits"]);
            var detail = book.Rows(AnnualPackWorkbook.DetailSheet);
            var detailHeader = detail[0];
            var detailRows = detail.Skip(1).Where(r => r.Length == detailHeader.Length).ToList();
            // The registrations the rows leave out: the registrations minus the rows (unknown when the total is masked).
            double leftOut = registrations is { } all ? all - detailRows.Count : double.PositiveInfinity;

            var found = new List<string>();
            foreach (var sheet in book.SheetNames.Where(IsCountSheet(book)))
            {
                var table = TableRows(book.Rows(sheet)).ToList();
                var cells = table.Where(r => r[0] != "Total").ToList();
                var totalRow = table.Single(r => r[0] == "Total");
                var total = Bounds(totalRow[1], double.PositiveInfinity);
                var high = total.High;
                var lows = new double[cells.Count];
                var highs = new double[cells.Count];
                for (var i = 0; i < cells.Count; i++)
                {
                    (lows[i], highs[i]) = Bounds(cells[i][1], high);
                    // A share shown beside a masked count gives it back.
                    if (Number(cells[i][1]) is null && cells[i].Length > 2 && Number(cells[i][2]) is { } share && Number(totalRow[1]) is { } t)
                        lows[i] = highs[i] = Math.Round(share * t);
                }
                var sums = new List<(int[] Cells, double Low, double High)> { (Enumerable.Range(0, cells.Count).ToArray(), total.Low, total.High) };
                // The summary repeats some cells.
                foreach (var (label, i) in cells.Select((r, i) => (r[0], i)))
                    if ((sheet, label) is ("Recevabilité", "Recevable") or ("Résultats des jurys", "Validation totale")
                        && Number(summary[label == "Recevable" ? "dont recevables" : "dont validations totales"]) is { } repeated)
                        sums.Add(([i], repeated, repeated));
                // The detail rows: a value's rows are at least the count of what it stands for, at most that plus the rows left out.
                if (DetailColumns.TryGetValue(sheet, out var column) && Array.IndexOf(detailHeader, column) is var c and >= 0)
                {
                    var covered = new HashSet<int>();
                    var others = new List<string>();
                    foreach (var value in detailRows.Select(r => r[c]).Distinct())
                    {
                        var group = cells.Select((r, i) => (r[0], i)).Where(x => StandsFor(value, x.Item1)).Select(x => x.i).ToArray();
                        if (group.Length == 0)
                        {
                            others.Add(value);
                            continue;
                        }
                        covered.UnionWith(group);
                        var count = detailRows.Count(r => r[c] == value);
                        sums.Add((group, count, count + leftOut));
                    }
                    // A value that names no category (« Autres ») stands for the categories no other value names.
                    var rest = Enumerable.Range(0, cells.Count).Where(i => !covered.Contains(i)).ToArray();
                    var restCount = detailRows.Count(r => others.Contains(r[c]));
                    sums.Add((rest, restCount, restCount + leftOut));
                }
                Narrow(lows, highs, sums);
                for (var i = 0; i < cells.Count; i++)
                    if (Number(cells[i][1]) is null && lows[i] == highs[i])
                        found.Add($"{sheet} / {cells[i][0]} (« {cells[i][1]} ») = {lows[i]}");
            }
            return found;
        }

        /// <summary>Narrows each cell by every sum it is in (the others at their extremes), until nothing moves.</summary>
        private static void Narrow(double[] lows, double[] highs, List<(int[] Cells, double Low, double High)> sums)
        {
            for (var (changed, rounds) = (true, 0); changed && rounds < 1_000; rounds++)
            {
                changed = false;
                foreach (var (group, low, high) in sums)
                    foreach (var i in group)
                    {
                        var othersLow = group.Where(j => j != i).Sum(j => lows[j]);
                        var othersHigh = group.Where(j => j != i).Sum(j => highs[j]);
                        var newLow = Math.Max(lows[i], low - othersHigh);
                        var newHigh = Math.Min(highs[i], high - othersLow);
                        if (newLow > lows[i] || newHigh < highs[i]) changed = true;
                        (lows[i], highs[i]) = (newLow, newHigh);
                    }
            }
        }

        /// <summary>A shown count is itself; « &lt; 5 » is 1 to 4; « masqué » is 5 or more.</summary>
        private static (double Low, double High) Bounds(string cell, double high) => cell switch
        {
            SmallCountMasking.MaskedText => (1, 4),
            SmallCountMasking.HiddenText => (SmallCountMasking.Threshold, high),
            _ => Number(cell) is { } n ? (n, n) : (0, high),
        };

        private static double? Number(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
