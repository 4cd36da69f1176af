namespace CqpPortal.Domain.Statistics;

/// <summary>One slice of a pie: a shown count, or the masked remainder.</summary>
public sealed record PieSlice(string Label, int Count, bool Masked);

/// <summary>The slices to draw, or none with the sentence the reader gets instead.</summary>
public sealed record PieChartData(IReadOnlyList<PieSlice> Slices, string? NoChartReason)
{
    public bool Drawn => NoChartReason is null;
}

/// <summary>
/// A pie must not lie (issue 17: the one visible slice of a table with « &lt; 5 » cells was drawn as a full circle, « En
/// emploi » 100 % where the table said 74,2 %). A pie shows shares of a whole, so the whole must be known: when the
/// table's total is shown, the masked cells are drawn together as one grey slice labelled « masqué » — its size is the
/// total minus the shown cells, which any reader of the table can work out already, so nothing new is told. When the
/// total itself is masked, or every part is, or there is nobody, no pie is drawn: a slice of nothing, or one « masqué »
/// slice filling the circle, would tell nothing true; the table says it all.
/// </summary>
public static class TruthfulPie
{
    public const string MaskedLabel = SmallCountMasking.HiddenText;
    public const string NoData = "Pas de graphique : aucune donnée.";
    public const string TooFew = "Pas de graphique : moins de 5 personnes en tout, le dessiner les ferait connaître (secret statistique).";
    public const string AllMasked = "Pas de graphique : toutes les parts sont masquées (secret statistique).";

    public static PieChartData Of(IReadOnlyList<(string Label, MaskedCount Count)> parts, MaskedCount total)
    {
        if (total.Count == 0) return new([], NoData);
        if (total.Hidden) return new([], TooFew);
        var slices = parts.Where(p => !p.Count.Hidden && p.Count.Count > 0).Select(p => new PieSlice(p.Label, p.Count.Count, Masked: false)).ToList();
        if (slices.Count == 0) return new([], AllMasked);
        var remainder = total.Count - slices.Sum(s => s.Count);
        if (remainder > 0) slices.Add(new PieSlice(MaskedLabel, remainder, Masked: true));
        return new(slices, null);
    }
}
