namespace CqpPortal.Domain.Vocabulary;

/// <summary>
/// The funding mechanisms as they are since the 2019 reform (« loi Avenir professionnel »), in the order the form offers
/// them. The mechanisms that reform replaced are read as their successors (<see cref="Successor"/>): the CIF as the CPF de
/// transition professionnelle, the période de professionnalisation as Pro-A, Pôle emploi as France Travail.
/// </summary>
public static class Fundings
{
    public static readonly IReadOnlyList<Funding> Offered =
    [
        Funding.Cpf, Funding.CpfTransition, Funding.ProA, Funding.ProfessionalisationContract,
        Funding.SkillsDevelopmentPlan, Funding.FranceTravail, Funding.Personal, Funding.Other,
    ];

    /// <summary>The labels of the mechanisms before 2019, as older files and imports write them, with today's mechanism.</summary>
    public static readonly IReadOnlyList<(string Label, Funding Successor)> OldLabels =
    [
        ("CIF", Funding.CpfTransition),
        ("Congé individuel de formation", Funding.CpfTransition),
        ("Période de professionnalisation", Funding.ProA),
        ("Pôle emploi", Funding.FranceTravail),
        ("CPF de transition", Funding.CpfTransition),
        ("Transition Pro", Funding.CpfTransition),
    ];

    /// <summary>Today's mechanism for an old label (compared without case or accents by the caller), or null.</summary>
    public static Funding? Successor(string oldLabel) =>
        OldLabels.Where(l => string.Equals(l.Label, oldLabel.Trim(), StringComparison.OrdinalIgnoreCase)).Select(l => (Funding?)l.Successor).FirstOrDefault();
}
