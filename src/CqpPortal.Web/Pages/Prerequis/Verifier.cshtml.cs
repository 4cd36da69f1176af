using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Prerequisites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CqpPortal.Web.Pages.Prerequis;

/// <summary>The public prerequisite self-check: the same rules as registration and the JSON API, nothing stored.</summary>
public class SelfCheckModel(CertificationRules certifications) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> RouteChoices =
    [
        (nameof(CertificationRoute.Training), "Suivre la formation"),
        (nameof(CertificationRoute.Vae), "Faire valider mon expérience (VAE)"),
        (nameof(CertificationRoute.Free), "Passer les évaluations en candidat libre"),
    ];

    public static IEnumerable<SelectListItem> LevelChoices => EducationLevels.All.Select(l => new SelectListItem(EducationLevels.Label(l), l.ToString()));

    public static IEnumerable<SelectListItem> KindChoices => Enum.GetValues<PhoneJobKind>().Select(k => new SelectListItem(FrenchLabels.Of(k), k.ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez votre projet.")]
        public CertificationRoute? Route { get; set; }

        [Range(0, 8, ErrorMessage = "Choisissez un niveau de diplôme dans la liste.")]
        public int EducationLevel { get; set; }

        [Range(0, 600, ErrorMessage = "Indiquez un nombre de mois entre 0 et 600.")]
        public int TeleSecretaryMonths { get; set; }

        [Range(0, 600, ErrorMessage = "Indiquez un nombre de mois entre 0 et 600.")]
        public int PhoneJobMonths { get; set; }

        [Range(0, 100, ErrorMessage = "Indiquez une part entre 0 et 100 %.")]
        public int PhoneTimeShare { get; set; }

        public PhoneJobKind? PhoneJobKind { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PrerequisiteResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!EducationLevels.IsValid(Input.EducationLevel))
            ModelState.AddModelError("Input.EducationLevel", "Choisissez un niveau de diplôme dans la liste.");
        if (!ModelState.IsValid) return Page();
        var rules = await certifications.ForAsync() ?? throw new InvalidOperationException("No certification is seeded.");
        Result = rules.Check(new PrerequisiteInput(Input.EducationLevel, Input.TeleSecretaryMonths, Input.PhoneJobMonths, Input.PhoneTimeShare, Input.PhoneJobKind, Input.Route!.Value));
        return Page();
    }
}
