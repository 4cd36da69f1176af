using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The rows of the workbook's « Détail anonyme »: the year's registrations, k-anonymous (<see cref="KAnonymity"/>), so
/// that each combination shown is shared by at least 5 registrations and no masked count of the indicator sheets can
/// be counted again from the rows.
/// </summary>
/// <remarks>
/// Quasi-identifiers — what an employer, a colleague or a trainer may know of a candidate: the month of registration,
/// sex, age band, region and route (training, VAE, free). The admissibility decision is what the rows tell about them
/// (kept, never blurred). The education level, status, funding and the months of experience describe a person too,
/// but with them nearly every row is unique even over a year (each has its own sheet, as counts): they are not in the
/// rows. Values an indicator sheet masks (« &lt; 5 », « masqué ») are shown together as one « Autres » in the rows.
/// </remarks>
public static class AnnualPackDetail
{
    public const string Period = "Période d'inscription";
    public const string Sex = "Sexe";
    public const string AgeBand = "Tranche d'âge";
    public const string Region = "Région";
    public const string Route = "Voie";
    public const string Admissibility = "Recevabilité";

    /// <summary>A registration without an admissibility decision (withdrawn), as the « Recevabilité » sheet names it.</summary>
    public const string NoDecision = "Sans décision (abandon)";

    public const string Mainland = "France métropolitaine";

    public static AnonymousRows Of(AnnualPackContent content, IEnumerable<ProfileRow> registrations)
    {
        IReadOnlySet<string> MaskedIn(string sheet) =>
            content.Tables.FirstOrDefault(t => t.SheetName == sheet)?.Categories.Where(r => r.Values[0].Masked).Select(r => r.Label).ToHashSet() ?? [];

        var outreMer = FrenchLabels.Of(Domain.Vocabulary.Region.OutreMer);
        AnonymousColumn[] columns =
        [
            // Month → quarter → left out (the year is the pack's).
            AnonymousColumn.Person(Period, new HashSet<string>(), month => $"{month[..4]}-T{(int.Parse(month[5..]) + 2) / 3}"),
            AnonymousColumn.Person(Sex, MaskedIn("Sexe")),
            AnonymousColumn.Person(AgeBand, MaskedIn("Âge"), WiderAgeBand),
            AnonymousColumn.Person(Region, MaskedIn("Région"), region => region == outreMer ? outreMer : Mainland),
            AnonymousColumn.Person(Route, MaskedIn("Voie")),
            AnonymousColumn.Told(Admissibility, MaskedIn("Recevabilité")),
        ];
        // Counted as they pass (a few thousand distinct rows for a year, however many registrations).
        var rows = KAnonymity.Count(registrations.Where(r => r.RegisteredOn.Year == content.Year)
            .Select(r => (IReadOnlyList<string>)
            [
                $"{r.RegisteredOn.Year:0000}-{r.RegisteredOn.Month:00}",
                FrenchLabels.Of(r.Sex),
                AgeBands.Label(AgeBands.Of(r.AgeAtRegistration)),
                // The large area, as the « Région » sheet counts (and masks) them.
                FrenchLabels.Of(Domain.Vocabulary.Regions.AreaOf(r.Region)),
                FrenchLabels.Of(r.Route),
                AdmissibilityOutcomes.Of(r.State) is { } outcome ? AdmissibilityOutcomes.Label(outcome) : NoDecision,
            ]));
        return KAnonymity.Anonymise(columns, rows);
    }

    /// <summary>The five age bands in three: under 36, 36 to 55, 56 and over.</summary>
    private static string WiderAgeBand(string band) => band switch
    {
        "<26" or "26-35" => "<36",
        "36-45" or "46-55" => "36-55",
        _ => band,
    };
}
