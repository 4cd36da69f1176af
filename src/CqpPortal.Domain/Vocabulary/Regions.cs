namespace CqpPortal.Domain.Vocabulary;

/// <summary>
/// The regions a person or a session is placed in: the form offers the 13 metropolitan regions and the 5 overseas ones
/// (<see cref="Offered"/>, in alphabetical order, then overseas). Records made before issue 17 hold one of the five large
/// areas the accord suggested or « Outre-mer »: they still read (<see cref="FrenchLabels.Of(Region)"/>) and are never
/// offered again. The statistics count the large areas (<see cref="AreaOf"/>), so that years before and after compare.
/// </summary>
public static class Regions
{
    public static readonly IReadOnlyList<Region> Metropolitan =
    [
        Region.AuvergneRhoneAlpes, Region.BourgogneFrancheComte, Region.Bretagne, Region.CentreValDeLoire, Region.Corse,
        Region.GrandEst, Region.HautsDeFrance, Region.IleDeFrance, Region.Normandie, Region.NouvelleAquitaine,
        Region.Occitanie, Region.PaysDeLaLoire, Region.ProvenceAlpesCoteDAzur,
    ];

    public static readonly IReadOnlyList<Region> Overseas = [Region.Guadeloupe, Region.Martinique, Region.Guyane, Region.LaReunion, Region.Mayotte];

    /// <summary>What the forms offer: the 13 metropolitan regions, then the 5 overseas ones.</summary>
    public static readonly IReadOnlyList<Region> Offered = [.. Metropolitan, .. Overseas];

    /// <summary>The groups the statistics count (the accord's five large areas and « Outre-mer »), in the statistics' order.</summary>
    public static readonly IReadOnlyList<Region> Areas = [Region.Nord, Region.Ouest, Region.Est, Region.Sud, Region.IleDeFrance, Region.OutreMer];

    /// <summary>Whether a form may save this value: one of <see cref="Offered"/> (an old large area is read, never chosen again).</summary>
    public static bool IsOffered(Region region) => Offered.Contains(region);

    /// <summary>The large area a region belongs to, for the statistics; an old area is its own.</summary>
    public static Region AreaOf(Region region) => region switch
    {
        Region.HautsDeFrance or Region.Normandie => Region.Nord,
        Region.Bretagne or Region.PaysDeLaLoire or Region.CentreValDeLoire or Region.NouvelleAquitaine => Region.Ouest,
        Region.GrandEst or Region.BourgogneFrancheComte or Region.AuvergneRhoneAlpes => Region.Est,
        Region.Occitanie or Region.ProvenceAlpesCoteDAzur or Region.Corse => Region.Sud,
        Region.Guadeloupe or Region.Martinique or Region.Guyane or Region.LaReunion or Region.Mayotte => Region.OutreMer,
        _ => region,
    };

    /// <summary>
    /// How near a place is to a person, for ordering what is offered to them: 0 the same region, 1 the same large area
    /// (an old record's area, or a neighbour in it), 2 elsewhere.
    /// </summary>
    public static int Distance(Region from, Region to) => from == to ? 0 : AreaOf(from) == AreaOf(to) ? 1 : 2;
}
