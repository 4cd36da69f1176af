using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Inscriptions;

/// <summary>
/// Staff open the file of a paper registration form (who, address if any, the paper's date), then fill it through the
/// registration steps (<c>/Candidat/Inscription/…?papier={id}</c>): the same pages and the same rules as online.
/// </summary>
public class PaperFormModel(PaperRegistrations papers, UserManager<PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne peut dépasser 100 caractères.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
        public string LastName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, ou laissez le champ vide.")]
        [StringLength(256, ErrorMessage = "L'adresse ne peut dépasser 256 caractères.")]
        public string? Email { get; set; }

        public DateOnly? PaperFormDate { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<PaperRegistrations.PaperRow> Open { get; private set; } = [];

    public async Task OnGetAsync() => Open = await papers.OpenAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (id, field, refusal) = await papers.StartAsync(new PaperForm(Input.FirstName, Input.LastName, Input.Email, Input.PaperFormDate), users.GetUserId(User)!);
            if (id is not null) return Redirect($"/Candidat/Inscription/Identite?papier={id}");
            ModelState.AddModelError("Input." + field, refusal!);
        }
        Open = await papers.OpenAsync();
        return Page();
    }
}
