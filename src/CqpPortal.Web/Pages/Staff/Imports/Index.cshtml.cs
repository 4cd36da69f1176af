using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Imports;

/// <summary>Staff send a file of historical records (candidates or survey answers) and see either every error or what was imported.</summary>
[RequestSizeLimit(MaxFileBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 1_000_000)]
public class ImportsModel(RecordImports imports, UserManager<Identity.PortalUser> users) : PageModel
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez le type de fichier.")]
        public ImportKind? Kind { get; set; }

        [Required(ErrorMessage = "Choisissez un fichier .csv ou .xlsx.")]
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ImportSummary? Summary { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.File is { } file)
        {
            FileName = file.FileName;
            if (!RecordFileReader.IsSupported(file.FileName))
                ModelState.AddModelError("Input.File", "Le fichier doit être un .csv (séparateur point-virgule) ou un .xlsx.");
            else if (file.Length > MaxFileBytes)
                ModelState.AddModelError("Input.File", "Le fichier dépasse 64 Mo : découpez-le en plusieurs fichiers.");
        }
        if (!ModelState.IsValid) return Page();

        await using var stream = Input.File!.OpenReadStream();
        Summary = await imports.RunAsync(Input.Kind!.Value, stream, Input.File.FileName, users.GetUserId(User), cancellationToken);
        if (!Summary.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
