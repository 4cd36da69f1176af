using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Records;

/// <summary>
/// The labels an import reads, built from <see cref="FrenchLabels"/> and <see cref="EducationLevels"/> (the labels of the
/// statistics JSON), plus the template's shorter labels where the issue gives them; compared by <see cref="RecordText.Key"/>.
/// </summary>
public sealed class RecordLabels<T>(IEnumerable<(string Label, T Value)> labels)
{
    private readonly Dictionary<string, T> values = labels.GroupBy(l => RecordText.Key(l.Label)).ToDictionary(g => g.Key, g => g.First().Value);

    // Most cells hold a label exactly as written: found without normalising (100,000-line files).
    private readonly Dictionary<string, T> exact = labels.GroupBy(l => l.Label).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>The labels to show in an error message: the first label given for each value.</summary>
    public IReadOnlyList<string> Expected { get; } = labels.GroupBy(l => l.Value).Select(g => g.First().Label).Distinct().ToList();

    public bool TryRead(string text, out T value) => exact.TryGetValue(text, out value!) || values.TryGetValue(RecordText.Key(text), out value!);
}

public static class ImportLabels
{
    private static RecordLabels<T> Of<T>(Func<T, string> label, params Func<T, string>[] aliases) where T : struct, Enum =>
        new(Enum.GetValues<T>().SelectMany(v => new[] { (label(v), v) }.Concat(aliases.Select(a => (a(v), v)))));

    public static readonly RecordLabels<Sex> Sex = new([("F", Vocabulary.Sex.Female), ("M", Vocabulary.Sex.Male), ("Femme", Vocabulary.Sex.Female), ("Homme", Vocabulary.Sex.Male)]);
    public static readonly RecordLabels<int> EducationLevel = new(EducationLevels.All.Select(l => (EducationLevels.Label(l), l)));
    public static readonly RecordLabels<PhoneJobKind> PhoneJobKind = Of<PhoneJobKind>(FrenchLabels.TemplateLabel, FrenchLabels.Of);
    public static readonly RecordLabels<EmploymentStatus> Status = Of<EmploymentStatus>(FrenchLabels.Of);
    public static readonly RecordLabels<CertificationRoute> Route = Of<CertificationRoute>(FrenchLabels.Of);
    /// <summary>Today's labels, then the labels of the mechanisms the 2019 reform replaced, read as their successors (<see cref="Fundings.OldLabels"/>).</summary>
    public static readonly RecordLabels<Funding> Funding = new(Fundings.Offered
        .SelectMany(v => new[] { (FrenchLabels.TemplateLabel(v), v), (FrenchLabels.Of(v), v) }).Concat(Fundings.OldLabels));
    public static readonly RecordLabels<Region> Region = Of<Region>(FrenchLabels.Of);

    /// <summary>The three outcomes of the statistics (Recevable, Non recevable, En attente), plus the portal's Incomplet, Abandon and Délai dépassé.</summary>
    public static readonly RecordLabels<RegistrationState> Admissibility = new(
        new[] { RegistrationState.Admissible, RegistrationState.NotAdmissible, RegistrationState.Submitted, RegistrationState.Incomplete, RegistrationState.Withdrawn, RegistrationState.Expired }
            .Select(s => (FrenchLabels.Of(s), s)));

    public static readonly RecordLabels<JuryResult> JuryResult = Of<JuryResult>(FrenchLabels.Of);
    public static readonly RecordLabels<SurveyWave> Wave = Of<SurveyWave>(FrenchLabels.Of, w => ((int)w).ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static readonly RecordLabels<HolderSituation> Situation = Of<HolderSituation>(FrenchLabels.Of);
    public static readonly RecordLabels<EmploymentContract> Contract = Of<EmploymentContract>(FrenchLabels.Of);
    public static readonly RecordLabels<EmploymentSector> Sector = Of<EmploymentSector>(FrenchLabels.Of);

    /// <summary>A training's level: "Niveau 3" to "Niveau 8" (or the bare number).</summary>
    public static readonly RecordLabels<int> TrainingLevel = new(EducationLevels.All.Where(l => l != EducationLevels.None)
        .SelectMany(l => new[] { (EducationLevels.Label(l), l), (l.ToString(System.Globalization.CultureInfo.InvariantCulture), l) }));
}
