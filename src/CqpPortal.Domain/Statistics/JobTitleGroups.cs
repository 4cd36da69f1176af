using CqpPortal.Domain.Records;

namespace CqpPortal.Domain.Statistics;

/// <summary>A job held by holders, as most of them wrote it, and how many wrote it (whatever the case, accents or spaces).</summary>
public sealed record JobTitleCount(string Label, int Count);

/// <summary>
/// The jobs holders hold in the branch (the survey's « si dans la Branche indication de l'emploi effectif »), typed as
/// free text: grouped by their normalised text (« Télésecrétaire », « telesecretaire » and « TÉLÉSECRÉTAIRE  » are
/// one job). A job written by 1 to 4 holders would point at them (a rare title names its holder), so those are merged
/// into <see cref="OthersLabel"/> in every output, the JSON included. Biggest groups first, then alphabetical.
/// </summary>
public static class JobTitleGroups
{
    public const string OthersLabel = "Autres intitulés (moins de 5 titulaires chacun)";

    public static IReadOnlyList<JobTitleCount> Group(IEnumerable<string> titles) =>
        Group(titles.GroupBy(t => t, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));

    /// <summary>The same from titles already counted (each written form and how many wrote it).</summary>
    public static IReadOnlyList<JobTitleCount> Group(IEnumerable<(string Title, int Count)> counted)
    {
        var groups = counted.Where(c => !string.IsNullOrWhiteSpace(c.Title))
            .Select(c => (Text: string.Join(' ', c.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), c.Count))
            .GroupBy(c => RecordText.Key(c.Text))
            // The label: the way most holders wrote it, the first in alphabetical order on a tie.
            .Select(g => new JobTitleCount(
                g.GroupBy(c => c.Text, StringComparer.Ordinal).Select(w => (Text: w.Key, Count: w.Sum(c => c.Count)))
                    .OrderByDescending(w => w.Count).ThenBy(w => w.Text, StringComparer.Ordinal).First().Text,
                g.Sum(c => c.Count)))
            .ToList();
        var shown = groups.Where(g => g.Count >= SmallCountMasking.Threshold)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var others = groups.Where(g => g.Count < SmallCountMasking.Threshold).Sum(g => g.Count);
        if (others > 0) shown.Add(new JobTitleCount(OthersLabel, others));
        return shown;
    }
}
