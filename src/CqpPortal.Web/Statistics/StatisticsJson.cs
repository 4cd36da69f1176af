using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Statistics;

/// <summary>
/// The yearly statistics as JSON for SIST: French labels as keys (those of FrenchLabels and EducationLevels), exact
/// counts, UTF-8 with accented letters left as they are. The same bytes for the download and the command line.
/// </summary>
public static class StatisticsJson
{
    public const string ContentType = "application/json";

    public static string FileName(int year) => $"statistiques-cqp-{year}.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="certification">The certification the figures are of, written as « certification » (code and name); left out when null.</param>
    public static byte[] Serialize(AnnualStatistics statistics, StatisticsCertification? certification = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("year", statistics.Year);
            if (certification is not null)
            {
                json.WriteStartObject("certification");
                json.WriteString("code", certification.Code);
                json.WriteString("name", certification.Name);
                json.WriteEndObject();
            }
            WriteProfiles(json, statistics.Profiles);
            WriteJuries(json, statistics.Juries);
            json.WriteStartObject("holders");
            foreach (var wave in statistics.Holders) WriteHolders(json, wave);
            json.WriteEndObject();
            WriteTraining(json, statistics.Training);
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static string SerializeToString(AnnualStatistics statistics, StatisticsCertification? certification = null) => Encoding.UTF8.GetString(Serialize(statistics, certification));

    /// <summary>What the JSON writes for an answer left blank (and the pack's tables for the same rows).</summary>
    public const string NotGiven = "Non renseigné";

    /// <summary>An NSF code outside the nomenclature (an answer recorded before the list was checked).</summary>
    public const string NsfOutsideList = "Code hors nomenclature";

    private static void WriteProfiles(Utf8JsonWriter json, ProfileStatistics p)
    {
        json.WriteStartObject("profiles");
        json.WriteNumber("total", p.Total);
        WriteTally(json, "sex", p.Sex, FrenchLabels.Of);
        WriteTally(json, "ageBand", p.AgeBand, AgeBands.Label);
        WriteTally(json, "educationLevel", p.EducationLevel, EducationLevels.Label);
        WriteTally(json, "route", p.Route, FrenchLabels.Of);
        WriteTally(json, "status", p.Status, FrenchLabels.Of);
        WriteTally(json, "region", p.Region, FrenchLabels.Of);
        WriteTally(json, "admissibility", p.Admissibility, AdmissibilityOutcomes.Label);
        WriteTally(json, "closedJourneys", p.Closures, JourneyClosures.Label);
        json.WriteStartObject("experienceMedianMonths");
        WriteNumberOrNull(json, "teleSecretary", p.MedianTeleSecretaryMonths);
        WriteNumberOrNull(json, "phoneJob", p.MedianPhoneJobMonths);
        json.WriteEndObject();
        json.WriteStartObject("funding");
        // The import template's labels (issue 6: "labels are the import template's labels"): "Personnel", not the form's "Financement personnel".
        foreach (var group in p.Funding.Entries.GroupBy(e => FrenchLabels.TemplateLabel(e.Key))) json.WriteNumber(group.Key, group.Sum(e => e.Count));
        json.WriteNumber("Non renseigné", p.FundingNotGiven);
        json.WriteEndObject();
        WriteTally(json, "diplomaGroup", p.DiplomaGroup, DiplomaGroups.Label, (NotGiven, p.DiplomaGroupNotGiven));
        WriteTally(json, "experienceSectors", p.Sectors, ExperienceSectors.Label, (NotGiven, p.SectorsNotGiven));
        json.WriteStartObject("experienceYears");
        WriteTally(json, "teleSecretary", p.TeleSecretaryYears, ExperienceBands.Label);
        WriteTally(json, "phoneJob", p.PhoneJobYears, ExperienceBands.Label);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteJuries(Utf8JsonWriter json, JuryStatistics j)
    {
        json.WriteStartObject("juries");
        json.WriteNumber("total", j.Total);
        WriteTally(json, "result", j.Result, FrenchLabels.Of);
        json.WriteStartObject("unitValidationRate");
        foreach (var unit in j.Units) json.WriteNumber(unit.UnitNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Rate(unit.Rate));
        json.WriteEndObject();
        json.WriteStartObject("unitResults");
        foreach (var unit in j.Units)
        {
            json.WriteStartObject(unit.UnitNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("results", unit.Results);
            json.WriteNumber("validated", unit.Validated);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteHolders(Utf8JsonWriter json, HolderStatistics h)
    {
        json.WriteStartObject(FrenchLabels.Of(h.Wave));
        json.WriteNumber("responses", h.Responses);
        WriteTally(json, "situation", h.Situation, FrenchLabels.Of);
        WriteTally(json, "contract", h.Contract, FrenchLabels.Of);
        WriteTally(json, "sector", h.Sector, FrenchLabels.Of);
        json.WriteNumber("invited", h.Invited);
        json.WriteNumber("invitedAnswered", h.InvitedAnswered);
        WriteNumberOrNull(json, "responseRate", h.ResponseRate is { } rate ? Rate(rate) : null);
        WriteTally(json, "trainingLevel", h.TrainingLevel, EducationLevels.Label, (NotGiven, h.TrainingLevelNotGiven));
        WriteTally(json, "trainingNsfGroup", h.NsfGroup, g => g, (NotGiven, h.NsfNotGiven), (NsfOutsideList, h.NsfOutsideList));
        json.WriteNumber("employedInBranch", h.EmployedInBranch);
        json.WriteStartObject("jobInBranch");
        foreach (var job in h.JobTitles) json.WriteNumber(job.Label, job.Count);
        json.WriteNumber(NotGiven, h.JobTitleNotGiven);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Units keyed by their label from the data (« Unité 1 – … »); hours as numbers, decimals when there are some.</summary>
    private static void WriteTraining(Utf8JsonWriter json, TrainingStatistics t)
    {
        json.WriteStartObject("training");
        json.WriteNumber("trainees", t.Trainees);
        json.WriteStartObject("units");
        // Labels are merged, so two units sharing a label never repeat a key.
        foreach (var unit in t.Units.GroupBy(u => u.Label))
        {
            json.WriteStartObject(unit.Key);
            json.WriteNumber("plannedHours", Hours(unit.Sum(u => u.PlannedHours)));
            json.WriteNumber("doneHours", Hours(unit.Sum(u => u.DoneHours)));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteNumber("plannedHours", Hours(t.PlannedHours));
        json.WriteNumber("doneHours", Hours(t.DoneHours));
        json.WriteEndObject();
    }

    private static void WriteTally<TKey>(Utf8JsonWriter json, string name, Tally<TKey> tally, Func<TKey, string> label, params (string Label, int Count)[] extra) where TKey : notnull
    {
        // Labels are merged, so an unexpected value sharing a label ("Autre") never repeats a key.
        json.WriteStartObject(name);
        foreach (var group in tally.Entries.GroupBy(e => label(e.Key))) json.WriteNumber(group.Key, group.Sum(e => e.Count));
        foreach (var (extraLabel, count) in extra) json.WriteNumber(extraLabel, count);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    /// <summary>Hours without trailing zeros (3.5, not 3.50 as the database's scale gives it).</summary>
    private static decimal Hours(decimal hours) => hours / 1.000000000000000000000000000000000m;

    /// <summary>Rates as fractions of 1, to four decimals (0.8333).</summary>
    private static double Rate(double rate) => Math.Round(rate, 4, MidpointRounding.AwayFromZero);
}
