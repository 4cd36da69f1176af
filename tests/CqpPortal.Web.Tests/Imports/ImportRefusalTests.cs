using System.Net;
using System.Text.Json.Nodes;
using CqpPortal.Domain.Records;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Imports;
using CqpPortal.Web.Tests.Statistics;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>Bad files write nothing and list every bad line; a second import of the same file changes nothing; the command line's exit codes.</summary>
public class ImportRefusalTests(EmptyPortal portal) : IClassFixture<EmptyPortal>
{
    private static string Unique() => "-" + Guid.NewGuid().ToString("N")[..8];

    private static string[] Line(int index, string column, string value, string suffix)
    {
        var line = ImportFiles.Renamed(ImportFiles.Candidates, suffix)[index].ToArray();
        line[RecordTemplates.Candidates.Columns.ToList().IndexOf(column)] = value;
        return line;
    }

    [Fact]
    public async Task A_file_with_bad_lines_writes_nothing_and_lists_every_bad_line()
    {
        var suffix = Unique();
        var rows = ImportFiles.Renamed(ImportFiles.Candidates, suffix).ToList();
        rows[1] = Line(1, "Date de naissance", "1970-01-01", suffix);
        rows[3] = Line(3, "Voie", "Apprentissage", suffix);
        rows[5] = Line(5, "Date du jury", "31/02/2025", suffix);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var before = await ImportFiles.CountsAsync(portal);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, ImportFiles.Csv(RecordTemplates.Candidates, rows), "mauvais.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
        [
            (3, "Date de naissance", "1970-01-01", "Date attendue au format JJ/MM/AAAA."),
            (5, "Voie", "Apprentissage", "Valeur inconnue : valeurs possibles « Formation », « VAE », « Candidat libre »."),
            (7, "Date du jury", "31/02/2025", "Date attendue au format JJ/MM/AAAA."),
        ], ImportFiles.Table(page, "errors"));
        Assert.Contains("Fichier refusé, rien n'a été enregistré : 3 erreur(s).", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Candidats (inscription, recevabilité, jury, obtention)", page.QuerySelector("input[name='Input.Kind']:checked + label")!.TextContent);
        Assert.Equal(before, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_written()
    {
        var columns = RecordTemplates.Candidates.Columns.Where(c => c != "Recevabilité").ToList();
        var rows = ImportFiles.Renamed(ImportFiles.Candidates, Unique()).Select(r => r.Where((_, i) => i != 18).ToArray());
        var file = RecordFileWriter.Xlsx("Feuil1", columns, rows.ToList());
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var before = await ImportFiles.CountsAsync(portal);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, file, "sans-recevabilite.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([(1, "Recevabilité", "", "Colonne manquante dans la ligne d'en-tête.")], ImportFiles.Table(page, "errors"));
        Assert.Equal(before, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task A_survey_answer_matching_no_holder_refuses_the_whole_file()
    {
        var suffix = Unique();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (first, firstPage) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, ImportFiles.Csv(RecordTemplates.Candidates, ImportFiles.Renamed(ImportFiles.Candidates, suffix)), "c.csv");
        ImportFiles.AssertOk(first, firstPage);
        var surveys = ImportFiles.Renamed(ImportFiles.Surveys, suffix).Append(
        [
            "Inconnue" + suffix, "Zoé", "01/01/1990", "", "24 mois", "01/03/2025", "Autre", "", "", "", "", "",
        ]).Append(
        [
            // Chloé was not admissible: she is a candidate, not a holder.
            "Petit" + suffix, "Chloé", "31/12/2000", "", "6 mois", "01/03/2025", "Autre", "", "", "", "", "",
        ]);
        var before = await ImportFiles.CountsAsync(portal);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, ImportFiles.Csv(RecordTemplates.Surveys, surveys), "enquetes.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = ImportFiles.Table(page, "errors");
        Assert.Equal([(4, "Nom"), (5, "Nom")], errors.Select(e => (e.Line, e.Column)));
        Assert.Equal("Aucun titulaire ne porte ce nom, ce prénom et cette date de naissance : importez d'abord le candidat et son jury.", errors[0].Why);
        Assert.Equal("Ce candidat n'a pas de validation totale ni de date d'obtention enregistrée : il n'est pas titulaire.", errors[1].Why);
        Assert.Equal(before, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing_the_second_time()
    {
        var suffix = Unique();
        var candidates = ImportFiles.Xlsx(RecordTemplates.Candidates, ImportFiles.Renamed(ImportFiles.Candidates, suffix));
        var surveys = ImportFiles.Csv(RecordTemplates.Surveys, ImportFiles.Renamed(ImportFiles.Surveys, suffix));
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, candidates, "c.xlsx");
        ImportFiles.AssertOk(response, page);
        (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, surveys, "s.csv");
        ImportFiles.AssertOk(response, page);
        var counts = await ImportFiles.CountsAsync(portal);
        var json2025 = await sist.Http.GetStringAsync("/Analyse/Statistiques/2025.json");
        var json2026 = await sist.Http.GetStringAsync("/Analyse/Statistiques/2026.json");

        (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, candidates, "c.xlsx");
        ImportFiles.AssertOk(response, page);
        Assert.Equal(("0", "0", "6"), (page.QuerySelector("#created")!.TextContent, page.QuerySelector("#updated")!.TextContent, page.QuerySelector("#unchanged")!.TextContent));
        (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, surveys, "s.csv");
        ImportFiles.AssertOk(response, page);
        Assert.Equal(("0", "0", "2"), (page.QuerySelector("#created")!.TextContent, page.QuerySelector("#updated")!.TextContent, page.QuerySelector("#unchanged")!.TextContent));

        Assert.Equal(counts, await ImportFiles.CountsAsync(portal));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json2025), JsonNode.Parse(await sist.Http.GetStringAsync("/Analyse/Statistiques/2025.json"))));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json2026), JsonNode.Parse(await sist.Http.GetStringAsync("/Analyse/Statistiques/2026.json"))));
    }

    [Fact]
    public async Task A_changed_value_updates_the_recorded_line_without_duplicating_it()
    {
        var suffix = Unique();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (first, firstPage) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, ImportFiles.Csv(RecordTemplates.Candidates, ImportFiles.Renamed(ImportFiles.Candidates, suffix)), "c.csv");
        ImportFiles.AssertOk(first, firstPage);
        var counts = await ImportFiles.CountsAsync(portal);
        var rows = ImportFiles.Renamed(ImportFiles.Candidates, suffix).ToList();
        rows[3] = Line(3, "Recevabilité", "Recevable", suffix);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, ImportFiles.Csv(RecordTemplates.Candidates, rows), "c.csv");

        ImportFiles.AssertOk(response, page);
        Assert.Equal(("0", "1", "5"), (page.QuerySelector("#created")!.TextContent, page.QuerySelector("#updated")!.TextContent, page.QuerySelector("#unchanged")!.TextContent));
        // Same rows, plus the status change in Anne's history.
        Assert.Equal(counts with { History = counts.History + 1 }, await ImportFiles.CountsAsync(portal));
    }

    [Fact]
    public async Task An_admissible_candidate_without_the_prerequisites_is_imported_with_a_warning_shown()
    {
        var suffix = Unique();
        var line = Line(0, "Expérience télésecrétariat (mois)", "2", suffix);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, ImportFiles.Csv(RecordTemplates.Candidates, [line]), "c.csv");

        ImportFiles.AssertOk(response, page);
        Assert.Equal("1", page.QuerySelector("#created")!.TextContent);
        var warning = Assert.Single(ImportFiles.Table(page, "warnings"));
        Assert.Equal((2, "Recevabilité", "Recevable"), (warning.Line, warning.Column, warning.Value));
    }

    [Fact]
    public async Task The_command_line_exits_0_on_a_good_file_and_1_with_every_error_on_a_bad_one()
    {
        var suffix = Unique();
        var folder = Directory.CreateTempSubdirectory("cqp-import-").FullName;
        try
        {
            var good = Path.Combine(folder, "bon.csv");
            await File.WriteAllBytesAsync(good, ImportFiles.Csv(RecordTemplates.Candidates, ImportFiles.Renamed(ImportFiles.Candidates, suffix)));
            var bad = Path.Combine(folder, "mauvais.xlsx");
            var rows = ImportFiles.Renamed(ImportFiles.Candidates, Unique()).ToList();
            rows[0] = Line(0, "Sexe", "X", suffix);
            rows[2] = Line(2, "Région", "Atlantide", suffix);
            await File.WriteAllBytesAsync(bad, ImportFiles.Xlsx(RecordTemplates.Candidates, rows));
            var before = await ImportFiles.CountsAsync(portal);

            var refused = await PortalCommandLine.RunAsync(portal.ConnectionString, "import", "candidates", bad);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Erreur : Ligne 2, colonne « Sexe », valeur « X » : Valeur inconnue", refused.Errors);
            Assert.Contains("Erreur : Ligne 4, colonne « Région », valeur « Atlantide » : Valeur inconnue", refused.Errors);
            Assert.Contains("Fichier refusé, rien n'a été enregistré : 2 erreur(s).", refused.Errors);
            Assert.Equal(before, await ImportFiles.CountsAsync(portal));

            var imported = await PortalCommandLine.RunAsync(portal.ConnectionString, "import", "candidates", good);
            Assert.True(imported.ExitCode == 0, imported.Errors);
            Assert.Contains("6 ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s).", imported.Output);
            var again = await PortalCommandLine.RunAsync(portal.ConnectionString, "import", "candidates", good);
            Assert.Contains("0 ligne(s) créée(s), 0 mise(s) à jour, 6 inchangée(s).", again.Output);

            Assert.Equal(2, (await PortalCommandLine.RunAsync(portal.ConnectionString, "import", "candidats", good)).ExitCode);
            Assert.Equal(2, (await PortalCommandLine.RunAsync(portal.ConnectionString, "import", "surveys", Path.Combine(folder, "absent.csv"))).ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Only_staff_reach_the_import_page_and_the_templates()
    {
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Staff/Imports"), "/Compte/Connexion?ReturnUrl="));
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Staff/Imports/Modele?type=candidats&format=csv"), "/Compte/Connexion?ReturnUrl="));
        foreach (var role in new[] { Roles.Candidate, Roles.CompanyManager, Roles.SistAnalyst, Roles.Committee, Roles.JuryMember, Roles.Evaluator })
        {
            using var other = await TestAccounts.SignedInAsync(portal, role);
            Assert.True(PortalClient.IsRedirectTo(await other.Http.GetAsync("/Staff/Imports"), "/Compte/AccesRefuse"), role);
            using var post = new MultipartFormDataContent { { new StringContent("Candidates"), "Input.Kind" } };
            var response = await other.Http.PostAsync("/Staff/Imports", post);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest || PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{role}: {response.StatusCode}");
        }
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/Staff/Imports")).StatusCode);
    }

    [Theory]
    [InlineData("candidats", "csv")]
    [InlineData("candidats", "xlsx")]
    [InlineData("enquetes", "csv")]
    [InlineData("enquetes", "xlsx")]
    public async Task Each_template_holds_the_columns_of_its_kind(string type, string format)
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var response = await staff.Http.GetAsync($"/Staff/Imports/Modele?type={type}&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var template = type == "candidats" ? RecordTemplates.Candidates : RecordTemplates.Surveys;
        Assert.Equal($"{template.FileName}.{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var sheet = RecordFileReader.Read(await response.Content.ReadAsStreamAsync(), "modele." + format);
        Assert.Equal(template.Columns, sheet.Headers);
        Assert.Empty(sheet.Lines);
    }

    [Fact]
    public async Task Another_format_is_refused_beside_the_field()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, [1, 2, 3], "historique.ods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Le fichier doit être un .csv (séparateur point-virgule) ou un .xlsx.", page.QuerySelector("#file-error")!.TextContent);
        Assert.Contains("historique.ods", page.QuerySelector(".hint")!.TextContent);
    }
}
