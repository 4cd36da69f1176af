using System.Globalization;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.AnnualPack;

public enum PackFormat { Count, Percent, Months, Hours }

/// <summary>
/// One figure of a shared table: a number, or a masked one ("&lt; 5" for 1 to 4 people, "masqué" for a figure hidden so
/// that a small count cannot be worked out again), or nothing to show ("–").
/// </summary>
public readonly record struct PackValue(double? Number, PackFormat Format, string? Mask)
{
    public static PackValue Count(MaskedCount count) =>
        count.Hidden
            ? new(null, PackFormat.Count, SmallCountMasking.IsSmall(count.Count) ? SmallCountMasking.MaskedText : SmallCountMasking.HiddenText)
            : new(count.Count, PackFormat.Count, null);

    /// <summary>A share or rate; hidden when it would give a small count away, absent ("–") when there is none.</summary>
    public static PackValue Percent(double? share, bool hidden) =>
        hidden ? new(null, PackFormat.Percent, SmallCountMasking.HiddenText) : new(share, PackFormat.Percent, null);

    public static PackValue Months(double? months, bool hidden) =>
        hidden ? new(null, PackFormat.Months, SmallCountMasking.HiddenText) : new(months, PackFormat.Months, null);

    /// <summary>Hours of a group of people; hidden when the group is 1 to 4 people (<see cref="SmallCountMasking.HidesGroupFigures"/>).</summary>
    public static PackValue Hours(decimal hours, bool hidden) =>
        hidden ? new(null, PackFormat.Hours, SmallCountMasking.HiddenText) : new((double)hours, PackFormat.Hours, null);

    public bool Masked => Mask is not null;

    /// <summary>The shown number: null when masked or absent.</summary>
    public double? Shown => Masked ? null : Number;

    /// <summary>As the PDF writes it: "1 234", "35,3 %", "12,5" (months), "3,75" (hours), "&lt; 5", "masqué", "–".</summary>
    public string Text => Mask ?? (Number is not { } n ? NoValue : Format switch
    {
        PackFormat.Count => n.ToString("#,##0", French),
        PackFormat.Percent => (n * 100).ToString("0.0", French) + "\u00a0%",
        PackFormat.Hours => n.ToString("#,##0.##", French),
        _ => n.ToString("#,##0.#", French),
    });

    public const string NoValue = "–";

    // French digits with an ordinary no-break space for thousands (the PDF font has it; readers copy it cleanly).
    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0" };
}

public sealed record PackRow(string Label, IReadOnlyList<PackValue> Values, bool IsTotal = false);

/// <summary>
/// One indicator as the shared outputs show it: a table (first column the categories, then figures, maybe a total
/// row), the column its chart draws (and a second one drawn beside it, if any), and a note on what is counted. Built
/// once, drawn by both the workbook and the PDF.
/// </summary>
public sealed record PackTable(
    string SheetName,
    string Title,
    string Section,
    IReadOnlyList<string> Headers,
    IReadOnlyList<PackRow> Rows,
    ChartKind Chart,
    int ChartValue,
    string Note,
    int? SecondChartValue = null)
{
    public IEnumerable<PackRow> Categories => Rows.Where(r => !r.IsTotal);
}

/// <summary>The annual pack's contents for year Y, all from one <see cref="AnnualStatistics"/>, masked for sharing.</summary>
public sealed record AnnualPackContent(int Year, IReadOnlyList<PackRow> Summary, IReadOnlyList<PackTable> Tables)
{
    /// <summary>The certification's name for the titles (<see cref="Certificates.CertificationNames"/>).</summary>
    public string Certification { get; init; } = Certificates.CertificationNames.Fallback.Name;

    /// <summary>The masking explained, one short line each (a sheet shows them on rows of their own).</summary>
    public static readonly IReadOnlyList<string> MaskingNoteLines =
    [
        "« < 5 » : de 1 à 4 personnes (secret statistique).",
        "« masqué » : chiffre caché pour qu'un « < 5 » ne puisse pas être recalculé (autre case, pourcentage, taux ou médiane).",
        "« – » : sans objet.",
    ];

    public static string MaskingNote => string.Join(" ", MaskingNoteLines);

    public static AnnualPackContent From(AnnualStatistics statistics)
    {
        var year = statistics.Year;
        var p = statistics.Profiles;
        var j = statistics.Juries;
        var profiles = $"Profils des candidats inscrits en {year}";
        var juries = $"Jurys de {year}";
        var tables = new List<PackTable>
        {
            Counts("Sexe", "Candidats inscrits par sexe", profiles, "Sexe", Tally(p.Sex, FrenchLabels.Of), ChartKind.Pie,
                $"Inscriptions déposées du 1er janvier au 31 décembre {year}."),
            Counts("Âge", "Candidats inscrits par tranche d'âge", profiles, "Âge à l'inscription (ans révolus)", Tally(p.AgeBand, AgeBands.Label), ChartKind.Bar,
                "Âge en années révolues à la date d'inscription."),
            Counts("Niveau de formation", "Candidats inscrits par niveau de formation", profiles, "Niveau de formation", Tally(p.EducationLevel, EducationLevels.Label), ChartKind.Bar,
                "Niveau du diplôme le plus élevé (nomenclature nationale, niveaux 3 à 8)."),
            Counts("Voie", "Candidats inscrits par voie d'accès", profiles, "Voie", Tally(p.Route, FrenchLabels.Of), ChartKind.Pie,
                "Formation, VAE ou candidat libre."),
            Counts("Statut", "Candidats inscrits par statut", profiles, "Statut à l'inscription", Tally(p.Status, FrenchLabels.Of), ChartKind.Pie,
                "Situation déclarée à l'inscription."),
            Counts("Région", "Candidats inscrits par région", profiles, "Région", Tally(p.Region, FrenchLabels.Of), ChartKind.Bar,
                "Grandes régions proposées par l'accord, et l'outre-mer."),
            Counts("Recevabilité", "Décision de recevabilité des inscrits", profiles, "Recevabilité",
                [.. Tally(p.Admissibility, AdmissibilityOutcomes.Label), ("Sans décision (abandon)", p.Total - p.Admissibility.Sum)], ChartKind.Pie,
                "État de la demande à la date du bilan ; un dossier abandonné n'a pas de décision."),
            Counts("Financement", "Candidats inscrits par financement", profiles, "Financement",
                [.. Tally(p.Funding, FrenchLabels.Of), ("Non renseigné", p.FundingNotGiven)], ChartKind.Bar,
                "Dispositif de financement déclaré à l'inscription."),
            Experience(p, profiles),
            Counts("Diplôme", "Candidats inscrits par diplôme le plus élevé", profiles, "Diplôme le plus élevé",
                [.. Tally(p.DiplomaGroup, DiplomaGroups.Label), (Statistics.StatisticsJson.NotGiven, p.DiplomaGroupNotGiven)], ChartKind.Bar,
                "Diplôme déclaré à l'inscription, par groupe de la liste du bulletin ; « Non renseigné » : dossiers antérieurs à la liste dont l'intitulé ne dit pas le groupe."),
            Sectors(p, profiles),
            Counts("Années de télésecrétariat", "Expérience en télésecrétariat des candidats inscrits", profiles, "Expérience (années révolues)",
                Tally(p.TeleSecretaryYears, ExperienceBands.Label), ChartKind.Bar, "Expérience continue en télésecrétariat déclarée à l'inscription, en équivalent temps plein."),
            Counts("Années au téléphone", "Expérience en emploi au téléphone des candidats inscrits", profiles, "Expérience (années révolues)",
                Tally(p.PhoneJobYears, ExperienceBands.Label), ChartKind.Bar, "Expérience dans un emploi comportant du temps au téléphone, déclarée à l'inscription ; « Moins d'un an » compte aussi ceux qui n'en ont pas."),
            Counts("Résultats des jurys", "Décisions de jury par résultat", juries, "Résultat", Tally(j.Result, FrenchLabels.Of), ChartKind.Pie,
                $"Décisions de jury datées de {year}."),
            Units(j, juries),
        };
        foreach (var wave in statistics.Holders) tables.AddRange(Holders(wave, year));
        tables.Add(Training(statistics.Training, year));

        // A figure the summary repeats from a sheet is shown as that sheet shows it: masked there to protect another
        // cell (« masqué »), it is masked here too, else the summary would give that cell back.
        PackValue Cell(string sheet, string label) => tables.First(t => t.SheetName == sheet).Rows.First(r => r.Label == label).Values[0];
        var summary = new List<PackRow>
        {
            Line("Candidats inscrits", PackValue.Count(MaskedCount.Of(p.Total))),
            Line("dont recevables", Cell("Recevabilité", AdmissibilityOutcomes.Label(AdmissibilityOutcome.Admissible))),
            Line("Décisions de jury", PackValue.Count(MaskedCount.Of(j.Total))),
            Line("dont validations totales", Cell("Résultats des jurys", FrenchLabels.Of(JuryResult.TotalValidation))),
        };
        foreach (var wave in statistics.Holders)
        {
            var label = FrenchLabels.Of(wave.Wave);
            summary.Add(Line($"Réponses à l'enquête à {label}",
                wave.Situation.Sum == wave.Responses ? Cell($"{label} – situation", "Total") : PackValue.Count(MaskedCount.Of(wave.Responses))));
            summary.Add(Line($"Taux de réponse à {label}", PackValue.Percent(wave.ResponseRate, wave.Invited > 0 && SmallCountMasking.HidesRate(wave.InvitedAnswered, wave.Invited))));
        }
        var trainingHidden = SmallCountMasking.HidesGroupFigures(statistics.Training.Trainees);
        summary.Add(Line("Stagiaires en formation", PackValue.Count(MaskedCount.Of(statistics.Training.Trainees))));
        summary.Add(Line("Heures de formation réalisées", PackValue.Hours(statistics.Training.DoneHours, trainingHidden)));
        return new AnnualPackContent(year, summary, tables);
    }

    private static PackRow Line(string label, PackValue value) => new(label, [value]);

    internal static List<(string Label, int Count)> Tally<TKey>(Tally<TKey> tally, Func<TKey, string> label) where TKey : notnull =>
        // Labels are merged as in the JSON, so an unexpected value sharing a label ("Autre") never repeats a row.
        tally.Entries.GroupBy(e => label(e.Key)).Select(g => (g.Key, g.Sum(e => e.Count))).ToList();

    internal static PackTable Counts(string sheet, string title, string section, string header, IReadOnlyList<(string Label, int Count)> rows, ChartKind chart, string note)
    {
        var masked = SmallCountMasking.Mask(rows.Select(r => r.Count).ToList());
        var lines = rows.Select((r, i) => new PackRow(r.Label, [PackValue.Count(masked.Cells[i]), PackValue.Percent(masked.Share(i), hidden: masked.Cells[i].Hidden || masked.Total.Hidden)]))
            .Append(new PackRow("Total", [PackValue.Count(masked.Total), PackValue.Percent(masked.Total.Count == 0 ? null : 1, masked.Total.Hidden)], IsTotal: true))
            .ToList();
        return new PackTable(sheet, title, section, [header, "Effectif", "Part"], lines, chart, 0, note);
    }

    private static PackTable Experience(ProfileStatistics p, string section)
    {
        var total = MaskedCount.Of(p.Total);
        return new PackTable("Expérience", "Expérience des candidats inscrits (médiane)", section, ["Expérience", "Médiane (mois)", "Inscrits"],
            [
                new("Télésecrétariat", [PackValue.Months(p.MedianTeleSecretaryMonths, total.Hidden), PackValue.Count(total)]),
                new("Emploi au téléphone", [PackValue.Months(p.MedianPhoneJobMonths, total.Hidden), PackValue.Count(total)]),
            ],
            ChartKind.Bar, 0, "Durées déclarées à l'inscription, en mois ; la médiane d'un groupe de moins de 5 personnes est masquée.");
    }

    /// <summary>
    /// Candidates who named each sector: a candidate may name several, so the lines add up to more than the candidates
    /// and no line can be worked out from the others; each count of 1 to 4 is masked, and its share with it.
    /// </summary>
    private static PackTable Sectors(ProfileStatistics p, string section)
    {
        var total = MaskedCount.Of(p.Total);
        var rows = Tally(p.Sectors, ExperienceSectors.Label).Append((Statistics.StatisticsJson.NotGiven, p.SectorsNotGiven))
            .Select(r =>
            {
                var count = MaskedCount.Of(r.Item2);
                return new PackRow(r.Item1, [PackValue.Count(count), PackValue.Percent(p.Total == 0 ? null : (double)r.Item2 / p.Total, count.Hidden || total.Hidden)]);
            })
            .Append(new PackRow("Candidats inscrits", [PackValue.Count(total), PackValue.Percent(p.Total == 0 ? null : 1, total.Hidden)], IsTotal: true))
            .ToList();
        return new PackTable("Secteurs d'expérience", "Secteurs d'expérience des candidats inscrits", section, ["Secteur", "Candidats", "Part des inscrits"],
            rows, ChartKind.Bar, 0, "Secteurs où le candidat a travaillé, choisis dans la liste du bulletin ; plusieurs réponses possibles, la somme dépasse donc le nombre d'inscrits.");
    }

    private static PackTable Units(JuryStatistics j, string section)
    {
        var rows = j.Units.Select(u =>
        {
            // Validated and not validated share the row's total: either one small hides both.
            var masked = SmallCountMasking.Mask([u.Validated, u.Results - u.Validated]);
            return new PackRow($"Unité {u.UnitNumber}",
                [PackValue.Count(masked.Total), PackValue.Count(masked.Cells[0]), PackValue.Percent(u.Rate, SmallCountMasking.HidesRate(u.Validated, u.Results))]);
        }).ToList();
        return new PackTable("Validation par unité", "Taux de validation par unité", section, ["Unité", "Résultats", "Unités validées", "Taux de validation"],
            rows, ChartKind.Bar, 2, "Résultats donnés par les jurys de l'année pour chaque unité ; taux = unités validées / résultats.");
    }

    /// <summary>
    /// Planned and done hours per unit of the year's trainees, and the totals. The trainees' count is in the note (and
    /// the summary); when they are 1 to 4, every hour is masked: it would describe them.
    /// </summary>
    private static PackTable Training(TrainingStatistics t, int year)
    {
        var hidden = SmallCountMasking.HidesGroupFigures(t.Trainees);
        var trainees = PackValue.Count(MaskedCount.Of(t.Trainees));
        var rows = t.Units.Select(u => new PackRow(u.Label, [PackValue.Hours(u.PlannedHours, hidden), PackValue.Hours(u.DoneHours, hidden)]))
            .Append(new PackRow("Total", [PackValue.Hours(t.PlannedHours, hidden), PackValue.Hours(t.DoneHours, hidden)], IsTotal: true))
            .ToList();
        return new PackTable("Formation", "Heures de formation prévues et réalisées par unité", $"Formation en {year}", ["Unité", "Heures prévues", "Heures réalisées"],
            rows, ChartKind.Bar, 0,
            $"Stagiaires de l'année : {trainees.Text} (inscrits en voie formation ayant au moins une demi-journée de formation en {year}). "
                + $"Heures prévues : celles de leur parcours en vigueur ; heures réalisées : heures de présence aux sessions de formation de {year}. "
                + "Pour moins de 5 stagiaires, les heures sont masquées.",
            SecondChartValue: 1);
    }

    private static IEnumerable<PackTable> Holders(HolderStatistics h, int year)
    {
        var wave = FrenchLabels.Of(h.Wave);
        var section = $"Titulaires : enquête à {wave} ({year})";
        yield return Counts($"{wave} – situation", $"Situation des titulaires à {wave}", section, "Situation", Tally(h.Situation, FrenchLabels.Of), ChartKind.Pie,
            $"Réponses à l'enquête à {wave} reçues en {year}.");
        yield return Counts($"{wave} – contrat", $"Contrat des titulaires en emploi à {wave}", section, "Contrat", Tally(h.Contract, FrenchLabels.Of), ChartKind.Pie,
            "Titulaires en emploi seulement.");
        yield return Counts($"{wave} – secteur", $"Secteur des titulaires en emploi à {wave}", section, "Secteur", Tally(h.Sector, FrenchLabels.Of), ChartKind.Pie,
            "Titulaires en emploi seulement.");
        yield return Counts($"{wave} – emploi branche", $"Emploi occupé dans la branche à {wave}", section, "Emploi déclaré",
            [.. h.JobTitles.Select(j => (j.Label, j.Count)), (Statistics.StatisticsJson.NotGiven, h.JobTitleNotGiven)], ChartKind.Bar,
            "Titulaires en emploi dans la branche ; intitulés regroupés sans tenir compte des majuscules, accents et espaces, ceux de moins de 5 titulaires réunis.");
        yield return Counts($"{wave} – niveau formation", $"Niveau de la formation suivie à {wave}", section, "Niveau (Éducation nationale)",
            [.. Tally(h.TrainingLevel, EducationLevels.Label), (Statistics.StatisticsJson.NotGiven, h.TrainingLevelNotGiven)], ChartKind.Bar,
            "Titulaires en formation seulement.");
        yield return Counts($"{wave} – code NSF", $"Spécialité (NSF) de la formation suivie à {wave}", section, "Groupe de spécialités NSF",
            [.. Tally(h.NsfGroup, g => g), (Statistics.StatisticsJson.NotGiven, h.NsfNotGiven), (Statistics.StatisticsJson.NsfOutsideList, h.NsfOutsideList)], ChartKind.Bar,
            "Titulaires en formation seulement ; codes NSF regroupés par groupe à deux chiffres de la nomenclature des spécialités de formation.");
        var invited = SmallCountMasking.Mask([h.InvitedAnswered, h.Invited - h.InvitedAnswered]);
        yield return new PackTable($"{wave} – réponse", $"Taux de réponse à l'enquête à {wave}", section, ["Titulaires", "Effectif", "Part"],
            [
                new("Invités dans l'année", [PackValue.Count(invited.Total), PackValue.Percent(h.Invited == 0 ? null : 1, invited.Total.Hidden)]),
                new("dont ont répondu", [PackValue.Count(invited.Cells[0]), PackValue.Percent(h.ResponseRate, h.Invited > 0 && SmallCountMasking.HidesRate(h.InvitedAnswered, h.Invited))]),
                new("Réponses reçues dans l'année", [PackValue.Count(MaskedCount.Of(h.Responses)), PackValue.Percent(null, false)]),
            ],
            ChartKind.Bar, 0, $"Taux de réponse : parmi les titulaires invités en {year}, ceux qui ont répondu (quelle que soit la date de réponse).");
    }
}
