using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>What a training action came to: done, refused with French reasons (nothing saved), or an id the user may not see (404).</summary>
public sealed record TrainingOutcome(bool Found, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Found && Errors.Count == 0;
    public static readonly TrainingOutcome Done = new(true, []);
    public static readonly TrainingOutcome NotFound = new(false, []);
    public static TrainingOutcome Refused(IEnumerable<string> errors) => new(true, errors.ToList());
    public static TrainingOutcome Refused(string error) => new(true, [error]);
}

/// <summary>The trainee a training record is about, as every page heads it.</summary>
public sealed record TraineeFacts(int RegistrationId, int CertificationId, string CertificationName, int? MinimumHours, string Name, string? CompanyName,
    CertificationRoute Route, RegistrationState State, bool LinkedToCompany, bool? CompanyMayFollow)
{
    public IReadOnlyList<PathSigner> RequiredSigners => TrainingPathRules.RequiredSigners(LinkedToCompany, CompanyMayFollow);
    public string? WhyNoPath => TrainingPathRules.WhyNoPath(Route, State);
}

/// <summary>A unit of the referential with its competences, as the positioning and path pages list them.</summary>
public sealed record ReferentialUnit(int Id, int Number, string Title, string? CpfWording, int? MaximumHours, IReadOnlyList<ReferentialCompetence> Competences);

public sealed record ReferentialCompetence(int Id, string Code, string Title);

/// <summary>Reads a trainee's facts and their certification's referential (shared by <see cref="Positionings"/> and <see cref="TrainingPaths"/>).</summary>
internal static class TrainingQueries
{
    public static Task<TraineeFacts?> FactsAsync(CqpDbContext db, int registrationId) =>
        db.Registrations.Where(r => r.Id == registrationId)
            .Select(r => new TraineeFacts(r.Id, r.CertificationId, r.Certification!.Kind + " " + r.Certification.Title, r.Certification.MinimumTrainingHours,
                r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Candidate.Company != null ? r.Candidate.Company.Name : null,
                r.Route, r.State, r.Candidate.CompanyId != null, r.CompanyMayFollow))
            .FirstOrDefaultAsync();

    public static async Task<IReadOnlyList<ReferentialUnit>> ReferentialAsync(CqpDbContext db, int certificationId) =>
        await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number)
            .Select(u => new ReferentialUnit(u.Id, u.Number, u.Title, u.CpfWording, u.MaximumTrainingHours,
                u.Competences.OrderBy(c => c.Id).Select(c => new ReferentialCompetence(c.Id, c.Code, c.Title)).ToList()))
            .ToListAsync();

    public static IReadOnlyList<PositioningCompetence> ForRules(IEnumerable<ReferentialUnit> units) =>
        units.SelectMany(u => u.Competences.Select(c => new PositioningCompetence(c.Id, c.Code, u.Id))).ToList();
}
