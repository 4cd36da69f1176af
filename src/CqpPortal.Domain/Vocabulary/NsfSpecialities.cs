namespace CqpPortal.Domain.Vocabulary;

/// <summary>A speciality group of the NSF (three digits) and the two-digit group it belongs to.</summary>
public sealed record NsfSpeciality(int Code, string Label)
{
    public int GroupCode => Code / 10;
    public int Domain => Code / 100;
}

/// <summary>
/// The Nomenclature des spécialités de formation (NSF, INSEE/CNIS decree of 1994): the speciality groups of its three
/// professional and disciplinary domains (codes 100 to 346) and their two-digit groups, in French. The survey asks a
/// holder in training their NSF code (cahier des charges: « le code NSF »), written as three digits and possibly a
/// letter for the field (« 324t »); the statistics count them by two-digit group. Personal-development codes (4xx)
/// are not used for a training after this CQP.
/// </summary>
public static class NsfSpecialities
{
    public static readonly IReadOnlyList<NsfSpeciality> All =
    [
        new(100, "Formations générales"),
        new(110, "Spécialités pluriscientifiques"),
        new(111, "Physique-chimie"),
        new(112, "Chimie-biologie, biochimie"),
        new(113, "Sciences naturelles (biologie-géologie)"),
        new(114, "Mathématiques"),
        new(115, "Physique"),
        new(116, "Chimie"),
        new(117, "Sciences de la terre"),
        new(118, "Sciences de la vie"),
        new(120, "Spécialités pluridisciplinaires, sciences humaines et droit"),
        new(121, "Géographie"),
        new(122, "Économie"),
        new(123, "Sciences sociales (y compris démographie, anthropologie)"),
        new(124, "Psychologie"),
        new(125, "Linguistique"),
        new(126, "Histoire"),
        new(127, "Philosophie, éthique et théologie"),
        new(128, "Droit, sciences politiques"),
        new(130, "Spécialités littéraires et artistiques plurivalentes"),
        new(131, "Français, littérature et civilisation française"),
        new(132, "Arts plastiques"),
        new(133, "Musique, arts du spectacle"),
        new(134, "Autres disciplines artistiques et spécialités artistiques plurivalentes"),
        new(135, "Langues et civilisations anciennes"),
        new(136, "Langues vivantes, civilisations étrangères et régionales"),
        new(200, "Technologies industrielles fondamentales"),
        new(201, "Technologies de commandes des transformations industrielles"),
        new(210, "Spécialités plurivalentes de l'agronomie et de l'agriculture"),
        new(211, "Productions végétales, cultures spécialisées et protection des cultures"),
        new(212, "Productions animales, élevage spécialisé, aquaculture, soins aux animaux"),
        new(213, "Forêts, espaces naturels, faune sauvage, pêche"),
        new(214, "Aménagement paysager (parcs, jardins, espaces verts, terrains de sport)"),
        new(220, "Spécialités pluritechnologiques des transformations"),
        new(221, "Agro-alimentaire, alimentation, cuisine"),
        new(222, "Transformations chimiques et apparentées (y compris industrie pharmaceutique)"),
        new(223, "Métallurgie"),
        new(224, "Matériaux de construction, verre, céramique"),
        new(225, "Plasturgie, matériaux composites"),
        new(226, "Papier, carton"),
        new(227, "Énergie, génie climatique"),
        new(230, "Spécialités pluritechnologiques génie civil, construction, bois"),
        new(231, "Mines et carrières, génie civil, topographie"),
        new(232, "Bâtiment : construction et couverture"),
        new(233, "Bâtiment : finitions"),
        new(234, "Travail du bois et de l'ameublement"),
        new(240, "Spécialités pluritechnologiques matériaux souples"),
        new(241, "Textile"),
        new(242, "Habillement (y compris mode, couture)"),
        new(243, "Cuirs et peaux"),
        new(250, "Spécialités pluritechnologiques mécanique-électricité"),
        new(251, "Mécanique générale et de précision, usinage"),
        new(252, "Moteurs et mécanique auto"),
        new(253, "Mécanique aéronautique et spatiale"),
        new(254, "Structures métalliques"),
        new(255, "Électricité, électronique"),
        new(300, "Spécialités plurivalentes des services"),
        new(310, "Spécialités plurivalentes des échanges et de la gestion"),
        new(311, "Transport, manutention, magasinage"),
        new(312, "Commerce, vente"),
        new(313, "Finances, banque, assurances, immobilier"),
        new(314, "Comptabilité, gestion"),
        new(315, "Ressources humaines, gestion du personnel, gestion de l'emploi"),
        new(320, "Spécialités plurivalentes de la communication et de l'information"),
        new(321, "Journalisme et communication"),
        new(322, "Techniques de l'imprimerie et de l'édition"),
        new(323, "Techniques de l'image et du son, métiers connexes du spectacle"),
        new(324, "Secrétariat, bureautique"),
        new(325, "Documentation, bibliothèques, administration des données"),
        new(326, "Informatique, traitement de l'information, réseaux de transmission des données"),
        new(330, "Spécialités plurivalentes sanitaires et sociales"),
        new(331, "Santé"),
        new(332, "Travail social"),
        new(333, "Enseignement, formation"),
        new(334, "Accueil, hôtellerie, tourisme"),
        new(335, "Animation culturelle, sportive et de loisirs"),
        new(336, "Coiffure, esthétique et autres spécialités des services aux personnes"),
        new(340, "Spécialités plurivalentes des services à la collectivité"),
        new(341, "Aménagement du territoire, urbanisme"),
        new(342, "Protection et développement du patrimoine"),
        new(343, "Nettoyage, assainissement, protection de l'environnement"),
        new(344, "Sécurité des biens et des personnes, police, surveillance"),
        new(345, "Application des droits et statut des personnes"),
        new(346, "Spécialités militaires"),
    ];

    /// <summary>The two-digit groups the statistics count by.</summary>
    public static readonly IReadOnlyDictionary<int, string> Groups = new Dictionary<int, string>
    {
        [10] = "Formations générales",
        [11] = "Mathématiques et sciences",
        [12] = "Sciences humaines et droit",
        [13] = "Lettres et arts",
        [20] = "Spécialités industrielles pluritechnologiques",
        [21] = "Agriculture, pêche, forêt et espaces verts",
        [22] = "Transformations",
        [23] = "Génie civil, construction et bois",
        [24] = "Matériaux souples",
        [25] = "Mécanique, électricité, électronique",
        [30] = "Spécialités plurivalentes des services",
        [31] = "Échanges et gestion",
        [32] = "Communication et information",
        [33] = "Services aux personnes",
        [34] = "Services à la collectivité",
    };

    private static readonly Dictionary<int, NsfSpeciality> ByCode = All.ToDictionary(s => s.Code);

    /// <summary>« 324 » or « 324t » (three digits of a listed speciality, then possibly a field letter), spaces around allowed.</summary>
    public static bool IsValid(string? code) => Speciality(code) is not null;

    /// <summary>The listed speciality of a code as typed, or null when it is not one.</summary>
    public static NsfSpeciality? Speciality(string? code)
    {
        var text = code?.Trim() ?? "";
        if (text.Length is not (3 or 4) || !text[..3].All(char.IsAsciiDigit) || (text.Length == 4 && !char.IsAsciiLetter(text[3]))) return null;
        return ByCode.GetValueOrDefault(int.Parse(text[..3], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>« 32 – Communication et information ».</summary>
    public static string GroupLabel(int group) => Groups.TryGetValue(group, out var label) ? $"{group} – {label}" : group.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Label(NsfSpeciality speciality) => $"{speciality.Code} – {speciality.Label}";
}
