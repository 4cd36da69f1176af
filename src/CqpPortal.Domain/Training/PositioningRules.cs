using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Training;

/// <summary>One competence of the referential as the positioning rules see it.</summary>
public sealed record PositioningCompetence(int Id, string Code, int UnitId);

/// <summary>One side's mark on one competence: its level (null when not given yet) and an optional comment.</summary>
public sealed record PositioningMark(int CompetenceId, PositioningLevel? Level, string? Comment);

/// <summary>
/// Positioning (seed 001, « accompagnement du parcours de certification »): the company pre-positions the employee on
/// every competence of the referential, then the centre positions them in an interview; « un candidat ne devra pas suivre
/// une formation ou un module s'il maîtrise déjà la ou les compétences », so what the centre marks mastered is not trained.
/// </summary>
public static class PositioningRules
{
    public const int MaximumCommentLength = 1000;

    public const string CompanySent = "Le pré-positionnement a été envoyé à l'organisme de formation : il ne peut plus être modifié.";

    /// <summary>Why the marks cannot be sent (company) or recorded (centre): every competence needs a level; comments stay short.</summary>
    public static IReadOnlyList<string> WhyNotSend(IReadOnlyList<PositioningCompetence> referential, IReadOnlyCollection<PositioningMark> marks)
    {
        var given = marks.Where(m => m.Level is not null).Select(m => m.CompetenceId).ToHashSet();
        var missing = referential.Where(c => !given.Contains(c.Id)).Select(c => c.Code).ToList();
        var reasons = new List<string>();
        if (missing.Count > 0)
            reasons.Add($"Indiquez un niveau pour chaque compétence avant d'envoyer : {(missing.Count == 1 ? "il manque" : "il manque les compétences")} {string.Join(", ", missing)}.");
        reasons.AddRange(WhyNotSaveDraft(referential, marks));
        return reasons;
    }

    /// <summary>Why a draft cannot be kept: only comments too long (a draft may leave competences blank).</summary>
    public static IReadOnlyList<string> WhyNotSaveDraft(IReadOnlyList<PositioningCompetence> referential, IReadOnlyCollection<PositioningMark> marks)
    {
        var codes = referential.ToDictionary(c => c.Id, c => c.Code);
        return marks.Where(m => (m.Comment?.Trim().Length ?? 0) > MaximumCommentLength)
            .Select(m => $"{codes.GetValueOrDefault(m.CompetenceId, "?")} : le commentaire dépasse {MaximumCommentLength} caractères ({m.Comment!.Trim().Length}).")
            .ToList();
    }

    /// <summary>Null when the manager may still change the company's pre-positioning; once sent, it is read-only.</summary>
    public static string? WhyNotEditCompany(bool sent) => sent ? CompanySent : null;

    /// <summary>The centre's interview took place: a date is required and it cannot be in the future.</summary>
    public static string? WhyNotInterviewDate(DateOnly? interviewOn, DateOnly today) =>
        interviewOn is null ? "Indiquez la date de l'entretien de positionnement."
        : interviewOn > today ? "La date de l'entretien de positionnement ne peut pas être dans le futur."
        : null;

    /// <summary><see cref="WhyNotInterviewDate(DateOnly?, DateOnly)"/> with today in Paris.</summary>
    public static string? WhyNotInterviewDate(DateOnly? interviewOn, TimeProvider clock) => WhyNotInterviewDate(interviewOn, DayInParis.Today(clock));

    /// <summary>The competences to train: those the centre did not mark mastered (a missing mark counts as to train).</summary>
    public static IReadOnlyList<int> CompetencesToTrain(IEnumerable<PositioningCompetence> referential, IEnumerable<PositioningMark> centre)
    {
        var mastered = centre.Where(m => m.Level == PositioningLevel.Mastered).Select(m => m.CompetenceId).ToHashSet();
        return referential.Where(c => !mastered.Contains(c.Id)).Select(c => c.Id).ToList();
    }

    /// <summary>Whether the centre marked every competence of <paramref name="unitId"/> mastered (a unit with no competence is not).</summary>
    public static bool UnitMastered(int unitId, IReadOnlyCollection<PositioningCompetence> referential, IEnumerable<PositioningMark> centre)
    {
        var ofUnit = referential.Where(c => c.UnitId == unitId).ToList();
        return ofUnit.Count > 0 && CompetencesToTrain(ofUnit, centre).Count == 0;
    }

    /// <summary>Whether the centre marked every competence of the referential mastered.</summary>
    public static bool AllMastered(IReadOnlyCollection<PositioningCompetence> referential, IEnumerable<PositioningMark> centre) =>
        referential.Count > 0 && CompetencesToTrain(referential, centre).Count == 0;
}
