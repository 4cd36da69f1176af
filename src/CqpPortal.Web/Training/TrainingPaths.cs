using System.Security.Claims;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

public sealed record PathUnitView(int UnitId, int Number, string Title, string? CpfWording, int? MaximumHours, int PlannedHours, IReadOnlyList<string> Modules);

/// <summary>One version of a path with its signatures.</summary>
public sealed record PathVersionView(int Id, int Version, string? Objectives, string? ReducedHoursReason, DateTimeOffset CreatedAt, DateTimeOffset? SupersededAt,
    PathSignatures Signatures, IReadOnlyList<PathUnitView> Units)
{
    public int TotalHours => Units.Sum(u => u.PlannedHours);
}

/// <summary>A unit of the referential as the path editor proposes it: the hours and modules to start from, and whether the centre marked all its competences mastered.</summary>
public sealed record PathUnitProposal(int UnitId, int Number, string Title, string? CpfWording, int? MaximumHours, bool AllMastered, int Hours, IReadOnlyList<string> Modules);

/// <summary>A trainee's path: the current version, the earlier ones (newest first), who signs, and what the editor proposes.</summary>
public sealed record PathView(TraineeFacts Trainee, bool CentreRecorded, bool AllMastered, PathVersionView? Current, IReadOnlyList<PathVersionView> Earlier,
    IReadOnlyList<PathUnitProposal> Proposal)
{
    public IReadOnlyList<PathSigner> Required => Trainee.RequiredSigners;
    public bool IsSigned => Current is { } current && TrainingPathRules.IsSigned(Required, current.Signatures);
    public bool CurrentEditable => Current is null || TrainingPathRules.WhyNotEdit(Current.Version, false, Current.Signatures) is null;
    public bool MaySign(PathSigner signer) => WhyNotSign(signer) is null;

    /// <summary>Why <paramref name="signer"/> may not sign the current version (null when they may), for the pages to say so.</summary>
    public string? WhyNotSign(PathSigner signer) =>
        Current is { } current ? TrainingPathRules.WhyNotSign(signer, Required, false, current.Signatures) : TrainingPathRules.NothingToSign;
}

public sealed record PathUnitInput(string? Hours, string? Modules);

/// <summary>What staff typed in the path editor; <see cref="Version"/> is the version they edited (0 for the first).</summary>
public sealed record PathInput(int Version, string? Objectives, bool ConfirmReducedHours, string? ReducedHoursReason, IReadOnlyDictionary<int, PathUnitInput> Units);

/// <summary>The absolute links the e-mails give: the candidate's page and the company's page of this path.</summary>
public sealed record PathLinks(string Candidate, string Company);

/// <summary>
/// Individual training paths (<see cref="TrainingPathRules"/>): staff propose a version from the centre's positioning and
/// may change it until someone signs; then a change is a new version and the old one is kept, superseded. The candidate,
/// the organisation and — for a followed employee — the company sign. The candidate and the managers are told by e-mail
/// when a version is proposed for their signature.
/// </summary>
public sealed class TrainingPaths(CqpDbContext db, TrainingAccess access, UserManager<PortalUser> users, TimeProvider clock,
    CandidateMailer candidates, EmployeeNotifications companies)
{
    /// <summary>The path of <paramref name="registrationId"/>; null when <paramref name="user"/> may not see it.</summary>
    public async Task<PathView?> ReadAsync(ClaimsPrincipal user, int registrationId)
    {
        if (!await access.CanReadAsync(user, registrationId)) return null;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        var units = await TrainingQueries.ReferentialAsync(db, trainee.CertificationId);
        var referential = TrainingQueries.ForRules(units);
        var centre = await CentreMarksAsync(registrationId);
        var versions = await db.TrainingPaths.Where(p => p.RegistrationId == registrationId).OrderByDescending(p => p.Version)
            .Select(p => new PathVersionView(p.Id, p.Version, p.Objectives, p.ReducedHoursReason, p.CreatedAt, p.SupersededAt,
                new PathSignatures(p.CandidateSignedAt, p.CompanySignedAt, p.OrganisationSignedAt),
                p.Units.OrderBy(u => u.Unit!.Number)
                    .Select(u => new PathUnitView(u.UnitId, u.Unit!.Number, u.Unit.Title, u.Unit.CpfWording, u.Unit.MaximumTrainingHours, u.PlannedHours, u.Modules))
                    .ToList()))
            .ToListAsync();
        var current = versions.FirstOrDefault(v => v.SupersededAt is null);
        var proposal = units.Select(u =>
        {
            var mastered = centre is not null && PositioningRules.UnitMastered(u.Id, referential, centre);
            var planned = current?.Units.FirstOrDefault(p => p.UnitId == u.Id);
            return new PathUnitProposal(u.Id, u.Number, u.Title, u.CpfWording, u.MaximumHours, mastered,
                planned?.PlannedHours ?? TrainingPathRules.DefaultHours(u.MaximumHours, mastered), planned?.Modules ?? []);
        }).ToList();
        return new PathView(trainee, centre is not null, centre is not null && PositioningRules.AllMastered(referential, centre),
            current, versions.Where(v => v != current).ToList(), proposal);
    }

    /// <summary>Staff save the path: the first version, or a change to the current one while nobody has signed it.</summary>
    public async Task<TrainingOutcome> SaveAsync(ClaimsPrincipal user, int registrationId, PathInput input, PathLinks links)
    {
        if (!Roles.IsStaff(user) || !await access.CanReadAsync(user, registrationId)) return TrainingOutcome.NotFound;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        if (trainee.WhyNoPath is { } noPath) return TrainingOutcome.Refused(noPath);

        var path = await db.TrainingPaths.Include(p => p.Units).Where(p => p.RegistrationId == registrationId && p.Version == input.Version).FirstOrDefaultAsync();
        var latest = await db.TrainingPaths.Where(p => p.RegistrationId == registrationId).MaxAsync(p => (int?)p.Version) ?? 0;
        if (input.Version != 0 && path is null || input.Version == 0 && latest > 0)
            return TrainingOutcome.Refused("Le parcours a changé depuis l'ouverture de la page : rechargez-la avant de le modifier.");
        if (path is not null && TrainingPathRules.WhyNotEdit(path.Version, path.SupersededAt is not null,
                new PathSignatures(path.CandidateSignedAt, path.CompanySignedAt, path.OrganisationSignedAt)) is { } signed)
            return TrainingOutcome.Refused(signed);

        var units = await TrainingQueries.ReferentialAsync(db, trainee.CertificationId);
        var referential = TrainingQueries.ForRules(units);
        var centre = await CentreMarksAsync(registrationId);
        var plans = units.Select(u => new PathUnitPlan(u.Number, input.Units.GetValueOrDefault(u.Id)?.Hours, u.MaximumHours,
            centre is not null && PositioningRules.UnitMastered(u.Id, referential, centre))).ToList();
        var allMastered = centre is not null && PositioningRules.AllMastered(referential, centre);
        var errors = TrainingPathRules.WhyNotSave(centre is not null, plans, trainee.MinimumHours, allMastered,
            input.ConfirmReducedHours, input.ReducedHoursReason, input.Objectives);
        if (errors.Count > 0) return TrainingOutcome.Refused(errors);

        if (path is null)
        {
            path = new TrainingPath { RegistrationId = registrationId, Version = 1, CreatedByUserId = users.GetUserId(user)! };
            db.TrainingPaths.Add(path);
        }
        var total = plans.Sum(p => TrainingPathRules.ParseHours(p.HoursText)!.Value);
        path.Objectives = string.IsNullOrWhiteSpace(input.Objectives) ? null : input.Objectives.Trim();
        path.ReducedHoursReason = TrainingPathRules.KeptReason(total, trainee.MinimumHours, input.ReducedHoursReason);
        foreach (var unit in units)
        {
            var line = path.Units.FirstOrDefault(u => u.UnitId == unit.Id);
            if (line is null) path.Units.Add(line = new TrainingPathUnit { UnitId = unit.Id });
            line.PlannedHours = TrainingPathRules.ParseHours(input.Units.GetValueOrDefault(unit.Id)?.Hours)!.Value;
            line.Modules = Lines(input.Units.GetValueOrDefault(unit.Id)?.Modules);
        }
        await db.SaveChangesAsync();
        await TellAsync(registrationId, trainee, path.Version, links);
        return TrainingOutcome.Done;
    }

    /// <summary>Staff open a new version from a signed one: a copy, unsigned; the signed one is kept, superseded.</summary>
    public async Task<TrainingOutcome> NewVersionAsync(ClaimsPrincipal user, int registrationId)
    {
        if (!Roles.IsStaff(user) || !await access.CanReadAsync(user, registrationId)) return TrainingOutcome.NotFound;
        var current = await db.TrainingPaths.Include(p => p.Units)
            .Where(p => p.RegistrationId == registrationId && p.SupersededAt == null).OrderByDescending(p => p.Version).FirstOrDefaultAsync();
        var signatures = current is null ? new PathSignatures(null, null, null) : Signatures(current);
        if (TrainingPathRules.WhyNotNewVersion(current is not null, signatures) is { } why) return TrainingOutcome.Refused(why);

        current!.SupersededAt = clock.GetUtcNow();
        db.TrainingPaths.Add(new TrainingPath
        {
            RegistrationId = registrationId, Version = current.Version + 1, CreatedByUserId = users.GetUserId(user)!,
            Objectives = current.Objectives, ReducedHoursReason = current.ReducedHoursReason,
            Units = current.Units.Select(u => new TrainingPathUnit { UnitId = u.UnitId, PlannedHours = u.PlannedHours, Modules = [.. u.Modules] }).ToList(),
        });
        await db.SaveChangesAsync();
        return TrainingOutcome.Done;
    }

    /// <summary>
    /// <paramref name="signer"/> signs <paramref name="version"/>: the candidate their own path, an approved manager of a
    /// followed employee for the company, staff for the organisation. Anyone else gets what an unknown id gets.
    /// </summary>
    public async Task<TrainingOutcome> SignAsync(ClaimsPrincipal user, int registrationId, PathSigner signer, int version)
    {
        var allowed = signer switch
        {
            PathSigner.Candidate => user.IsInRole(Roles.Candidate) && await access.CanReadAsync(user, registrationId),
            PathSigner.Company => await access.CanActForCompanyAsync(user, registrationId),
            _ => Roles.IsStaff(user) && await access.CanReadAsync(user, registrationId),
        };
        if (!allowed) return TrainingOutcome.NotFound;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        var path = await db.TrainingPaths.FirstOrDefaultAsync(p => p.RegistrationId == registrationId && p.Version == version);
        if (path is null) return TrainingOutcome.Refused(TrainingPathRules.NothingToSign);
        if (TrainingPathRules.WhyNotSign(signer, trainee.RequiredSigners, path.SupersededAt is not null, Signatures(path)) is { } why)
            return TrainingOutcome.Refused(why);

        var now = clock.GetUtcNow();
        var userId = users.GetUserId(user)!;
        switch (signer)
        {
            case PathSigner.Candidate: path.CandidateSignedAt = now; break;
            case PathSigner.Company: path.CompanySignedAt = now; path.CompanySignedByUserId = userId; break;
            default: path.OrganisationSignedAt = now; path.OrganisationSignedByUserId = userId; break;
        }
        await db.SaveChangesAsync();
        return TrainingOutcome.Done;
    }

    private async Task TellAsync(int registrationId, TraineeFacts trainee, int version, PathLinks links)
    {
        var candidate = await db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Candidate!).SingleAsync();
        await candidates.TrainingPathProposedAsync(candidate, trainee.CertificationName, version, links.Candidate);
        if (trainee.RequiredSigners.Contains(PathSigner.Company))
            await companies.TrainingPathProposedAsync(registrationId, version, links.Company);
    }

    /// <summary>The centre's recorded marks; null until the centre's positioning is recorded.</summary>
    private async Task<List<PositioningMark>?> CentreMarksAsync(int registrationId)
    {
        var centre = await db.Positionings.Where(p => p.RegistrationId == registrationId && p.Side == PositioningSide.Centre && p.SubmittedAt != null)
            .Select(p => p.Entries.Select(e => new PositioningMark(e.CompetenceId, e.Level, e.Comment)).ToList())
            .FirstOrDefaultAsync();
        return centre;
    }

    private static PathSignatures Signatures(TrainingPath path) => new(path.CandidateSignedAt, path.CompanySignedAt, path.OrganisationSignedAt);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
