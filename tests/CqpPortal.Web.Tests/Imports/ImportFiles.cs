using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CqpPortal.Domain.Records;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Imports;

/// <summary>The hand-made files of the import tests, and how a staff member sends one through the page.</summary>
public static class ImportFiles
{
    /// <summary>
    /// Five candidates: four registered in 2025 (Paul on two lines: a partial then a total validation), Marc registered
    /// in 2024 with a 2025 jury. The expected figures are in <see cref="ImportedStatisticsTests"/>.
    /// </summary>
    public static readonly string[][] Candidates =
    [
        ["Durand", "Léa", "17/05/1990", "F", "lea.durand@exemple.fr", "Niveau 4", "Bac pro", "14", "0", "0", "", "Secrétariat médical", "Salarié", "Allo Services", "Formation", "CPF", "Nord", "03/02/2025", "Recevable", "12/06/2025", "Validation totale", "1,2,3,4", "20/06/2025"],
        ["Martin", "Paul", "01/01/1970", "M", "", "Sans diplôme", "", "40", "24", "60", "Standard", "Centre d'appels", "Demandeur d'emploi", "", "VAE", "Personnel", "Île-de-France", "10/03/2025", "Recevable", "12/06/2025", "Validation partielle", "1,3", ""],
        ["Petit", "Chloé", "31/12/2000", "F", "chloe.petit@exemple.fr", "Niveau 5", "BTS", "6", "0", "0", "", "", "Autre", "", "Candidat libre", "", "Sud", "15/04/2025", "Non recevable", "", "", "", ""],
        ["Bernard", "Anne", "15/06/1985", "F", "", "Niveau 3", "CAP", "20", "10", "30", "Autre", "Hôtellerie", "Salarié", "Permanence Plus", "Formation", "Contrat de professionnalisation", "Ouest", "01/09/2025", "En attente", "", "", "", ""],
        ["Martin", "Paul", "01/01/1970", "M", "", "Sans diplôme", "", "40", "24", "60", "Standard", "Centre d'appels", "Demandeur d'emploi", "", "VAE", "Personnel", "Île-de-France", "10/03/2025", "Recevable", "15/10/2025", "Validation totale", "1,2,3,4", "30/10/2025"],
        ["Roux", "Marc", "02/02/1980", "M", "", "Niveau 4", "", "30", "0", "0", "", "", "Salarié", "", "Formation", "Plan de développement des compétences", "Est", "20/11/2024", "Recevable", "15/01/2025", "Non validé", "", ""],
    ];

    /// <summary>Léa answers the 6-month survey in 2025; Paul in 2026.</summary>
    public static readonly string[][] Surveys =
    [
        ["Durand", "Léa", "17/05/1990", "20/06/2025", "6 mois", "22/12/2025", "En emploi", "CDI", "Dans la branche", "Télésecrétaire", "", ""],
        ["MARTIN", "paul", "01/01/1970", "30/10/2025", "6 mois", "02/05/2026", "En formation", "", "", "", "Niveau 5", "324"],
    ];

    public static byte[] Csv(RecordTemplate template, IEnumerable<string[]> rows, bool bom = true)
    {
        var bytes = RecordFileWriter.Csv(template.Columns, rows.ToList());
        return bom ? bytes : bytes[Encoding.UTF8.Preamble.Length..];
    }

    public static byte[] Xlsx(RecordTemplate template, IEnumerable<string[]> rows) => RecordFileWriter.Xlsx("Feuil1", template.Columns, rows.ToList());

    /// <summary>Renames a person in every line, so that tests sharing a database never meet each other's candidates.</summary>
    public static string[][] Renamed(string[][] rows, string suffix) =>
        rows.Select(r => r.Select((cell, i) => i == 0 ? cell + suffix : cell).ToArray()).ToArray();

    /// <summary>Uploads a file through the staff page, anti-forgery token included; returns the response and its page.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(PortalClient staff, ImportKind kind, byte[] file, string fileName)
    {
        var (_, form) = await staff.GetAsync("/Staff/Imports");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind.ToString()), "Input.Kind" },
            { new ByteArrayContent(file), "Input.File", fileName },
        };
        var response = await staff.Http.PostAsync("/Staff/Imports", content);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    /// <summary>The rows of the error (or warning) table: line, column, value, why.</summary>
    public static List<(int Line, string Column, string Value, string Why)> Table(IHtmlDocument page, string id) =>
        page.QuerySelectorAll($"#{id} tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => (int.Parse(c[0]), c[1], c[2], c[3])).ToList();

    public static async Task<(int Candidates, int Registrations, int Juries, int UnitResults, int Surveys, int History)> CountsAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return (await db.Candidates.CountAsync(), await db.Registrations.CountAsync(), await db.JuryDecisions.CountAsync(),
            await db.JuryUnitResults.CountAsync(), await db.HolderSurveys.CountAsync(), await db.RegistrationStatusChanges.CountAsync());
    }

    public static void AssertOk(HttpResponseMessage response, IHtmlDocument page) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK && page.QuerySelector("#errors") is null,
            $"{response.StatusCode}: {page.QuerySelector("main")?.TextContent ?? page.Body?.TextContent}");
}
