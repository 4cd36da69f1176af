using CqpPortal.Domain.Statistics;
using System.Globalization;
using System.IO.Compression;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Tests.Statistics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The annual pack of the hand-made 2025 of <see cref="AnnualPackPortal"/>: the workbook read back cell by cell, the JSON, the PDF.</summary>
public class AnnualPackTests(AnnualPackPortal portal) : IClassFixture<AnnualPackPortal>
{
    private const int Year = AnnualPackPortal.Year;

    private static readonly string[] IndicatorSheets =
    [
        "Sexe", "Âge", "Niveau de formation", "Voie", "Statut", "Région", "Recevabilité", "Financement", "Expérience",
        "Diplôme", "Secteurs d'expérience", "Années de télésecrétariat", "Années au téléphone",
        "Résultats des jurys", "Validation par unité",
        "6 mois – situation", "6 mois – contrat", "6 mois – secteur", "6 mois – emploi branche", "6 mois – niveau formation", "6 mois – code NSF", "6 mois – réponse",
        "24 mois – situation", "24 mois – contrat", "24 mois – secteur", "24 mois – emploi branche", "24 mois – niveau formation", "24 mois – code NSF", "24 mois – réponse",
        "Formation",
    ];

    private WorkbookReader Workbook() => new(portal.Files.Workbook);

    /// <summary>A sheet's table as (label, figures…) rows, in the displayed order, header row included.</summary>
    private static List<string[]> Table(WorkbookReader book, string sheet, int rows) => book.Rows(sheet).Take(rows + 1).ToList();

    private static string Share(int part, int whole) => ((double)part / whole).ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void The_pack_is_four_files_named_after_the_year_with_nothing_half_written_left_beside_them()
    {
        Assert.Equal(Path.Combine(portal.Folder, "annual-2025.xlsx"), portal.Files.Workbook);
        Assert.Equal(Path.Combine(portal.Folder, "annual-2025.json"), portal.Files.Json);
        Assert.Equal(Path.Combine(portal.Folder, "annual-2025.pdf"), portal.Files.Pdf);
        Assert.Equal(Path.Combine(portal.Folder, "annual-2025-graphiques.zip"), portal.Files.Charts);
        Assert.Equal(["annual-2025-graphiques.zip", "annual-2025.json", "annual-2025.pdf", "annual-2025.xlsx"], Directory.GetFiles(portal.Folder).Select(Path.GetFileName).Order());
        Assert.Equal(0, portal.Progress[0]);
        Assert.Equal(1, portal.Progress[^1]);
        Assert.Equal(portal.Progress.Order(), portal.Progress);
    }

    [Fact]
    public void The_workbook_has_a_summary_one_sheet_per_indicator_and_the_anonymous_detail()
    {
        using var book = Workbook();

        Assert.Equal(["Synthèse", .. IndicatorSheets, "Détail anonyme"], book.SheetNames);
    }

    [Fact]
    public void The_summary_gives_the_key_figures_with_the_small_ones_masked()
    {
        using var book = Workbook();

        Assert.Equal(
        [
            ["Indicateur", "Valeur"],
            ["Bilan annuel 2025 – CQP Télésecrétaire qualifié(e)", "2025"],
            ["Candidats inscrits", "14"],
            ["dont recevables", "8"],
            ["Décisions de jury", "12"],
            // Masked in « Résultats des jurys » so that its « < 5 » and « masqué » (1 + 5) cannot be worked out.
            ["dont validations totales", "masqué"],
            ["Réponses à l'enquête à 6 mois", "10"],
            // 10 of 12 invited: the 2 who did not answer could be worked out from the rate.
            ["Taux de réponse à 6 mois", "masqué"],
            ["Réponses à l'enquête à 24 mois", "6"],
            ["Taux de réponse à 24 mois", Share(6, 11)],
        ], Table(book, "Synthèse", 9));
    }

    [Fact]
    public void Profile_sheets_give_counts_and_shares_as_numbers_with_french_formats()
    {
        using var book = Workbook();

        Assert.Equal([["Sexe", "Effectif", "Part"], ["F", "9", Share(9, 14)], ["M", "5", Share(5, 14)], ["Total", "14", "1"]], Table(book, "Sexe", 3));
        Assert.Equal([["Voie", "Effectif", "Part"], ["Formation", "9", Share(9, 14)], ["VAE", "5", Share(5, 14)], ["Candidat libre", "0", "0"], ["Total", "14", "1"]],
            Table(book, "Voie", 4));
        Assert.Equal(
        [
            ["Statut à l'inscription", "Effectif", "Part"], ["Salarié", "8", Share(8, 14)], ["Demandeur d'emploi", "6", Share(6, 14)], ["Autre", "0", "0"], ["Total", "14", "1"],
        ], Table(book, "Statut", 4));
        Assert.Equal(["Nord", "7", "0.5"], book.Rows("Région")[1]);
        Assert.Equal(["Ouest", "7", "0.5"], book.Rows("Région")[2]);
        Assert.Equal(
        [
            ["Expérience", "Médiane (mois)", "Inscrits"], ["Télésecrétariat", "15", "14"], ["Emploi au téléphone", "12", "14"],
        ], Table(book, "Expérience", 2));

        Assert.Equal(9, book.Number("Sexe", "B2"));
        Assert.Equal("#,##0", book.FormatCode("Sexe", "B2"));
        Assert.Equal("0.0\\ %", book.FormatCode("Sexe", "C2"));
        Assert.Equal("#,##0.0", book.FormatCode("Expérience", "B2"));
        Assert.True(book.IsBold("Sexe", "A4"));
        Assert.True(book.IsBold("Sexe", "B4"));
    }

    [Fact]
    public void Counts_of_one_to_four_people_show_as_less_than_5_and_what_would_give_them_away_is_hidden()
    {
        using var book = Workbook();

        // 36-45 is 3 people; <26 (5) is hidden with it, or the total would give the 3 away.
        Assert.Equal(
        [
            ["Âge à l'inscription (ans révolus)", "Effectif", "Part"],
            ["<26", "masqué", "masqué"], ["26-35", "6", Share(6, 14)], ["36-45", "< 5", "masqué"], ["46-55", "0", "0"], ["56+", "0", "0"], ["Total", "14", "1"],
        ], Table(book, "Âge", 6));
        Assert.Null(book.Number("Âge", "B4"));
        Assert.Equal("< 5", book.Text("Âge", "B4"));
        Assert.Equal(
        [
            ["Niveau de formation", "Effectif", "Part"],
            ["Sans diplôme", "0", "0"], ["Niveau 3", "< 5", "masqué"], ["Niveau 4", "9", Share(9, 14)], ["Niveau 5", "< 5", "masqué"],
            ["Niveau 6", "0", "0"], ["Niveau 7", "0", "0"], ["Niveau 8", "0", "0"], ["Total", "14", "1"],
        ], Table(book, "Niveau de formation", 8));
        Assert.Equal(
        [
            ["Recevabilité", "Effectif", "Part"],
            ["Recevable", "8", Share(8, 14)], ["Non recevable", "< 5", "masqué"], ["En attente", "< 5", "masqué"], ["Sans décision (abandon)", "< 5", "masqué"], ["Total", "14", "1"],
        ], Table(book, "Recevabilité", 5));
        Assert.Equal(
        [
            ["Financement", "Effectif", "Part"],
            ["CPF", "7", "0.5"], ["CPF de transition professionnelle", "0", "0"], ["Pro-A (reconversion ou promotion par l'alternance)", "0", "0"],
            ["Contrat de professionnalisation", "masqué", "masqué"], ["Plan de développement des compétences", "0", "0"], ["France Travail", "0", "0"],
            ["Financement personnel", "0", "0"], ["Autre", "0", "0"], ["Non renseigné", "< 5", "masqué"], ["Total", "14", "1"],
        ], Table(book, "Financement", 10));
    }

    [Fact]
    public void Jury_sheets_give_results_and_the_validation_rate_per_unit()
    {
        using var book = Workbook();

        Assert.Equal(
        [
            ["Résultat", "Effectif", "Part"],
            ["Validation totale", "masqué", "masqué"], ["Validation partielle", "masqué", "masqué"], ["Non validé", "< 5", "masqué"], ["Absent", "0", "0"], ["Total", "12", "1"],
        ], Table(book, "Résultats des jurys", 5));
        // Units 1 and 3: 11 of 12, so the one not validated could be worked out: hidden.
        Assert.Equal(
        [
            ["Unité", "Résultats", "Unités validées", "Taux de validation"],
            ["Unité 1", "12", "masqué", "masqué"], ["Unité 2", "12", "6", "0.5"], ["Unité 3", "12", "masqué", "masqué"], ["Unité 4", "12", "6", "0.5"],
        ], Table(book, "Validation par unité", 4));
    }

    [Fact]
    public void Holder_sheets_give_situation_contract_sector_and_response_rate_per_wave()
    {
        using var book = Workbook();

        Assert.Equal(
        [
            ["Situation", "Effectif", "Part"],
            ["En emploi", "7", "0.7"], ["Demandeur d'emploi", "< 5", "masqué"], ["En formation", "< 5", "masqué"], ["Autre", "0", "0"], ["Total", "10", "1"],
        ], Table(book, "6 mois – situation", 5));
        Assert.Equal(
        [
            ["Contrat", "Effectif", "Part"], ["CDI", "masqué", "masqué"], ["CDD", "< 5", "masqué"], ["Non salarié", "0", "0"], ["Intérimaire", "0", "0"], ["Total", "7", "1"],
        ], Table(book, "6 mois – contrat", 5));
        Assert.Equal([["Secteur", "Effectif", "Part"], ["Dans la branche", "7", "1"], ["Autre branche", "0", "0"], ["Total", "7", "1"]], Table(book, "6 mois – secteur", 3));
        Assert.Equal(
        [
            ["Titulaires", "Effectif", "Part"], ["Invités dans l'année", "12", "1"], ["dont ont répondu", "masqué", "masqué"], ["Réponses reçues dans l'année", "10", "–"],
        ], Table(book, "6 mois – réponse", 3));

        Assert.Equal(["En emploi", "6", "1"], book.Rows("24 mois – situation")[1]);
        Assert.Equal(["CDI", "6", "1"], book.Rows("24 mois – contrat")[1]);
        Assert.Equal([["Secteur", "Effectif", "Part"], ["Dans la branche", "< 5", "masqué"], ["Autre branche", "< 5", "masqué"], ["Total", "6", "1"]], Table(book, "24 mois – secteur", 3));
        Assert.Equal(
        [
            ["Titulaires", "Effectif", "Part"], ["Invités dans l'année", "11", "1"], ["dont ont répondu", "6", Share(6, 11)], ["Réponses reçues dans l'année", "6", "–"],
        ], Table(book, "24 mois – réponse", 3));
    }

    [Fact]
    public void Every_indicator_sheet_has_a_native_chart_over_its_table_without_the_masked_values()
    {
        using var book = Workbook();

        foreach (var sheet in IndicatorSheets)
        {
            var part = book.Part(sheet);
            // A pie whose parts are all masked (or empty) is not drawn; its sheet says why (TruthfulPie).
            if (book.Rows(sheet).Any(r => r.Length > 0 && r[0] is TruthfulPie.AllMasked or TruthfulPie.TooFew or TruthfulPie.NoData))
            {
                Assert.Null(part.Worksheet.GetFirstChild<Drawing>());
                continue;
            }
            Assert.NotNull(part.Worksheet.GetFirstChild<Drawing>());
            var chart = Assert.Single(Assert.IsType<DrawingsPart>(part.DrawingsPart).ChartParts).ChartSpace;
            // Training draws two series (hours planned, hours done); every other indicator one.
            var series = sheet == "Formation" ? 2 : 1;
            Assert.Equal(series, chart.Descendants<C.Values>().Count(v => v.Descendants<C.Formula>().Single().Text is not null));
            Assert.All(chart.Descendants<C.CategoryAxisData>(), c => Assert.StartsWith($"'{sheet.Replace("'", "''")}'!$", c.Descendants<C.Formula>().Single().Text));
            Assert.Equal(series, chart.Descendants<C.ShowValue>().Count(v => v.Val!.Value));
        }

        // Training: hours planned (column B) and done (column C) side by side, with a legend naming them.
        var training = book.Part("Formation").DrawingsPart!.ChartParts.Single().ChartSpace;
        Assert.Equal(["'Formation'!$B$2:$B$5", "'Formation'!$C$2:$C$5"], training.Descendants<C.Values>().Select(v => v.Descendants<C.Formula>().Single().Text));
        Assert.NotNull(training.Descendants<C.Legend>().SingleOrDefault());

        // Sex is a pie with one colour per slice and both values; age is a bar chart whose cache holds only the shown 6.
        var sex = book.Part("Sexe").DrawingsPart!.ChartParts.Single().ChartSpace;
        Assert.Single(sex.Descendants<C.PieChart>());
        Assert.Equal(2, sex.Descendants<C.DataPoint>().Count());
        Assert.Equal(["9", "5"], sex.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => p.NumericValue!.Text));
        var age = book.Part("Âge").DrawingsPart!.ChartParts.Single().ChartSpace;
        Assert.Single(age.Descendants<C.BarChart>());
        Assert.Equal("'Âge'!$B$2:$B$6", age.Descendants<C.Values>().Single().Descendants<C.Formula>().Single().Text);
        Assert.Equal([(1u, "6"), (3u, "0"), (4u, "0")],
            age.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => (p.Index!.Value, p.NumericValue!.Text)));
    }

    [Fact]
    public void Every_sheet_has_a_bold_frozen_header_row()
    {
        using var book = Workbook();

        foreach (var sheet in book.SheetNames)
        {
            var pane = book.Part(sheet).Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.True(book.IsBold(sheet, "A1"), sheet);
        }
    }

    [Fact]
    public void The_detail_sheet_shows_the_years_registrations_in_rows_each_shared_by_five_on_what_describes_a_person()
    {
        using var book = Workbook();
        var rows = book.Rows("Détail anonyme");
        var description = book.Rows("Synthèse").Single(r => r.Length > 1 && r[0] == "Détail anonyme")[1];
        var leftOut = System.Text.RegularExpressions.Regex.Match(description, @"(\d+) inscriptions trop singulières") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

        Assert.Equal("N°", rows[0][0]);
        Assert.Contains("Recevabilité", rows[0]);
        Assert.Equal(14, rows.Count - 1 + leftOut);
        Assert.True(leftOut is 0 or >= 5, description);
        var person = rows[0].Select((h, i) => (h, i)).Where(x => x.h is not ("N°" or "Recevabilité")).Select(x => x.i).ToList();
        Assert.All(rows.Skip(1).GroupBy(r => string.Join("|", person.Select(i => r[i]))), g => Assert.True(g.Count() >= 5, g.Key));
        // Masked in « Recevabilité » (1, 3 and 2): « Non recevable », « En attente » and « Sans décision » are one « Autres ».
        Assert.DoesNotContain(rows, r => r.Contains("Non recevable") || r.Contains("En attente"));
        // Education, status, funding and months of experience would make nearly every row unique: not in the rows.
        Assert.Empty(rows[0].Intersect(["Niveau de formation", "Statut", "Financement", "Expérience télésecrétariat (mois)"]));
    }

    [Fact]
    public void Nothing_personal_of_the_data_set_is_anywhere_in_the_workbook()
    {
        using var book = Workbook();
        var everything = string.Join("\n", book.SheetNames.SelectMany(book.Rows).Select(r => string.Join("|", r)));

        foreach (var (first, last, email, birth) in portal.People)
        {
            Assert.DoesNotContain(first, everything);
            Assert.DoesNotContain(last, everything);
            Assert.DoesNotContain(email, everything);
            Assert.DoesNotContain(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), everything);
            Assert.DoesNotContain(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), everything);
            Assert.DoesNotContain(birth.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture), everything.Split('|', '\n'));
        }
        Assert.DoesNotContain("exemple.fr", everything);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml()
    {
        using var book = Workbook();

        var errors = new OpenXmlValidator().Validate(book.Document).Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_json_of_the_pack_is_the_statistics_download_byte_for_byte_with_exact_counts()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var download = await (await sist.Http.GetAsync($"/Analyse/Statistiques/{Year}.json")).Content.ReadAsByteArrayAsync();

        var json = await File.ReadAllBytesAsync(portal.Files.Json);

        Assert.Equal(download, json);
        var figures = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal(3, figures["profiles"]!["ageBand"]!["36-45"]!.GetValue<int>());
        Assert.Equal(1, figures["juries"]!["result"]!["Non validé"]!.GetValue<int>());
        Assert.Equal(2, figures["holders"]!["6 mois"]!["situation"]!["Demandeur d'emploi"]!.GetValue<int>());
    }

    [Fact]
    public void The_pdf_summary_shows_each_indicators_chart_with_its_figures_as_text_masked_the_same_way()
    {
        var pdf = File.ReadAllBytes(portal.Files.Pdf);
        // One space between table cells, as a reader copying a line would get it.
        var text = string.Join("\n", PdfText.Of(pdf).Replace('\u00a0', ' ').Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

        Assert.Contains("Bilan annuel 2025 – CQP Télésecrétaire qualifié(e)", text);
        Assert.Contains("Candidats inscrits par sexe", text);
        Assert.Equal(IndicatorSheets.Length, PdfText.ImageCount(pdf));
        // Under each chart, its table: category, count, share.
        Assert.Contains("\nF 9 64,3 %\n", text);
        Assert.Contains("\nM 5 35,7 %\n", text);
        Assert.Contains(" 6 42,9 %", text);
        Assert.Contains(" 7 70,0 %", text);
        Assert.Contains("54,5 %", text);
        Assert.Contains("Taux de validation par unité", text);
        Assert.Contains("50,0 %", text);
        // A small count and its share ("< 5" may come out as "<5": pdftotext's layout squeezes the space).
        Assert.Matches(@"\n[^\n]+ < ?5 masqué\n", text);
        Assert.Contains("Situation des titulaires à 24 mois", text);
        foreach (var (first, last, email, _) in portal.People)
        {
            Assert.DoesNotContain(last, text);
            Assert.DoesNotContain(email, text);
        }
    }

    [Fact]
    public void The_charts_zip_has_one_png_per_indicator_named_in_the_pdfs_order_for_slides()
    {
        using var zip = ZipFile.OpenRead(portal.Files.Charts);
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(IndicatorSheets.Length, names.Count);
        Assert.Equal("annual-2025-01-sexe.png", names[0]);
        Assert.Equal("annual-2025-02-age.png", names[1]);
        Assert.Equal("annual-2025-16-6-mois-situation.png", names[15]);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var image = SKBitmap.Decode(stream);
            Assert.Equal(1200, image.Width);
        }
    }

    [Fact]
    public async Task A_cancelled_pack_publishes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("cqp-pack-cancel-");
        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<AnnualPackWriter>();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(Year, folder.FullName, null, new CancellationToken(canceled: true)));

            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0.2)]   // figures loaded, before the workbook
    [InlineData(0.85)]  // workbook and JSON written, before the PDF
    public async Task A_pack_cancelled_midway_publishes_nothing_and_leaves_no_temporary_file(double cancelAt)
    {
        var folder = Directory.CreateTempSubdirectory("cqp-pack-cancel-");
        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<AnnualPackWriter>();
            using var cancel = new CancellationTokenSource();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                writer.WriteAsync(Year, folder.FullName, new CancelAt(cancelAt, cancel), cancel.Token));

            Assert.Empty(folder.GetFileSystemInfos());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class CancelAt(double at, CancellationTokenSource cancel) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value >= at) cancel.Cancel();
        }
    }

    [Fact]
    public async Task The_command_line_writes_the_four_files_and_prints_where()
    {
        var folder = Directory.CreateTempSubdirectory("cqp-pack-cli-");
        try
        {
            var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "annual", "--year", "2025", "--out", folder.FullName);

            Assert.True(exitCode == 0, errors);
            var expected = new[] { "annual-2025.xlsx", "annual-2025.json", "annual-2025.pdf", "annual-2025-graphiques.zip" }.Select(f => Path.Combine(folder.FullName, f)).ToArray();
            Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal(expected.Order(), folder.GetFiles().Select(f => f.FullName).Order());
            Assert.Equal(await File.ReadAllBytesAsync(portal.Files.Json), await File.ReadAllBytesAsync(expected[1]));
            using var book = new WorkbookReader(expected[0]);
            Assert.Equal(["F", "9", Share(9, 14)], book.Rows("Sexe")[1]);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(expected[2]))[..4]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_command_line_asks_for_the_folder_of_the_annual_pack()
    {
        var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "annual", "--year", "2025");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("report annual --year YYYY --out DIR", errors);
    }
}
