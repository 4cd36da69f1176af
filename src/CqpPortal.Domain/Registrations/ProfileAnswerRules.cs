namespace CqpPortal.Domain.Registrations;

/// <summary>The profile questions of the registration form as typed: the diploma's group and title, the sectors of experience.</summary>
public sealed record ProfileAnswer(DiplomaGroup? DiplomaGroup, string? DiplomaTitle, IReadOnlyList<string> Sectors, string? OtherSector);

/// <summary>
/// What the registration form accepts for the profile the statistics count: a diploma group from the list (its title
/// optional, 200 characters at most), sectors from the list only, and « Autre » with its precision (200 characters at
/// most). A precision typed without ticking « Autre » means « Autre ».
/// </summary>
public static class ProfileAnswerRules
{
    public const int TitleMaxLength = 200;

    /// <summary>Each problem as (field, French message); empty when the answer can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(ProfileAnswer answer) =>
        [.. CheckDiploma(answer.DiplomaGroup, answer.DiplomaTitle), .. CheckSectors(answer.Sectors, answer.OtherSector)];

    /// <summary>The diploma's questions (the form's « Parcours » step).</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckDiploma(DiplomaGroup? group, string? title)
    {
        var problems = new List<(string, string)>();
        if (group is not { } g || !DiplomaGroups.IsValid(g))
            problems.Add((nameof(ProfileAnswer.DiplomaGroup), "Choisissez votre plus haut diplôme dans la liste."));
        if (title?.Trim().Length > TitleMaxLength)
            problems.Add((nameof(ProfileAnswer.DiplomaTitle), $"L'intitulé ne peut dépasser {TitleMaxLength} caractères."));
        return problems;
    }

    /// <summary>The sectors' questions (the form's « Expérience » step).</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckSectors(IReadOnlyList<string>? sectors, string? otherSector)
    {
        var problems = new List<(string, string)>();
        var codes = Codes(sectors);
        if (codes.Any(c => !ExperienceSectors.IsCode(c)))
            problems.Add((nameof(ProfileAnswer.Sectors), "Choisissez les secteurs dans la liste."));
        var other = otherSector?.Trim() ?? "";
        if (codes.Contains(ExperienceSectors.OtherCode) && other.Length == 0)
            problems.Add((nameof(ProfileAnswer.OtherSector), "Précisez l'autre secteur où vous avez travaillé."));
        if (other.Length > ExperienceSectors.OtherTextMaxLength)
            problems.Add((nameof(ProfileAnswer.OtherSector), $"Le secteur précisé ne peut dépasser {ExperienceSectors.OtherTextMaxLength} caractères."));
        return problems;
    }

    /// <summary>The answer as it is kept: trimmed, codes in the list's order, « Autre » ticked when it is precised, its text dropped when it is not.</summary>
    public static ProfileAnswer Normalise(ProfileAnswer answer)
    {
        var other = string.IsNullOrWhiteSpace(answer.OtherSector) ? null : answer.OtherSector.Trim();
        var codes = Codes(answer.Sectors);
        if (other is not null) codes.Add(ExperienceSectors.OtherCode);
        return answer with
        {
            DiplomaTitle = string.IsNullOrWhiteSpace(answer.DiplomaTitle) ? null : answer.DiplomaTitle.Trim(),
            Sectors = ExperienceSectors.All.Select(s => s.Code).Where(codes.Contains).ToList(),
            OtherSector = codes.Contains(ExperienceSectors.OtherCode) ? other : null,
        };
    }

    private static HashSet<string> Codes(IReadOnlyList<string>? sectors) =>
        (sectors ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToHashSet();
}
