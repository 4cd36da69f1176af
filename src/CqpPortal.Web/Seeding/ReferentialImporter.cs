using System.Text.Json;
using System.Text.Json.Serialization;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// Loads a certification's referential (units, activities, competences, evaluation modalities, prerequisite
/// thresholds) from a JSON file: a second certification is a second file, not new code.
/// </summary>
public sealed class ReferentialImporter(CqpDbContext db, ILogger<ReferentialImporter> logger)
{
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "Referentials");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public async Task ImportSeededAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(SeedFolder)) return;
        foreach (var file in Directory.GetFiles(SeedFolder, "*.json").Order())
            await ImportAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
    }

    /// <summary>Adds the certification unless its code is already known; returns it either way.</summary>
    public async Task<Certification> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var source = JsonSerializer.Deserialize<ReferentialFile>(json, Json) ?? throw new InvalidDataException("Empty referential file.");
        var existing = await db.Certifications.Include(c => c.Units).FirstOrDefaultAsync(c => c.Code == source.Code, cancellationToken);
        if (existing is not null)
        {
            await FillTrainingDataAsync(existing, source, cancellationToken);
            return existing;
        }

        var certification = new Certification
        {
            Code = source.Code,
            Title = source.Title,
            Kind = source.Kind ?? "CQP",
            Branch = source.Branch ?? "",
            Idcc = source.Idcc,
            AccordDate = source.AccordDate,
            JourneyLimitMonths = source.JourneyLimitMonths ?? 24,
            MinimumTrainingHours = source.MinimumTrainingHours,
            InitialCoefficient = source.Classification?.InitialCoefficient,
            LaterCoefficient = source.Classification?.LaterCoefficient,
            MonthsBeforeLaterCoefficient = source.Classification?.MonthsBeforeLaterCoefficient,
            Prerequisites = source.Prerequisites ?? new PrerequisiteThresholds(),
        };
        foreach (var u in source.Units)
        {
            var unit = new CertificationUnit
            {
                Number = u.Number, Title = u.Title, Description = u.Description, EvaluationSummary = u.EvaluationSummary,
                MaximumTrainingHours = u.MaximumTrainingHours, CpfWording = u.CpfWording,
            };
            unit.Activities.AddRange(u.Activities.Select(a => new Activity { Code = a.Code, Title = a.Title }));
            unit.Competences.AddRange(u.Competences.Select(c => new Competence
            {
                Code = c.Code,
                Title = c.Title,
                Activity = c.ActivityCode is null ? null : unit.Activities.FirstOrDefault(a => a.Code == c.ActivityCode),
                EvaluationModalities = c.EvaluationModalities ?? [],
                EvaluationCriteria = c.EvaluationCriteria ?? [],
                Derived = c.Derived,
                Note = c.Note,
            }));
            certification.Units.Add(unit);
        }
        db.Certifications.Add(certification);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Referential {Code} imported: {Units} units", certification.Code, certification.Units.Count);
        return certification;
    }

    /// <summary>
    /// A database made before the units had training data gets it from the file (what staff set is kept); the units'
    /// public texts, which no page edits, follow the file, so a reworded text reaches databases seeded before.
    /// </summary>
    private async Task FillTrainingDataAsync(Certification existing, ReferentialFile source, CancellationToken cancellationToken)
    {
        foreach (var unit in existing.Units)
            if (source.Units.FirstOrDefault(u => u.Number == unit.Number) is { } file)
            {
                unit.MaximumTrainingHours ??= file.MaximumTrainingHours;
                unit.CpfWording ??= file.CpfWording;
                (unit.Description, unit.EvaluationSummary) = (file.Description, file.EvaluationSummary);
            }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record ReferentialFile(
        string Code, string Title, string? Kind, string? Branch, string? Idcc, DateOnly? AccordDate, int? JourneyLimitMonths,
        int? MinimumTrainingHours, ClassificationFile? Classification, PrerequisiteThresholds? Prerequisites, List<UnitFile> Units);

    private sealed record ClassificationFile(int? InitialCoefficient, int? LaterCoefficient, int? MonthsBeforeLaterCoefficient);

    private sealed record UnitFile(
        int Number, string Title, string? Description, string? EvaluationSummary, int? MaximumTrainingHours, string? CpfWording,
        List<ActivityFile> Activities, List<CompetenceFile> Competences);

    private sealed record ActivityFile(string Code, string Title);

    private sealed record CompetenceFile(
        string Code, string Title, string? ActivityCode, List<string>? EvaluationModalities, List<string>? EvaluationCriteria, bool Derived, string? Note);
}
