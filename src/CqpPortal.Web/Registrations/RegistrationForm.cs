using System.Text.Encodings.Web;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;
using Microsoft.AspNetCore.Html;

namespace CqpPortal.Web.Registrations;

public sealed record FormChoice(string Value, string Label, string? Hint = null);

/// <summary>One question of the registration form: <see cref="Name"/> is the property of the step's InputModel.</summary>
public sealed record FormField(string Name, string Label, string? Help = null, bool Optional = false, IReadOnlyList<FormChoice>? Choices = null, string? Group = null)
{
    public IReadOnlyList<FormChoice> Options => Choices ?? [];

    /// <summary>The label as the online form prints it, with "(facultatif)" when the answer is optional.</summary>
    public IHtmlContent LabelHtml() => new HtmlString(HtmlEncoder.Default.Encode(Label) + (Optional ? " <span class=\"hint\">(facultatif)</span>" : ""));
}

public sealed record FormStep(string Page, string Title, string? Intro, IReadOnlyList<FormField> Fields);

/// <summary>
/// The questions of the "bulletin d'inscription" — labels, choices and help — written once: the online form
/// (Pages/Candidat/Inscription) prints its labels from here and the downloadable PDF is generated from here, so the
/// two cannot diverge.
/// </summary>
public static class RegistrationForm
{
    private static IReadOnlyList<FormChoice> FromEnum<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new FormChoice(v.ToString(), label(v))).ToList();

    // Identity
    public static readonly FormField FirstName = new("FirstName", "Prénom");
    public static readonly FormField LastName = new("LastName", "Nom");
    public static readonly FormField Email = new("Email", "Adresse électronique", "Celle de votre compte sur le portail : nous vous écrivons à cette adresse.");
    public static readonly FormField Phone = new("Phone", "Téléphone", Optional: true);
    public static readonly FormField BirthDate = new("BirthDate", "Date de naissance");
    public static readonly FormField Sex = new("Sex", "Sexe", Choices: [new("Female", "Femme"), new("Male", "Homme")]);
    public static readonly FormField Region = new("Region", "Région", "Celle où vous habitez : les 13 régions de métropole, puis l'outre-mer.",
        Choices: Regions.Offered.Select(r => new FormChoice(r.ToString(), FrenchLabels.Of(r))).ToList());

    // Course
    public const string EmployerGroup = "Employeur";
    public const string EmployerGroupHelp = "si vous êtes salarié(e)";
    public const string EmployerGroupHidden = "Le bloc « Employeur » ne concerne que les salariés : il n'est demandé que si vous avez choisi « Salarié(e) ».";

    public static readonly FormField Route = new("Route", "Voie d'accès au CQP", Choices:
    [
        new(nameof(CertificationRoute.Training), "Formation", "vous suivez la formation (70 heures au moins) puis passez les évaluations"),
        new(nameof(CertificationRoute.Vae), "VAE", "vous faites valider au moins 3 ans d'expérience (livrets 1 et 2), sans formation"),
        new(nameof(CertificationRoute.Free), "Candidat libre", "vous passez directement les évaluations et le jury"),
    ]);
    public static readonly FormField Funding = new("Funding", "Financement envisagé", "Les dispositifs en vigueur depuis 2019 ; si vous ne savez pas encore, choisissez « Autre ».",
        Choices: Fundings.Offered.Select(f => new FormChoice(f.ToString(), FrenchLabels.Of(f))).ToList());
    public static readonly FormField EmploymentStatus = new("EmploymentStatus", "Situation professionnelle", Choices:
    [
        new(nameof(Domain.Vocabulary.EmploymentStatus.Employee), "Salarié(e)"),
        new(nameof(Domain.Vocabulary.EmploymentStatus.JobSeeker), "Demandeur d'emploi"),
        new(nameof(Domain.Vocabulary.EmploymentStatus.Other), "Autre situation"),
    ]);
    public static readonly FormField EmployerName = new("EmployerName", "Nom de l'entreprise", Group: EmployerGroup);
    public static readonly FormField EmployerSiret = new("EmployerSiret", "SIRET de l'établissement", "14 chiffres, sur votre bulletin de paie.", Group: EmployerGroup);
    public static readonly FormField EducationLevel = new("EducationLevel", "Niveau de votre plus haut diplôme ou titre",
        "L'ancien « niveau IV » est le niveau 4 (baccalauréat).",
        Choices: EducationLevels.All.Select(l => new FormChoice(l.ToString(System.Globalization.CultureInfo.InvariantCulture), EducationLevels.Label(l))).ToList());
    public static readonly FormField DiplomaGroup = new("DiplomaGroup", "Plus haut diplôme obtenu",
        Choices: DiplomaGroups.All.Select(g => new FormChoice(g.ToString(), DiplomaGroups.Label(g))).ToList());
    public static readonly FormField HighestDiploma = new("HighestDiploma", "Intitulé de ce diplôme", "Par exemple : bac pro gestion-administration.", Optional: true);

    // Experience
    public const string ExperienceIntro = "Comptez en équivalent temps plein : 12 mois à mi-temps font 6 mois.";
    public const string PhoneJobGroup = "Emploi comportant du temps au téléphone";
    public const string NoPhoneJob = "Aucun emploi au téléphone";

    public static readonly FormField TeleSecretaryMonths = new("TeleSecretaryMonths", "Mois d'expérience continue en télésecrétariat");
    public static readonly FormField PhoneJobMonths = new("PhoneJobMonths", "Mois dans cet emploi", Group: PhoneJobGroup);
    public static readonly FormField PhoneTimeShare = new("PhoneTimeShare", "Part du temps de travail au téléphone (en %)", Group: PhoneJobGroup);
    public static readonly FormField PhoneJobKind = new("PhoneJobKind", "Type de poste", Choices: FromEnum<PhoneJobKind>(FrenchLabels.Of), Group: PhoneJobGroup);
    public static readonly FormField Sectors = new("Sectors", "Secteurs d'activité où vous avez travaillé",
        "Cochez tous ceux qui conviennent.", Optional: true, Choices: ExperienceSectors.All.Select(s => new FormChoice(s.Code, s.Label)).ToList());
    public static readonly FormField OtherSector = new("OtherSector", "Précisez l'autre secteur", "Si vous avez coché « Autre secteur ».", Optional: true);

    // Proofs (« justificatifs »): files online, copies enclosed with the paper form
    public const string ProofsIntro = "Joignez au moins un justificatif de votre expérience (certificat de travail, attestation d'employeur, bulletin de salaire, contrat…) "
        + "et, si vous en avez, vos diplômes : en ligne, des fichiers PDF, JPEG ou PNG ; avec ce bulletin papier, des copies.";

    // Sending
    public static readonly FormField Consent = new("Consent",
        "J'ai lu la notice sur les données personnelles et j'accepte que ces informations soient traitées pour mon inscription, ma certification et le suivi statistique anonyme du dispositif.",
        "La notice est sur le portail, page « Données personnelles » (/confidentialite).");

    public static readonly IReadOnlyList<FormStep> Steps =
    [
        new("Identite", "1. Identité", null, [FirstName, LastName, Email, Phone, BirthDate, Sex, Region]),
        new("Parcours", "2. Parcours", null, [Route, Funding, EmploymentStatus, EmployerName, EmployerSiret, EducationLevel, DiplomaGroup, HighestDiploma]),
        new("Experience", "3. Expérience professionnelle", ExperienceIntro, [TeleSecretaryMonths, PhoneJobMonths, PhoneTimeShare, PhoneJobKind, Sectors, OtherSector]),
        new("Justificatifs", "4. Justificatifs", ProofsIntro, []),
        new("Envoi", "5. Vérification et envoi", null, [Consent]),
    ];
}
