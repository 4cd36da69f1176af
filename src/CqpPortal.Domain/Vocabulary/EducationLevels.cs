namespace CqpPortal.Domain.Vocabulary;

/// <summary>
/// Education level on the current national nomenclature (levels 3 to 8), 0 meaning no diploma.
/// The accord's "niveau IV" is today's level 4; a higher level satisfies it.
/// </summary>
public static class EducationLevels
{
    public const int None = 0;
    public const int Level4 = 4;
    public static readonly IReadOnlyList<int> All = [0, 3, 4, 5, 6, 7, 8];

    public static bool IsValid(int level) => level == None || level is >= 3 and <= 8;

    public static bool AtLeastLevel4(int level) => level >= Level4;

    public static string Label(int level) => level == None ? "Sans diplôme" : $"Niveau {level}";
}
