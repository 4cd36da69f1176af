using CqpPortal.Domain.Records;

namespace CqpPortal.Domain.Registrations;

/// <summary>A sector of experience the registration form offers: its stored code and its French label.</summary>
public sealed record ExperienceSector(string Code, string Label, IReadOnlyList<string> Aliases);

/// <summary>
/// The sectors where the candidate has worked, from a fixed list (cahier des charges, part 5: « Expérience
/// professionnelle (nombre d'années, dans quels secteurs etc.) »), so the statistics can count them; free text only
/// for « Autre ». Registrations keep the codes; older ones kept free text, read back here as a code when it matches a
/// label (or a usual way of writing it), otherwise as « Autre ».
/// </summary>
public static class ExperienceSectors
{
    public const string OtherCode = "other";

    public static readonly IReadOnlyList<ExperienceSector> All =
    [
        new("medical-secretariat", "Secrétariat médical", ["secretariat medical", "medical", "medecine"]),
        new("legal-secretariat", "Secrétariat juridique", ["secretariat juridique", "juridique", "avocats", "notariat"]),
        new("call-centre", "Permanence téléphonique, centre d'appels",
            ["permanence telephonique", "permanence telephonique d'entreprises", "centre d'appels", "centre d'appel", "call center", "call centre", "telesecretariat", "standard"]),
        new("business-services", "Services aux entreprises", ["services aux entreprises", "secretariat", "assistanat"]),
        new("retail", "Commerce, vente", ["commerce", "vente", "grande distribution"]),
        new("health-social", "Santé, social", ["sante", "social", "medico-social", "hopital"]),
        new("public-administration", "Administration publique", ["administration", "fonction publique", "collectivite"]),
        new("industry-construction", "Industrie, BTP", ["industrie", "btp", "batiment"]),
        new("hospitality", "Hôtellerie, restauration", ["hotellerie", "restauration", "hotellerie-restauration", "tourisme"]),
        new(OtherCode, "Autre secteur", []),
    ];

    public const int OtherTextMaxLength = 200;

    private static readonly Dictionary<string, ExperienceSector> ByCode = All.ToDictionary(s => s.Code);

    private static readonly Dictionary<string, string> CodeByKey = All
        .SelectMany(s => s.Aliases.Append(s.Label).Select(a => (Key: RecordText.Key(a), s.Code)))
        .DistinctBy(a => a.Key).ToDictionary(a => a.Key, a => a.Code);

    public static bool IsCode(string code) => ByCode.ContainsKey(code);

    public static string Label(string code) => ByCode.TryGetValue(code, out var sector) ? sector.Label : code;

    /// <summary>The code of a stored value: a code, a label or a usual way of writing one; « other » for anything else.</summary>
    public static string Classify(string stored) =>
        IsCode(stored) ? stored : CodeByKey.GetValueOrDefault(RecordText.Key(stored), OtherCode);

    /// <summary>
    /// Free-text sectors (an old import file, an old registration) as codes in the list's order, and the texts that
    /// matched none joined as the « Autre » precision (null when every one matched).
    /// </summary>
    public static (IReadOnlyList<string> Codes, string? OtherText) FromFreeText(IEnumerable<string> texts)
    {
        var codes = new HashSet<string>();
        var others = new List<string>();
        foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var code = Classify(text);
            codes.Add(code);
            if (code == OtherCode && text != OtherCode) others.Add(text);
        }
        var other = others.Count == 0 ? null : string.Join(", ", others.Distinct());
        if (other is { Length: > OtherTextMaxLength }) other = other[..OtherTextMaxLength];
        return (All.Select(s => s.Code).Where(codes.Contains).ToList(), other);
    }

    /// <summary>
    /// The sectors as the import template writes them (a file for SIST, read back by <see cref="FromFreeText"/>): the
    /// labels, and the precision of « Autre » in its place.
    /// </summary>
    public static IReadOnlyList<string> AsFreeText(IEnumerable<string> stored, string? otherText)
    {
        var codes = stored.Select(Classify).ToHashSet();
        var texts = All.Where(s => s.Code != OtherCode && codes.Contains(s.Code)).Select(s => s.Label).ToList();
        if (!string.IsNullOrWhiteSpace(otherText)) texts.Add(otherText.Trim());
        else if (codes.Contains(OtherCode)) texts.Add(Label(OtherCode));
        return texts;
    }

    /// <summary>« Secrétariat médical, Autre secteur (crèche) »: the sectors as a person reads them.</summary>
    public static string Describe(IEnumerable<string> stored, string? otherText)
    {
        var codes = stored.Select(Classify).Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(otherText) && !codes.Contains(OtherCode)) codes.Add(OtherCode);
        return string.Join(", ", All.Where(s => codes.Contains(s.Code))
            .Select(s => s.Code == OtherCode && !string.IsNullOrWhiteSpace(otherText) ? $"{s.Label} ({otherText.Trim()})" : s.Label));
    }
}
