using System.Net;
using System.Text.Json.Nodes;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Companies;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>The yearly statistics of a known set of rows, through the download, the analytics page and the command line.</summary>
public class StatisticsJsonTests(StatisticsPortal portal) : IClassFixture<StatisticsPortal>
{
    private const string Expected2025 = """
    {
      "year": 2025,
      "profiles": {
        "total": 5,
        "sex": { "F": 4, "M": 1 },
        "ageBand": { "<26": 1, "26-35": 1, "36-45": 1, "46-55": 1, "56+": 1 },
        "educationLevel": { "Sans diplôme": 1, "Niveau 3": 1, "Niveau 4": 1, "Niveau 5": 1, "Niveau 6": 0, "Niveau 7": 0, "Niveau 8": 1 },
        "route": { "Formation": 3, "VAE": 1, "Candidat libre": 1 },
        "status": { "Salarié": 3, "Demandeur d'emploi": 1, "Autre": 1 },
        "region": { "Nord": 2, "Ouest": 0, "Est": 0, "Sud": 1, "Île-de-France": 1, "Outre-mer": 1 },
        "admissibility": { "Recevable": 1, "Non recevable": 1, "En attente": 2 },
        "closedJourneys": { "Abandons": 1, "Délais dépassés": 0 },
        "experienceMedianMonths": { "teleSecretary": 14, "phoneJob": 12 },
        "funding": {
          "CPF": 2, "CPF de transition professionnelle": 1, "Pro-A": 0, "Contrat de professionnalisation": 1,
          "Plan de développement des compétences": 0, "France Travail": 0, "Personnel": 0, "Autre": 0, "Non renseigné": 1
        },
        "diplomaGroup": {
          "Aucun diplôme": 1, "CAP, BEP": 1, "Baccalauréat général": 0, "Baccalauréat technologique": 0, "Baccalauréat professionnel": 0,
          "Bac + 2 (BTS, DUT, DEUG…)": 1, "Bac + 3 et plus (licence, BUT, master…)": 1, "Autre diplôme": 0, "Non renseigné": 1
        },
        "experienceSectors": {
          "Secrétariat médical": 0, "Secrétariat juridique": 0, "Permanence téléphonique, centre d'appels": 0, "Services aux entreprises": 0,
          "Commerce, vente": 0, "Santé, social": 0, "Administration publique": 0, "Industrie, BTP": 0, "Hôtellerie, restauration": 0,
          "Autre secteur": 0, "Non renseigné": 5
        },
        "experienceYears": {
          "teleSecretary": { "Moins d'un an": 1, "1 à 2 ans": 3, "3 à 5 ans": 1, "6 à 10 ans": 0, "Plus de 10 ans": 0 },
          "phoneJob": { "Moins d'un an": 2, "1 à 2 ans": 2, "3 à 5 ans": 1, "6 à 10 ans": 0, "Plus de 10 ans": 0 }
        }
      },
      "juries": {
        "total": 3,
        "result": { "Validation totale": 1, "Validation partielle": 1, "Non validé": 1, "Absent": 0 },
        "unitValidationRate": { "1": 0.6667, "2": 0.3333, "3": 0.6667, "4": 0.6667 },
        "unitResults": {
          "1": { "results": 3, "validated": 2 }, "2": { "results": 3, "validated": 1 },
          "3": { "results": 3, "validated": 2 }, "4": { "results": 3, "validated": 2 }
        }
      },
      "holders": {
        "6 mois": {
          "responses": 4,
          "situation": { "En emploi": 2, "Demandeur d'emploi": 1, "En formation": 1, "Autre": 0 },
          "contract": { "CDI": 1, "CDD": 1, "Non salarié": 0, "Intérimaire": 0 },
          "sector": { "Dans la branche": 1, "Autre branche": 1 },
          "invited": 6, "invitedAnswered": 5, "responseRate": 0.8333,
          "trainingLevel": { "Niveau 3": 0, "Niveau 4": 0, "Niveau 5": 0, "Niveau 6": 0, "Niveau 7": 0, "Niveau 8": 0, "Non renseigné": 1 },
          "trainingNsfGroup": { "Non renseigné": 1, "Code hors nomenclature": 0 },
          "employedInBranch": 1,
          "jobInBranch": { "Non renseigné": 1 }
        },
        "24 mois": {
          "responses": 2,
          "situation": { "En emploi": 1, "Demandeur d'emploi": 0, "En formation": 0, "Autre": 1 },
          "contract": { "CDI": 0, "CDD": 0, "Non salarié": 1, "Intérimaire": 0 },
          "sector": { "Dans la branche": 0, "Autre branche": 1 },
          "invited": 1, "invitedAnswered": 1, "responseRate": 1,
          "trainingLevel": { "Niveau 3": 0, "Niveau 4": 0, "Niveau 5": 0, "Niveau 6": 0, "Niveau 7": 0, "Niveau 8": 0, "Non renseigné": 0 },
          "trainingNsfGroup": { "Non renseigné": 0, "Code hors nomenclature": 0 },
          "employedInBranch": 0,
          "jobInBranch": { "Non renseigné": 0 }
        }
      }
    }
    """;

    /// <summary>2025 with its training part: no trainee, every unit of the certification (labelled from the data) at zero hours.</summary>
    private async Task<string> Expected2025Async()
    {
        var labels = await CompanyFollowing.DbAsync(portal, db => db.CertificationUnits.OrderBy(u => u.Number).Select(u => "Unité " + u.Number + " – " + u.Title).ToListAsync());
        var expected = JsonNode.Parse(Expected2025)!.AsObject();
        var units = string.Join(", ", labels.Select(l => $"{JsonSerializer.Serialize(l)}: {{ \"plannedHours\": 0, \"doneHours\": 0 }}"));
        expected["training"] = JsonNode.Parse($$"""{ "trainees": 0, "units": { {{units}} }, "plannedHours": 0, "doneHours": 0 }""");
        // The certification the figures are of: by default the portal's first one, named from the data.
        var certification = await CompanyFollowing.DbAsync(portal, db => db.Certifications.OrderBy(c => c.Id).Select(c => new { c.Code, Name = c.Kind + " " + c.Title }).FirstAsync());
        expected["certification"] = new JsonObject { ["code"] = certification.Code, ["name"] = certification.Name };
        return expected.ToJsonString();
    }

    private async Task<HttpResponseMessage> DownloadAsync(int year)
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        return await sist.Http.GetAsync($"/Analyse/Statistiques/{year}.json");
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "JSON differs from the expected one:\n" + actual);

    [Fact]
    public async Task The_download_gives_the_exact_figures_of_the_year_as_a_json_file()
    {
        var response = await DownloadAsync(2025);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("statistiques-cqp-2025.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var json = await response.Content.ReadAsStringAsync();
        AssertSameJson(await Expected2025Async(), json);
    }

    [Fact]
    public async Task The_json_keeps_accented_letters_and_holds_nothing_personal()
    {
        var json = await (await DownloadAsync(2025)).Content.ReadAsStringAsync();

        Assert.Contains("\"Île-de-France\"", json);
        Assert.Contains("\"Salarié\"", json);
        Assert.Contains("\"Demandeur d'emploi\"", json);
        Assert.DoesNotContain("\\u", json);
        foreach (var personal in new[] { "Statistique", "Anne", "exemple.fr", "1999", "1969-01-01" })
            Assert.DoesNotContain(personal, json);
    }

    [Fact]
    public async Task A_year_without_activity_gives_zeros_and_no_medians_or_rates()
    {
        var json = JsonNode.Parse(await (await DownloadAsync(2019)).Content.ReadAsStringAsync())!;

        Assert.Equal(2019, json["year"]!.GetValue<int>());
        Assert.Equal(0, json["profiles"]!["total"]!.GetValue<int>());
        Assert.Null(json["profiles"]!["experienceMedianMonths"]!["teleSecretary"]);
        Assert.Equal(0, json["juries"]!["total"]!.GetValue<int>());
        Assert.Null(json["holders"]!["6 mois"]!["responseRate"]);
        Assert.Equal(0, json["holders"]!["24 mois"]!["responses"]!.GetValue<int>());
        Assert.Equal(0, json["training"]!["trainees"]!.GetValue<int>());
        Assert.Equal(0, json["training"]!["doneHours"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_year_out_of_range_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(1850)).StatusCode);
    }

    [Fact]
    public async Task The_analytics_page_shows_the_same_figures_per_year_with_the_download_link()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var (response, page) = await sist.GetAsync("/Analyse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("#activite tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td.number").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(["2026", "2025", "2024", "2023"], rows.Keys);
        // Registrations, of which training / VAE / free, jury decisions, total validations, holders' answers (both waves).
        Assert.Equal(["5", "3", "1", "1", "3", "1", "6"], rows["2025"]);
        Assert.Equal(["1", "0", "1", "0", "1", "0", "1"], rows["2026"]);
        Assert.Equal(["1", "1", "0", "0", "1", "1", "1"], rows["2024"]);
        Assert.Equal(["9", "9", "0", "0", "0", "0", "0"], rows["2023"]);
        var link = page.QuerySelector("a[href='/Analyse/Statistiques/2025.json']");
        Assert.NotNull(link);
        Assert.Equal("statistiques-cqp-2025.json", link.GetAttribute("download"));
    }

    [Fact]
    public async Task The_command_line_prints_the_same_json_as_the_download()
    {
        var download = await (await DownloadAsync(2025)).Content.ReadAsStringAsync();

        var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "stats-json", "--year", "2025");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(download.Trim(), output.Trim());
        AssertSameJson(await Expected2025Async(), output);
    }

    [Fact]
    public async Task The_command_line_refuses_a_missing_year_with_its_usage()
    {
        var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "stats-json", "--out", "x.json");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("report stats-json --year YYYY", errors);
    }
}
