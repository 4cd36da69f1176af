using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Statistics;

/// <summary>One category of an indicator and its count.</summary>
public sealed record IndicatorRow(string Label, int Count);

/// <summary>
/// An indicator of the dashboard: its table (count and share of the indicator's total) is the truth the page renders;
/// the chart drawn in the browser reads the same cells. Chart: "bar", "hbar" (long labels) or "pie". A question with
/// several answers per person gives <paramref name="Whole"/>: the people asked, which the shares are of.
/// </summary>
public sealed record Indicator(string Id, string Title, string Chart, IReadOnlyList<IndicatorRow> Rows, string? Note = null, int HeadingLevel = 3,
    int? Whole = null, string TotalLabel = "Total")
{
    public int Total => Whole ?? Rows.Sum(r => r.Count);

    public double? Share(int count) => Total == 0 ? null : (double)count / Total;

    /// <summary>
    /// Whether a chart is drawn: not for all-zero data, where a pie would draw equal slices of nothing (issue 17); the
    /// figure says « Aucune donnée » instead, and the table still gives its zeros.
    /// </summary>
    public bool HasData => Rows.Any(r => r.Count > 0);

    public const string NoDataText = "Aucune donnée";
}

/// <summary>A line of the three-year comparison: a count or a share (0–1, null without data) per year.</summary>
public sealed record ComparisonRow(string Label, IReadOnlyList<double?> Values);

/// <summary>The dashboard of a year, built from the statistics module only (the same figures as the JSON and the pack).</summary>
public sealed class StatisticsDashboard
{
    private StatisticsDashboard(AnnualStatistics current, IReadOnlyList<AnnualStatistics> compared)
    {
        Current = current;
        Compared = compared;
        var p = current.Profiles;
        Profiles =
        [
            new("sexe", "Sexe", "pie", p.Sex.Entries.Select(e => new IndicatorRow(e.Key == Sex.Female ? "Femmes" : "Hommes", e.Count)).ToList()),
            new("age", "Âge à l'inscription", "bar", Rows(p.AgeBand, AgeBands.Label)),
            new("niveau", "Niveau de formation", "hbar", Rows(p.EducationLevel, EducationLevels.Label)),
            new("voie", "Voie d'accès", "pie", Rows(p.Route, FrenchLabels.Of)),
            new("statut", "Statut à l'inscription", "pie", Rows(p.Status, FrenchLabels.Of)),
            new("region", "Région", "hbar", Rows(p.Region, FrenchLabels.Of)),
            new("recevabilite", "Recevabilité", "pie", Rows(p.Admissibility, AdmissibilityOutcomes.Label),
                "Les dossiers abandonnés ne comptent que dans le total des inscriptions ; un parcours au délai dépassé avait été déclaré recevable."),
            new("parcours-clos", "Parcours clos avant leur terme", "bar", Rows(p.Closures, JourneyClosures.Label), "Abandons (du candidat ou enregistrés par l'organisme) et délais dépassés."),
            new("diplome", "Diplôme le plus élevé", "hbar", [.. Rows(p.DiplomaGroup, DiplomaGroups.Label), new(StatisticsJson.NotGiven, p.DiplomaGroupNotGiven)],
                "« Non renseigné » : dossiers antérieurs à la liste du bulletin dont l'intitulé ne dit pas le groupe."),
            new("secteurs", "Secteurs d'expérience", "hbar", [.. Rows(p.Sectors, ExperienceSectors.Label), new(StatisticsJson.NotGiven, p.SectorsNotGiven)],
                "Plusieurs réponses possibles : les parts sont celles des candidats inscrits.", Whole: p.Total, TotalLabel: "Candidats inscrits"),
            new("experience-telesecretariat", "Expérience en télésecrétariat", "bar", Rows(p.TeleSecretaryYears, ExperienceBands.Label), "Années révolues, en équivalent temps plein."),
            new("experience-telephone", "Expérience en emploi au téléphone", "bar", Rows(p.PhoneJobYears, ExperienceBands.Label), "Années révolues ; « Moins d'un an » compte aussi ceux qui n'en ont pas."),
        ];
        JuryResults = new("resultats", "Résultats des jurys", "pie", Rows(current.Juries.Result, FrenchLabels.Of));
        Holders = current.Holders.Select(h =>
        {
            var wave = FrenchLabels.Of(h.Wave);
            var id = h.Wave == SurveyWave.SixMonths ? "6" : "24";
            return new HolderWave(h,
            [
                new($"situation-{id}", $"Situation à {wave}", "pie", Rows(h.Situation, FrenchLabels.Of), HeadingLevel: 4),
                new($"contrat-{id}", $"Contrat à {wave} (titulaires en emploi)", "bar", Rows(h.Contract, FrenchLabels.Of), HeadingLevel: 4),
                new($"secteur-{id}", $"Secteur à {wave} (titulaires en emploi)", "pie", Rows(h.Sector, FrenchLabels.Of), HeadingLevel: 4),
                new($"emploi-{id}", $"Emploi occupé dans la branche à {wave}", "hbar", [.. h.JobTitles.Select(j => new IndicatorRow(j.Label, j.Count)), new(StatisticsJson.NotGiven, h.JobTitleNotGiven)],
                    "Intitulés regroupés sans tenir compte des majuscules, accents et espaces ; ceux de moins de 5 titulaires sont réunis.", HeadingLevel: 4),
                new($"niveau-formation-{id}", $"Niveau de la formation suivie à {wave}", "bar", [.. Rows(h.TrainingLevel, EducationLevels.Label), new(StatisticsJson.NotGiven, h.TrainingLevelNotGiven)],
                    "Titulaires en formation.", HeadingLevel: 4),
                new($"nsf-{id}", $"Spécialité (NSF) de la formation suivie à {wave}", "hbar",
                    [.. Rows(h.NsfGroup, g => g), new(StatisticsJson.NotGiven, h.NsfNotGiven), new(StatisticsJson.NsfOutsideList, h.NsfOutsideList)],
                    "Titulaires en formation, par groupe à deux chiffres de la nomenclature des spécialités de formation.", HeadingLevel: 4),
            ]);
        }).ToList();
        Counts =
        [
            new("Inscriptions déposées", compared.Select(y => (double?)y.Profiles.Total).ToList()),
            new("Stagiaires en formation", compared.Select(y => (double?)y.Training.Trainees).ToList()),
            new("Décisions de jury", compared.Select(y => (double?)y.Juries.Total).ToList()),
            new("Réponses à l'enquête à 6 mois", compared.Select(y => (double?)y.Holder(SurveyWave.SixMonths).Responses).ToList()),
            new("Réponses à l'enquête à 24 mois", compared.Select(y => (double?)y.Holder(SurveyWave.TwentyFourMonths).Responses).ToList()),
        ];
        Shares =
        [
            new("Part des femmes parmi les inscrits", compared.Select(y => Ratio(y.Profiles.Sex[Sex.Female], y.Profiles.Total)).ToList()),
            new("Part de la voie formation", compared.Select(y => Ratio(y.Profiles.Route[CertificationRoute.Training], y.Profiles.Total)).ToList()),
            new("Part de la VAE", compared.Select(y => Ratio(y.Profiles.Route[CertificationRoute.Vae], y.Profiles.Total)).ToList()),
            new("Part des validations totales parmi les décisions de jury", compared.Select(y => Ratio(y.Juries.Result[JuryResult.TotalValidation], y.Juries.Total)).ToList()),
            new("Part des titulaires en emploi à 6 mois", compared.Select(y => Ratio(y.Holder(SurveyWave.SixMonths).Situation[HolderSituation.Employed], y.Holder(SurveyWave.SixMonths).Responses)).ToList()),
        ];
    }

    public AnnualStatistics Current { get; }
    public int Year => Current.Year;

    /// <summary>The compared years, oldest first, ending with the chosen year.</summary>
    public IReadOnlyList<AnnualStatistics> Compared { get; }
    public IReadOnlyList<Indicator> Profiles { get; }
    public Indicator JuryResults { get; }
    public IReadOnlyList<UnitValidation> UnitRates => Current.Juries.Units;
    public IReadOnlyList<HolderWave> Holders { get; }
    public IReadOnlyList<ComparisonRow> Counts { get; }
    public IReadOnlyList<ComparisonRow> Shares { get; }

    public const int ComparedYears = 3;

    /// <summary>The certification the figures are of (null: every certification).</summary>
    public StatisticsCertification? Certification { get; private init; }

    /// <summary>The chosen year and the two before it, taken from <paramref name="years"/> or empty when a year had no activity.</summary>
    public static StatisticsDashboard For(int year, IReadOnlyList<AnnualStatistics> years, StatisticsCertification? certification = null)
    {
        AnnualStatistics Of(int y) => years.FirstOrDefault(s => s.Year == y) ?? AnnualStatistics.Compute(y, [], [], []);
        var compared = Enumerable.Range(year - ComparedYears + 1, ComparedYears).Where(AnnualStatistics.IsValidYear).Select(Of).ToList();
        return new StatisticsDashboard(Of(year), compared) { Certification = certification };
    }

    private static List<IndicatorRow> Rows<TKey>(Tally<TKey> tally, Func<TKey, string> label) where TKey : notnull =>
        tally.Entries.GroupBy(e => label(e.Key)).Select(g => new IndicatorRow(g.Key, g.Sum(e => e.Count))).ToList();

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

public sealed record HolderWave(HolderStatistics Statistics, IReadOnlyList<Indicator> Indicators);
