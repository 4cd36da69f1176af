using System.Net;
using System.Text.Json.Nodes;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Reports;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>
/// The figures of issue 15 on a hand-made data set (<see cref="CompleteStatisticsPortal"/>): exact in the JSON, per
/// certification everywhere, on the dashboard, and side by side over three years for the CPNEFP.
/// </summary>
public class CompleteStatisticsTests(CompleteStatisticsPortal portal) : IClassFixture<CompleteStatisticsPortal>
{
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string role, string url)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        var response = await client.Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertSameJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}\nbut got {actual?.ToJsonString()}");

    [Fact]
    public async Task The_json_gives_the_new_profile_figures_of_the_default_certification_exactly()
    {
        var (status, body) = await GetAsync(Roles.SistAnalyst, "/Analyse/Statistiques/2025.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(body)!;
        var profiles = json["profiles"]!;

        Assert.Equal(7, profiles["total"]!.GetValue<int>());
        Assert.Equal("CQP Télésecrétaire qualifié(e)", json["certification"]!["name"]!.GetValue<string>());
        AssertSameJson("""
            { "Aucun diplôme": 1, "CAP, BEP": 1, "Baccalauréat général": 0, "Baccalauréat technologique": 0, "Baccalauréat professionnel": 3,
              "Bac + 2 (BTS, DUT, DEUG…)": 1, "Bac + 3 et plus (licence, BUT, master…)": 0, "Autre diplôme": 0, "Non renseigné": 1 }
            """, profiles["diplomaGroup"]);
        AssertSameJson("""
            { "Secrétariat médical": 3, "Secrétariat juridique": 0, "Permanence téléphonique, centre d'appels": 2, "Services aux entreprises": 0,
              "Commerce, vente": 0, "Santé, social": 0, "Administration publique": 0, "Industrie, BTP": 0, "Hôtellerie, restauration": 0,
              "Autre secteur": 2, "Non renseigné": 2 }
            """, profiles["experienceSectors"]);
        AssertSameJson("""
            { "teleSecretary": { "Moins d'un an": 2, "1 à 2 ans": 2, "3 à 5 ans": 1, "6 à 10 ans": 1, "Plus de 10 ans": 1 },
              "phoneJob": { "Moins d'un an": 4, "1 à 2 ans": 2, "3 à 5 ans": 0, "6 à 10 ans": 0, "Plus de 10 ans": 1 } }
            """, profiles["experienceYears"]);
        Assert.Equal(35, profiles["experienceMedianMonths"]!["teleSecretary"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_json_gives_the_holders_training_and_jobs_in_the_branch_exactly()
    {
        var (_, body) = await GetAsync(Roles.SistAnalyst, "/Analyse/Statistiques/2025.json");
        var six = JsonNode.Parse(body)!["holders"]!["6 mois"]!;

        Assert.Equal(13, six["responses"]!.GetValue<int>());
        AssertSameJson("""{ "Niveau 3": 0, "Niveau 4": 2, "Niveau 5": 2, "Niveau 6": 1, "Niveau 7": 0, "Niveau 8": 0, "Non renseigné": 1 }""", six["trainingLevel"]);
        AssertSameJson("""
            { "31 – Échanges et gestion": 1, "32 – Communication et information": 2, "33 – Services aux personnes": 1,
              "Non renseigné": 1, "Code hors nomenclature": 1 }
            """, six["trainingNsfGroup"]);
        Assert.Equal(7, six["employedInBranch"]!.GetValue<int>());
        // Five ways of writing one job are one; « Standardiste », alone, goes with the rare ones.
        AssertSameJson("""{ "Télésecrétaire": 5, "Autres intitulés (moins de 5 titulaires chacun)": 1, "Non renseigné": 1 }""", six["jobInBranch"]);
    }

    [Fact]
    public async Task The_certification_filter_separates_the_two_certifications_and_names_the_one_shown()
    {
        var (status, body) = await GetAsync(Roles.SistAnalyst, $"/Analyse/Statistiques/2025.json?certification={CompleteStatisticsPortal.OtherCode}");
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(body)!;

        AssertSameJson($$"""{ "code": "{{CompleteStatisticsPortal.OtherCode}}", "name": "CQP {{CompleteStatisticsPortal.OtherTitle}}" }""", json["certification"]);
        Assert.Equal(2, json["profiles"]!["total"]!.GetValue<int>());
        Assert.Equal(2, json["profiles"]!["experienceSectors"]!["Hôtellerie, restauration"]!.GetValue<int>());
        Assert.Equal(0, json["profiles"]!["experienceSectors"]!["Secrétariat médical"]!.GetValue<int>());
        AssertSameJson("""{ "33 – Services aux personnes": 1, "Non renseigné": 0, "Code hors nomenclature": 0 }""", json["holders"]!["6 mois"]!["trainingNsfGroup"]);
        Assert.Equal(1, json["holders"]!["6 mois"]!["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_certification_is_not_found_everywhere()
    {
        foreach (var url in new[] { "/Analyse/Statistiques/2025.json?certification=INCONNU", "/Analyse?certification=INCONNU", "/Analyse/TroisAns?fin=2025&certification=INCONNU", "/Analyse/Bilan/2025.pdf?certification=INCONNU" })
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Roles.SistAnalyst, url)).Status);
    }

    [Fact]
    public async Task The_command_line_writes_the_json_of_the_certification_asked()
    {
        var (_, download) = await GetAsync(Roles.SistAnalyst, $"/Analyse/Statistiques/2025.json?certification={CompleteStatisticsPortal.OtherCode}");

        var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "stats-json", "--year", "2025", "--certification", CompleteStatisticsPortal.OtherCode.ToLowerInvariant());

        Assert.True(exitCode == 0, errors);
        Assert.Equal(download.Trim(), output.Trim());
        var unknown = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "stats-json", "--year", "2025", "--certification", "INCONNU");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_new_indicators_for_one_certification_at_a_time()
    {
        using var committee = await TestAccounts.SignedInAsync(portal, Roles.Committee);
        var (response, page) = await committee.GetAsync("/Analyse?annee=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(["CQP Télésecrétaire qualifié(e)", $"CQP {CompleteStatisticsPortal.OtherTitle}"], page.QuerySelectorAll("#certification option").Select(o => o.TextContent.Trim()));
        Assert.Equal("3", page.QuerySelectorAll("#diplome tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Baccalauréat professionnel").QuerySelector("td")!.TextContent);
        // Several sectors per candidate: the shares are of the 7 candidates.
        var medical = page.QuerySelectorAll("#secteurs tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Secrétariat médical");
        Assert.Equal(["3", CqpPortal.Web.Formatting.FrenchFormat.Share(3 / 7.0)], medical.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["Candidats inscrits", "7"], page.QuerySelectorAll("#secteurs tfoot tr > *").Take(2).Select(c => c.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("#experience-telesecretariat"));
        Assert.NotNull(page.QuerySelector("#nsf-6"));
        Assert.Contains("Télésecrétaire", page.QuerySelector("#emploi-6")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href^='/Analyse/TroisAns?fin=2025']"));

        var (_, other) = await committee.GetAsync($"/Analyse?annee=2025&certification={CompleteStatisticsPortal.OtherCode}");
        Assert.Equal("2", other.QuerySelectorAll("#diplome tbody tr").Sum(r => int.Parse(r.QuerySelector("td")!.TextContent)).ToString());
        Assert.Contains(CompleteStatisticsPortal.OtherTitle, other.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_three_year_workbook_puts_the_years_side_by_side_masked_for_sharing()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var response = await sist.Http.GetAsync("/Analyse/TroisAns?fin=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bilan-trois-ans-cqp-2023-2025.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var path = Path.Combine(Path.GetTempPath(), $"cqp-three-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var book = new WorkbookReader(path);
            Assert.Equal(["Lisez-moi", "Chiffres clés", "Profils", "Jurys", "Titulaires à 6 mois", "Titulaires à 24 mois"], book.SheetNames);
            Assert.Contains("article 5", string.Join(" ", book.Rows("Lisez-moi").Select(r => string.Join(" ", r))));
            var key = book.Rows("Chiffres clés");
            Assert.Equal(["Indicateur", "2023", "2024", "2025"], key[0]);
            // 2023: the 13 holders' registrations; 2025: the 7 candidates; 2024: nobody.
            Assert.Equal(["Candidats inscrits", "13", "0", "7"], key[1]);
            Assert.Equal(["Réponses à l'enquête à 6 mois", "0", "0", "13"], key.Single(r => r.Length > 0 && r[0] == "Réponses à l'enquête à 6 mois"));
            var profiles = book.Rows("Profils");
            // 3 holders of a professional baccalauréat in 2025: masked, and the next smallest (1) with it.
            Assert.Equal(["Baccalauréat professionnel", "0", "0", "< 5"], profiles.First(r => r.Length > 0 && r[0] == "Baccalauréat professionnel"));
            Assert.Equal(["Secrétariat médical", "0", "0", "< 5"], profiles.First(r => r.Length > 0 && r[0] == "Secrétariat médical"));
            Assert.Equal(["Moins d'un an", "0", "0", "< 5"], profiles.First(r => r.Length > 0 && r[0] == "Moins d'un an"));
            var holders = book.Rows("Titulaires à 6 mois");
            Assert.Equal(["En formation", "0", "0", "6"], holders.First(r => r.Length > 0 && r[0] == "En formation"));
            Assert.Contains(holders, r => r.Length > 0 && r[0] == "32 – Communication et information" && r[3] == "< 5");
            var everything = string.Join("\n", book.SheetNames.SelectMany(book.Rows).Select(r => string.Join("|", r)));
            Assert.DoesNotContain("Complète", everything);
            Assert.DoesNotContain("exemple.fr", everything);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_three_year_workbook_is_for_SIST_and_the_committee_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Roles.Committee, "/Analyse/TroisAns?fin=2025")).Status);
        foreach (var role in new[] { Roles.Staff, Roles.Candidate, Roles.CompanyManager })
        {
            using var client = await TestAccounts.SignedInAsync(portal, role);
            var response = await client.Http.GetAsync("/Analyse/TroisAns?fin=2025");
            Assert.True(PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{role}: {response.StatusCode} {response.Headers.Location}");
        }
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Analyse/TroisAns?fin=2025"), "/Compte/Connexion"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Roles.SistAnalyst, "/Analyse/TroisAns?fin=2001")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Roles.SistAnalyst, "/Analyse/TroisAns")).Status);
    }

    [Fact]
    public async Task The_command_line_writes_the_three_year_workbook()
    {
        var folder = Directory.CreateTempSubdirectory("cqp-three-");
        try
        {
            var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "three-years", "--to", "2025", "--out", folder.FullName,
                "--certification", CompleteStatisticsPortal.OtherCode);

            Assert.True(exitCode == 0, errors);
            var file = Path.Combine(folder.FullName, "bilan-trois-ans-cqp-2023-2025.xlsx");
            Assert.Equal(file, output.Trim());
            using var book = new WorkbookReader(file);
            Assert.Equal(["Candidats inscrits", "< 5", "0", "< 5"], book.Rows("Chiffres clés")[1]);
            Assert.Contains(CompleteStatisticsPortal.OtherTitle, book.Rows("Lisez-moi")[1][0]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_annual_pack_of_a_certification_has_the_new_sheets_with_small_counts_masked()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var response = await sist.Http.GetAsync("/Analyse/Bilan/2025.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), $"cqp-pack-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var book = new WorkbookReader(path);
            Assert.Equal(["Secteur", "Candidats", "Part des inscrits"], book.Rows("Secteurs d'expérience")[0]);
            Assert.Equal(["Secrétariat médical", "< 5", "masqué"], book.Rows("Secteurs d'expérience")[1]);
            Assert.Equal(["Candidats inscrits", "7", "1"], book.Rows("Secteurs d'expérience").Single(r => r.Length > 0 && r[0] == "Candidats inscrits"));
            // 5 + « < 5 » + « < 5 » = 7: both small cells would be 1, so the 5 is masked too (SmallCountMasking's secondary cell).
            Assert.Equal(["Télésecrétaire", "masqué"], book.Rows("6 mois – emploi branche")[1].Take(2));
            Assert.Contains(book.Rows("6 mois – code NSF"), r => r.Length > 0 && r[0] == "32 – Communication et information");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
