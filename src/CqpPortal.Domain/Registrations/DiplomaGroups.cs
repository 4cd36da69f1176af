using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Registrations;

/// <summary>
/// The highest diploma as the registration form asks it: a fixed grouped list (cahier des charges, part 5: « Niveau
/// scolaire/universitaire voire diplômes obtenus »), the statistics' categories; the diploma's title stays free text.
/// </summary>
public enum DiplomaGroup
{
    None = 1,
    CapBep = 2,
    GeneralBaccalaureate = 3,
    TechnologicalBaccalaureate = 4,
    ProfessionalBaccalaureate = 5,
    TwoYearsAfterBaccalaureate = 6,
    ThreeYearsOrMoreAfterBaccalaureate = 7,
    Other = 8,
}

public static class DiplomaGroups
{
    public static readonly IReadOnlyList<DiplomaGroup> All = Enum.GetValues<DiplomaGroup>();

    /// <summary>What the statistics write for a registration without a group (imported or made before the list existed, title unknown).</summary>
    public const string NotGivenLabel = "Non renseigné";

    public static bool IsValid(DiplomaGroup group) => Enum.IsDefined(group);

    public static string Label(DiplomaGroup group) => group switch
    {
        DiplomaGroup.None => "Aucun diplôme",
        DiplomaGroup.CapBep => "CAP, BEP",
        DiplomaGroup.GeneralBaccalaureate => "Baccalauréat général",
        DiplomaGroup.TechnologicalBaccalaureate => "Baccalauréat technologique",
        DiplomaGroup.ProfessionalBaccalaureate => "Baccalauréat professionnel",
        DiplomaGroup.TwoYearsAfterBaccalaureate => "Bac + 2 (BTS, DUT, DEUG…)",
        DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate => "Bac + 3 et plus (licence, BUT, master…)",
        DiplomaGroup.Other => "Autre diplôme",
        _ => group.ToString(),
    };

    public static string Label(DiplomaGroup? group) => group is { } g ? Label(g) : NotGivenLabel;

    /// <summary>
    /// The group of a diploma known only by its title and level (old imports, registrations made before the list):
    /// the title's usual words first (« Bac pro », « BTS », « Licence »…), then the level when it says it alone
    /// (no diploma, 3, 5, 6 and above); null when neither tells (a level 4 without a title: which baccalauréat?).
    /// </summary>
    public static DiplomaGroup? Infer(string? title, int educationLevel)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            var letters = RecordText.Key(title).Select(c => char.IsLetterOrDigit(c) || c == '+' ? c : ' ').ToArray();
            var words = new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var text = " " + string.Join(' ', words) + " ";
            bool Has(params string[] any) => any.Any(a => text.Contains(" " + a + " ", StringComparison.Ordinal));
            if (Has("aucun", "sans diplome", "aucun diplome")) return DiplomaGroup.None;
            if (Has("licence", "master", "but", "doctorat", "bac+3", "bac+5", "bac + 3", "bac + 5", "ingenieur")) return DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate;
            if (Has("bts", "dut", "deug", "bac+2", "bac + 2", "deust")) return DiplomaGroup.TwoYearsAfterBaccalaureate;
            if (Has("bac pro", "baccalaureat professionnel", "bac professionnel")) return DiplomaGroup.ProfessionalBaccalaureate;
            if (Has("bac techno", "baccalaureat technologique", "bac technologique", "stmg", "stg", "sms", "st2s")) return DiplomaGroup.TechnologicalBaccalaureate;
            if (Has("cap", "bep")) return DiplomaGroup.CapBep;
            // A baccalauréat named without its kind is most often the general one.
            if (Has("bac", "baccalaureat", "bac general", "baccalaureat general")) return DiplomaGroup.GeneralBaccalaureate;
        }
        return educationLevel switch
        {
            EducationLevels.None => DiplomaGroup.None,
            3 => DiplomaGroup.CapBep,
            5 => DiplomaGroup.TwoYearsAfterBaccalaureate,
            >= 6 and <= 8 => DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate,
            _ => string.IsNullOrWhiteSpace(title) ? null : DiplomaGroup.Other,
        };
    }
}
