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

    public static IReadOnlyList<JobTitleCount> Group(IEnumerable<string> titles)
    {
        var groups = titles.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .GroupBy(RecordText.Key)
            // The label: the way most holders wrote it, the first in alphabetical order on a tie.
            .Select(g => new JobTitleCount(g.GroupBy(t => t).OrderByDescending(w => w.Count()).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key, g.Count()))
            .ToList();
        var shown = groups.Where(g => g.Count >= SmallCountMasking.Threshold)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var others = groups.Where(g => g.Count < SmallCountMasking.Threshold).Sum(g => g.Count);
        if (others > 0) shown.Add(new JobTitleCount(OthersLabel, others));
        return shown;
    }
}
