using System.Text.Json.Nodes;
using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>A portal of its own, without demo data, for one import of the hand-made files.</summary>
public sealed class EmptyPortal() : PortalFactory(TestCluster.NewDatabase("imports"), demoData: false);

/// <summary>
/// The hand-made files, sent by staff as .csv (with and without BOM) or .xlsx, give the same rows in the database and
/// the figures computed by hand below in the statistics JSON.
/// </summary>
public abstract class ImportedStatisticsTests(EmptyPortal portal)
{
    // Profiles 2025 (registration date in 2025): Léa 34 years old at registration, Paul 55, Chloé 24, Anne 40; Marc registered in 2024.
    // Medians: tele-secretary 6, 14, 20, 40 → 17; phone job 0, 0, 10, 24 → 5.
    // Juries 2025: Léa total (1-4), Paul partial (1, 3) then total (1-4), Marc not validated (none):
    // unit 1: 3 of 4, unit 2: 2 of 4, unit 3: 3 of 4, unit 4: 2 of 4. Holders 2025: Léa's 6-month answer only; no invitation known.
    private const string Expected2025 = """
    {
      "year": 2025,
      "profiles": {
        "total": 4,
        "sex": { "F": 3, "M": 1 },
        "ageBand": { "<26": 1, "26-35": 1, "36-45": 1, "46-55": 1, "56+": 0 },
        "educationLevel": { "Sans diplôme": 1, "Niveau 3": 1, "Niveau 4": 1, "Niveau 5": 1, "Niveau 6": 0, "Niveau 7": 0, "Niveau 8": 0 },
        "route": { "Formation": 2, "VAE": 1, "Candidat libre": 1 },
        "status": { "Salarié": 2, "Demandeur d'emploi": 1, "Autre": 1 },
        "region": { "Nord": 1, "Ouest": 1, "Est": 0, "Sud": 1, "Île-de-France": 1, "Outre-mer": 0 },
        "admissibility": { "Recevable": 2, "Non recevable": 1, "En attente": 1 },
        "closedJourneys": { "Abandons": 0, "Délais dépassés": 0 },
        "experienceMedianMonths": { "teleSecretary": 17, "phoneJob": 5 },
        "funding": {
          "CPF": 1, "CPF de transition professionnelle": 0, "Pro-A": 0, "Contrat de professionnalisation": 1,
          "Plan de développement des compétences": 0, "France Travail": 0, "Personnel": 1, "Autre": 0, "Non renseigné": 1
        }
      },
      "juries": {
        "total": 4,
        "result": { "Validation totale": 2, "Validation partielle": 1, "Non validé": 1, "Absent": 0 },
        "unitValidationRate": { "1": 0.75, "2": 0.5, "3": 0.75, "4": 0.5 },
        "unitResults": {
          "1": { "results": 4, "validated": 3 }, "2": { "results": 4, "validated": 2 },
          "3": { "results": 4, "validated": 3 }, "4": { "results": 4, "validated": 2 }
        }
      },
      "holders": {
        "6 mois": {
          "responses": 1,
          "situation": { "En emploi": 1, "Demandeur d'emploi": 0, "En formation": 0, "Autre": 0 },
          "contract": { "CDI": 1, "CDD": 0, "Non salarié": 0, "Intérimaire": 0 },
          "sector": { "Dans la branche": 1, "Autre branche": 0 },
          "invited": 0, "invitedAnswered": 0, "responseRate": null
        },
        "24 mois": {
          "responses": 0,
          "situation": { "En emploi": 0, "Demandeur d'emploi": 0, "En formation": 0, "Autre": 0 },
          "contract": { "CDI": 0, "CDD": 0, "Non salarié": 0, "Intérimaire": 0 },
          "sector": { "Dans la branche": 0, "Autre branche": 0 },
          "invited": 0, "invitedAnswered": 0, "responseRate": null
        }
      }
    }
    """;

    protected abstract (byte[] Candidates, byte[] Surveys, string Extension) Files();

    [Fact]
    public async Task The_files_give_the_recorded_rows_and_the_figures_computed_by_hand()
    {
        var (candidates, surveys, extension) = Files();
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Candidates, candidates, "historique" + extension);
        ImportFiles.AssertOk(response, page);
        Assert.Equal(("6", "0", "0"), (page.QuerySelector("#created")!.TextContent, page.QuerySelector("#updated")!.TextContent, page.QuerySelector("#unchanged")!.TextContent));
        (response, page) = await ImportFiles.UploadAsync(staff, ImportKind.Surveys, surveys, "enquetes" + extension);
        ImportFiles.AssertOk(response, page);
        Assert.Equal("2", page.QuerySelector("#created")!.TextContent);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var people = await db.Candidates.Include(c => c.Registrations).ThenInclude(r => r.JuryDecisions).ThenInclude(j => j.UnitResults).ThenInclude(u => u.Unit)
                .Include(c => c.Registrations).ThenInclude(r => r.Surveys).AsSplitQuery().OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ToListAsync();
            Assert.Equal(["Bernard Anne", "Durand Léa", "Martin Paul", "Petit Chloé", "Roux Marc"], people.Select(c => $"{c.LastName} {c.FirstName}"));
            Assert.All(people, c => Assert.Null(c.UserId));
            Assert.All(people, c => Assert.Single(c.Registrations));

            var paul = people.Single(c => c.FirstName == "Paul").Registrations.Single();
            Assert.Equal((CertificationRoute.Vae, Funding.Personal, PhoneJobKind.Switchboard, 60, RegistrationState.Admissible, new DateOnly(2025, 10, 30)),
                (paul.Route, paul.Funding, paul.PhoneJobKind, paul.PhoneTimeShare, paul.State, paul.CertifiedOn));
            Assert.Equal([(new DateOnly(2025, 6, 12), JuryResult.PartialValidation, "1,3"), (new DateOnly(2025, 10, 15), JuryResult.TotalValidation, "1,2,3,4")],
                paul.JuryDecisions.OrderBy(j => j.DecidedOn).Select(j => (j.DecidedOn, j.Result, string.Join(",", j.UnitResults.Where(u => u.Validated).Select(u => u.Unit!.Number).Order()))));
            var paulSurvey = Assert.Single(paul.Surveys);
            Assert.Equal((SurveyWave.SixMonths, new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 2), HolderSituation.InTraining, 5, "324"),
                (paulSurvey.Wave, paulSurvey.DueOn, paulSurvey.RespondedOn, paulSurvey.Situation, paulSurvey.TrainingLevel, paulSurvey.NsfCode));
            Assert.Equal(SurveyAnswerChannel.Import, paulSurvey.Channel); // how the answer came, for the campaigns and SIST's answers file

            var lea = people.Single(c => c.FirstName == "Léa");
            Assert.Equal(("lea.durand@exemple.fr", Sex.Female, Region.Nord), (lea.Email, lea.Sex, lea.Region));
            var leaRegistration = lea.Registrations.Single();
            Assert.Equal((new DateOnly(2025, 2, 3), "Allo Services", "Bac pro", new DateOnly(2025, 6, 20)), (leaRegistration.RegisteredOn!.Value, leaRegistration.EmployerName!, leaRegistration.HighestDiploma!, leaRegistration.CertifiedOn!.Value));
            Assert.Equal(["medical-secretariat"], leaRegistration.Sectors); // the file's free text, read as the form's code
            var history = await db.RegistrationStatusChanges.Where(h => h.RegistrationId == leaRegistration.Id).SingleAsync();
            Assert.Equal((RegistrationState.Admissible, "Import de l'historique : historique" + extension + ", ligne 2."), (history.To, history.Comment!));
        }

        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var json = await sist.Http.GetStringAsync("/Analyse/Statistiques/2025.json");
        // The imported history has no training days: every unit of the certification (labelled from the data) at zero hours.
        var labels = await Companies.CompanyFollowing.DbAsync(portal, db => db.CertificationUnits.OrderBy(u => u.Number).Select(u => "Unité " + u.Number + " – " + u.Title).ToListAsync());
        var expected = JsonNode.Parse(Expected2025)!.AsObject();
        expected["training"] = new JsonObject
        {
            ["trainees"] = 0,
            ["units"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l, (JsonNode?)new JsonObject { ["plannedHours"] = 0, ["doneHours"] = 0 }))),
            ["plannedHours"] = 0, ["doneHours"] = 0,
        };
        // Issue 15's figures from the old template's free text: diploma groups from the titles and levels, sectors matched to the list.
        expected["certification"] = JsonNode.Parse("""{ "code": "CQP-TSQ", "name": "CQP Télésecrétaire qualifié(e)" }""");
        var profiles = expected["profiles"]!.AsObject();
        profiles["diplomaGroup"] = JsonNode.Parse("""
            { "Aucun diplôme": 1, "CAP, BEP": 1, "Baccalauréat général": 0, "Baccalauréat technologique": 0, "Baccalauréat professionnel": 1,
              "Bac + 2 (BTS, DUT, DEUG…)": 1, "Bac + 3 et plus (licence, BUT, master…)": 0, "Autre diplôme": 0, "Non renseigné": 0 }
            """);
        profiles["experienceSectors"] = JsonNode.Parse("""
            { "Secrétariat médical": 1, "Secrétariat juridique": 0, "Permanence téléphonique, centre d'appels": 1, "Services aux entreprises": 0,
              "Commerce, vente": 0, "Santé, social": 0, "Administration publique": 0, "Industrie, BTP": 0, "Hôtellerie, restauration": 1,
              "Autre secteur": 0, "Non renseigné": 1 }
            """);
        profiles["experienceYears"] = JsonNode.Parse("""
            { "teleSecretary": { "Moins d'un an": 1, "1 à 2 ans": 2, "3 à 5 ans": 1, "6 à 10 ans": 0, "Plus de 10 ans": 0 },
              "phoneJob": { "Moins d'un an": 3, "1 à 2 ans": 1, "3 à 5 ans": 0, "6 à 10 ans": 0, "Plus de 10 ans": 0 } }
            """);
        foreach (var (wave, inBranch, jobs) in new[] { ("6 mois", 1, """{ "Autres intitulés (moins de 5 titulaires chacun)": 1, "Non renseigné": 0 }"""), ("24 mois", 0, """{ "Non renseigné": 0 }""") })
        {
            var holder = expected["holders"]![wave]!.AsObject();
            holder["trainingLevel"] = JsonNode.Parse("""{ "Niveau 3": 0, "Niveau 4": 0, "Niveau 5": 0, "Niveau 6": 0, "Niveau 7": 0, "Niveau 8": 0, "Non renseigné": 0 }""");
            holder["trainingNsfGroup"] = JsonNode.Parse("""{ "Non renseigné": 0, "Code hors nomenclature": 0 }""");
            holder["employedInBranch"] = inBranch;
            holder["jobInBranch"] = JsonNode.Parse(jobs);
        }
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json)), "JSON differs from the expected one:\n" + json);
    }
}

public class ImportedCsvWithBomTests(EmptyPortal portal) : ImportedStatisticsTests(portal), IClassFixture<EmptyPortal>
{
    protected override (byte[], byte[], string) Files() =>
        (ImportFiles.Csv(RecordTemplates.Candidates, ImportFiles.Candidates), ImportFiles.Csv(RecordTemplates.Surveys, ImportFiles.Surveys), ".csv");
}

public class ImportedCsvWithoutBomTests(EmptyPortal portal) : ImportedStatisticsTests(portal), IClassFixture<EmptyPortal>
{
    protected override (byte[], byte[], string) Files() =>
        (ImportFiles.Csv(RecordTemplates.Candidates, ImportFiles.Candidates, bom: false), ImportFiles.Csv(RecordTemplates.Surveys, ImportFiles.Surveys, bom: false), ".csv");
}

public class ImportedXlsxTests(EmptyPortal portal) : ImportedStatisticsTests(portal), IClassFixture<EmptyPortal>
{
    protected override (byte[], byte[], string) Files() =>
        (ImportFiles.Xlsx(RecordTemplates.Candidates, ImportFiles.Candidates), ImportFiles.Xlsx(RecordTemplates.Surveys, ImportFiles.Surveys), ".xlsx");
}
