using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Reports.ThreeYears;

/// <summary>One block of a three-year sheet: a title, then lines with one figure per year (oldest first).</summary>
public sealed record ThreeYearBlock(string Title, IReadOnlyList<PackRow> Rows, string? Note = null);

/// <summary>A sheet of the three-year workbook.</summary>
public sealed record ThreeYearSheet(string Name, IReadOnlyList<ThreeYearBlock> Blocks);

/// <summary>
/// The main figures of three consecutive years side by side, for the CPNEFP's review of the certification at the end
/// of its probationary period (accord, article 5: « Au terme d'une période probatoire de 3 ans, les membres de la
/// CPNEFP dresseront un bilan des résultats du certificat »). Every year is masked on its own as in the annual pack
/// (<see cref="SmallCountMasking"/>): each column of a table is that year's table.
/// </summary>
public sealed record ThreeYearContent(string Certification, IReadOnlyList<int> Years, IReadOnlyList<ThreeYearSheet> Sheets)
{
    public const int YearCount = 3;

    public static string Title(int from, int to) => $"Bilan sur trois ans ({from}-{to})";

    public static ThreeYearContent From(string certification, IReadOnlyList<AnnualStatistics> years)
    {
        var p = years.Select(y => y.Profiles).ToList();
        var j = years.Select(y => y.Juries).ToList();
        var key = new List<PackRow>
        {
            Count("Candidats inscrits", years.Select(y => y.Profiles.Total)),
            Count("dont déclarés recevables", years.Select(y => y.Profiles.Admissibility[AdmissibilityOutcome.Admissible])),
            Count("Stagiaires en formation", years.Select(y => y.Training.Trainees)),
            Count("Décisions de jury", years.Select(y => y.Juries.Total)),
            Count("dont validations totales", years.Select(y => y.Juries.Result[JuryResult.TotalValidation])),
        };
        foreach (var wave in Enum.GetValues<SurveyWave>())
        {
            var label = FrenchLabels.Of(wave);
            var h = years.Select(y => y.Holder(wave)).ToList();
            key.Add(Count($"Réponses à l'enquête à {label}", h.Select(x => x.Responses)));
            key.Add(new PackRow($"Taux de réponse à {label}", h.Select(x => PackValue.Percent(x.ResponseRate, x.Invited > 0 && SmallCountMasking.HidesRate(x.InvitedAnswered, x.Invited))).ToList()));
            key.Add(new PackRow($"Part des titulaires en emploi à {label}", h.Select(x =>
                PackValue.Percent(x.Responses == 0 ? null : (double)x.Situation[HolderSituation.Employed] / x.Responses,
                    x.Responses > 0 && SmallCountMasking.HidesRate(x.Situation[HolderSituation.Employed], x.Responses))).ToList()));
        }

        var sheets = new List<ThreeYearSheet>
        {
            new("Chiffres clés", [new("Chiffres clés", key)]),
            new("Profils",
            [
                Table("Sexe", p.Select(x => Tally(x.Sex, FrenchLabels.Of))),
                Table("Âge à l'inscription", p.Select(x => Tally(x.AgeBand, AgeBands.Label))),
                Table("Niveau de formation", p.Select(x => Tally(x.EducationLevel, EducationLevels.Label))),
                Table("Diplôme le plus élevé", p.Select(x => Tally(x.DiplomaGroup, DiplomaGroups.Label).Append((StatisticsJson.NotGiven, x.DiplomaGroupNotGiven)).ToList())),
                Table("Voie d'accès", p.Select(x => Tally(x.Route, FrenchLabels.Of))),
                Table("Statut à l'inscription", p.Select(x => Tally(x.Status, FrenchLabels.Of))),
                Table("Région", p.Select(x => Tally(x.Region, FrenchLabels.Of))),
                Table("Expérience en télésecrétariat", p.Select(x => Tally(x.TeleSecretaryYears, ExperienceBands.Label))),
                Table("Expérience en emploi au téléphone", p.Select(x => Tally(x.PhoneJobYears, ExperienceBands.Label))),
                Sectors(p),
            ]),
            new("Jurys",
            [
                Table("Résultats des jurys", j.Select(x => Tally(x.Result, FrenchLabels.Of))),
                Units(j),
            ]),
        };
        foreach (var wave in Enum.GetValues<SurveyWave>())
        {
            var label = FrenchLabels.Of(wave);
            var h = years.Select(y => y.Holder(wave)).ToList();
            sheets.Add(new($"Titulaires à {label}",
            [
                Table($"Situation à {label}", h.Select(x => Tally(x.Situation, FrenchLabels.Of))),
                Table("Contrat (titulaires en emploi)", h.Select(x => Tally(x.Contract, FrenchLabels.Of))),
                Table("Secteur (titulaires en emploi)", h.Select(x => Tally(x.Sector, FrenchLabels.Of))),
                Table("Niveau de la formation suivie (titulaires en formation)", h.Select(x => Tally(x.TrainingLevel, EducationLevels.Label).Append((StatisticsJson.NotGiven, x.TrainingLevelNotGiven)).ToList())),
                Table("Spécialité NSF de la formation suivie (titulaires en formation)", h.Select(x => Tally(x.NsfGroup, g => g)
                    .Append((StatisticsJson.NotGiven, x.NsfNotGiven)).Append((StatisticsJson.NsfOutsideList, x.NsfOutsideList)).ToList())),
            ]));
        }
        return new ThreeYearContent(certification, years.Select(y => y.Year).ToList(), sheets);
    }

    private static PackRow Count(string label, IEnumerable<int> counts) => new(label, counts.Select(c => PackValue.Count(MaskedCount.Of(c))).ToList());

    private static List<(string Label, int Count)> Tally<TKey>(Tally<TKey> tally, Func<TKey, string> label) where TKey : notnull =>
        tally.Entries.GroupBy(e => label(e.Key)).Select(g => (g.Key, g.Sum(e => e.Count))).ToList();

    /// <summary>
    /// A tally per year, side by side: the lines are every label met in any year (in the order first met), each year's
    /// column masked as that year's table, with its total.
    /// </summary>
    private static ThreeYearBlock Table(string title, IEnumerable<List<(string Label, int Count)>> perYear)
    {
        var years = perYear.ToList();
        var labels = years.SelectMany(y => y.Select(r => r.Label)).Distinct().ToList();
        var masked = years.Select(y => SmallCountMasking.Mask(labels.Select(l => y.Where(r => r.Label == l).Sum(r => r.Count)).ToList())).ToList();
        var rows = labels.Select((label, i) => new PackRow(label, masked.Select(m => PackValue.Count(m.Cells[i])).ToList()))
            .Append(new PackRow("Total", masked.Select(m => PackValue.Count(m.Total)).ToList(), IsTotal: true))
            .ToList();
        return new ThreeYearBlock(title, rows);
    }

    /// <summary>Several sectors per candidate: each count is masked on its own (no line is the total minus others).</summary>
    private static ThreeYearBlock Sectors(IReadOnlyList<ProfileStatistics> p)
    {
        var rows = ExperienceSectors.All.Select(s => Count(s.Label, p.Select(x => x.Sectors[s.Code])))
            .Append(Count(StatisticsJson.NotGiven, p.Select(x => x.SectorsNotGiven)))
            .Append(Count("Candidats inscrits", p.Select(x => x.Total)) with { IsTotal = true })
            .ToList();
        return new ThreeYearBlock("Secteurs d'expérience (plusieurs réponses possibles)", rows);
    }

    private static ThreeYearBlock Units(IReadOnlyList<JuryStatistics> j)
    {
        var numbers = j.SelectMany(x => x.Units.Select(u => u.UnitNumber)).Distinct().Order().ToList();
        var rows = numbers.Select(n => new PackRow($"Unité {n} : taux de validation", j.Select(x =>
        {
            var unit = x.Units.FirstOrDefault(u => u.UnitNumber == n);
            return unit is null ? PackValue.Percent(null, false) : PackValue.Percent(unit.Rate, SmallCountMasking.HidesRate(unit.Validated, unit.Results));
        }).ToList())).ToList();
        return new ThreeYearBlock("Taux de validation par unité", rows, "Unités validées / résultats donnés par les jurys de l'année.");
    }
}
