using System.Security.Claims;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>One side's level on one competence.</summary>
public sealed record LevelView(PositioningLevel Level, string? Comment);

public sealed record CompetenceLine(int Id, string Code, string Title, LevelView? Company, LevelView? Centre);

public sealed record UnitLines(int Id, int Number, string Title, IReadOnlyList<CompetenceLine> Competences);

/// <summary>One side's positioning: who filled it, the tutor (company) or interview date (centre), and when it was sent or recorded.</summary>
public sealed record SideView(string FilledBy, string? TutorName, DateOnly? InterviewOn, string? Comment, DateTimeOffset? SubmittedAt)
{
    public bool Sent => SubmittedAt is not null;
}

/// <summary>Both positionings of a trainee side by side per competence, grouped by unit. The company's appears once sent (or to its managers as a draft).</summary>
public sealed record PositioningsView(TraineeFacts Trainee, SideView? Company, SideView? Centre, IReadOnlyList<UnitLines> Units)
{
    public bool CompanySent => Company?.Sent == true;
    public bool CentreRecorded => Centre?.Sent == true;
}

/// <summary>A level (null: not given) and a comment typed for one competence.</summary>
public sealed record MarkInput(PositioningLevel? Level, string? Comment);

public sealed record CompanyPositioningInput(string? TutorName, string? Comment, IReadOnlyDictionary<int, MarkInput> Marks);

public sealed record CentrePositioningInput(DateOnly? InterviewOn, string? Comment, IReadOnlyDictionary<int, MarkInput> Marks);

/// <summary>
/// The two positionings of a trainee on every competence (<see cref="PositioningRules"/>): the company's pre-positioning,
/// kept as a draft by an approved manager of a followed employee until sent (then read-only); the centre's, recorded by
/// staff after the interview. Ids are authorised by <see cref="TrainingAccess"/>; what one may not see is an unknown id.
/// </summary>
public sealed class Positionings(CqpDbContext db, TrainingAccess access, UserManager<PortalUser> users, TimeProvider clock)
{
    public const int MaximumTutorNameLength = 200;
    public const int MaximumGeneralCommentLength = 2000;

    /// <summary>Both sides for <paramref name="registrationId"/>; null when <paramref name="user"/> may not see it.</summary>
    public async Task<PositioningsView?> ReadAsync(ClaimsPrincipal user, int registrationId)
    {
        if (!await access.CanReadAsync(user, registrationId)) return null;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        var units = await TrainingQueries.ReferentialAsync(db, trainee.CertificationId);
        var sides = await db.Positionings.Where(p => p.RegistrationId == registrationId)
            .Select(p => new
            {
                p.Side, FilledBy = db.Users.Where(u => u.Id == p.FilledByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                p.TutorName, p.InterviewOn, p.Comment, p.SubmittedAt,
                Entries = p.Entries.Select(e => new { e.CompetenceId, e.Level, e.Comment }).ToList(),
            })
            .ToListAsync();
        var companyDraftVisible = await access.CanActForCompanyAsync(user, registrationId);
        var company = sides.FirstOrDefault(s => s.Side == PositioningSide.Company && (s.SubmittedAt is not null || companyDraftVisible));
        var centre = sides.FirstOrDefault(s => s.Side == PositioningSide.Centre && s.SubmittedAt is not null);
        var companyLevels = company?.Entries.ToDictionary(e => e.CompetenceId, e => new LevelView(e.Level, e.Comment)) ?? [];
        var centreLevels = centre?.Entries.ToDictionary(e => e.CompetenceId, e => new LevelView(e.Level, e.Comment)) ?? [];
        return new PositioningsView(trainee,
            company is null ? null : new SideView(company.FilledBy, company.TutorName, company.InterviewOn, company.Comment, company.SubmittedAt),
            centre is null ? null : new SideView(centre.FilledBy, centre.TutorName, centre.InterviewOn, centre.Comment, centre.SubmittedAt),
            units.Select(u => new UnitLines(u.Id, u.Number, u.Title,
                u.Competences.Select(c => new CompetenceLine(c.Id, c.Code, c.Title, companyLevels.GetValueOrDefault(c.Id), centreLevels.GetValueOrDefault(c.Id))).ToList()))
                .ToList());
    }

    /// <summary>The manager keeps the company's pre-positioning as a draft, or sends it (<paramref name="send"/>): then every competence needs a level, and it is read-only.</summary>
    public async Task<TrainingOutcome> SaveCompanyAsync(ClaimsPrincipal user, int registrationId, CompanyPositioningInput input, bool send)
    {
        if (!await access.CanActForCompanyAsync(user, registrationId)) return TrainingOutcome.NotFound;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        var referential = TrainingQueries.ForRules(await TrainingQueries.ReferentialAsync(db, trainee.CertificationId));
        var positioning = await LoadAsync(registrationId, PositioningSide.Company);
        if (PositioningRules.WhyNotEditCompany(positioning?.SubmittedAt is not null) is { } locked) return TrainingOutcome.Refused(locked);

        var marks = Marks(referential, input.Marks);
        var errors = (send ? PositioningRules.WhyNotSend(referential, marks) : PositioningRules.WhyNotSaveDraft(referential, marks)).ToList();
        if ((input.TutorName?.Trim().Length ?? 0) > MaximumTutorNameLength) errors.Add($"Le nom du tuteur dépasse {MaximumTutorNameLength} caractères.");
        if ((input.Comment?.Trim().Length ?? 0) > MaximumGeneralCommentLength) errors.Add($"Le commentaire général dépasse {MaximumGeneralCommentLength} caractères.");
        if (errors.Count > 0) return TrainingOutcome.Refused(errors);

        positioning ??= Add(registrationId, PositioningSide.Company, users.GetUserId(user)!);
        positioning.FilledByUserId = users.GetUserId(user)!;
        positioning.TutorName = Clean(input.TutorName);
        positioning.Comment = Clean(input.Comment);
        if (send) positioning.SubmittedAt = clock.GetUtcNow();
        Apply(positioning, marks);
        await db.SaveChangesAsync();
        return TrainingOutcome.Done;
    }

    /// <summary>Staff record the centre's positioning after the interview (every competence, interview date not in the future); they may correct it later.</summary>
    public async Task<TrainingOutcome> RecordCentreAsync(ClaimsPrincipal user, int registrationId, CentrePositioningInput input)
    {
        if (!Roles.IsStaff(user) || !await access.CanReadAsync(user, registrationId)) return TrainingOutcome.NotFound;
        var trainee = (await TrainingQueries.FactsAsync(db, registrationId))!;
        if (trainee.WhyNoPath is { } noPath) return TrainingOutcome.Refused(noPath);
        var referential = TrainingQueries.ForRules(await TrainingQueries.ReferentialAsync(db, trainee.CertificationId));
        var marks = Marks(referential, input.Marks);
        var errors = PositioningRules.WhyNotSend(referential, marks).ToList();
        if (PositioningRules.WhyNotInterviewDate(input.InterviewOn, clock) is { } date) errors.Insert(0, date);
        if ((input.Comment?.Trim().Length ?? 0) > MaximumGeneralCommentLength) errors.Add($"Le commentaire général dépasse {MaximumGeneralCommentLength} caractères.");
        if (errors.Count > 0) return TrainingOutcome.Refused(errors);

        var userId = users.GetUserId(user)!;
        var positioning = await LoadAsync(registrationId, PositioningSide.Centre) ?? Add(registrationId, PositioningSide.Centre, userId);
        positioning.FilledByUserId = userId;
        positioning.InterviewOn = input.InterviewOn;
        positioning.Comment = Clean(input.Comment);
        positioning.SubmittedAt ??= clock.GetUtcNow();
        Apply(positioning, marks);
        await db.SaveChangesAsync();
        return TrainingOutcome.Done;
    }

    private Task<Positioning?> LoadAsync(int registrationId, PositioningSide side) =>
        db.Positionings.Include(p => p.Entries).FirstOrDefaultAsync(p => p.RegistrationId == registrationId && p.Side == side);

    private Positioning Add(int registrationId, PositioningSide side, string userId)
    {
        var positioning = new Positioning { RegistrationId = registrationId, Side = side, FilledByUserId = userId };
        db.Positionings.Add(positioning);
        return positioning;
    }

    /// <summary>The marks typed for the referential's competences (anything else posted is ignored).</summary>
    private static List<PositioningMark> Marks(IReadOnlyList<PositioningCompetence> referential, IReadOnlyDictionary<int, MarkInput> typed) =>
        referential.Select(c => typed.GetValueOrDefault(c.Id) is { } m ? new PositioningMark(c.Id, m.Level, m.Comment) : new PositioningMark(c.Id, null, null))
            .Where(m => m.Level is not null || !string.IsNullOrWhiteSpace(m.Comment))
            .ToList();

    /// <summary>Keeps one entry per competence with a level (an entry needs one: a comment typed without a level is not kept).</summary>
    private static void Apply(Positioning positioning, IEnumerable<PositioningMark> marks)
    {
        var byCompetence = marks.Where(m => m.Level is not null).ToDictionary(m => m.CompetenceId);
        positioning.Entries.RemoveAll(e => !byCompetence.ContainsKey(e.CompetenceId));
        foreach (var mark in byCompetence.Values)
        {
            var entry = positioning.Entries.FirstOrDefault(e => e.CompetenceId == mark.CompetenceId);
            if (entry is null) positioning.Entries.Add(entry = new PositioningEntry { CompetenceId = mark.CompetenceId });
            entry.Level = mark.Level!.Value;
            entry.Comment = Clean(mark.Comment);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
