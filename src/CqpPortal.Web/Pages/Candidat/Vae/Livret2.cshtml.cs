using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>
/// Booklet 2 of the signed-in VAE candidate, one unit of the referential at a time: situations per activity, progress
/// per unit, evidence attached to an activity; opens only once booklet 1 is admissible. Works without JavaScript; with it,
/// <c>wwwroot/js/booklet-draft.js</c> saves the draft as the candidate types (handler Autosave) and keeps a copy in the
/// browser until the server has it, and <c>wwwroot/js/upload-check.js</c> checks a file before it is sent.
/// </summary>
public class BookletTwoModel(VaeBooklets booklets, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class SituationInput
    {
        public int ActivityId { get; set; }

        [StringLength(8000, ErrorMessage = "8000 caractères au plus.")]
        public string? Context { get; set; }

        [StringLength(8000, ErrorMessage = "8000 caractères au plus.")]
        public string? Actions { get; set; }

        [StringLength(8000, ErrorMessage = "8000 caractères au plus.")]
        public string? Tools { get; set; }

        [StringLength(8000, ErrorMessage = "8000 caractères au plus.")]
        public string? Result { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Context) && string.IsNullOrWhiteSpace(Actions) && string.IsNullOrWhiteSpace(Tools) && string.IsNullOrWhiteSpace(Result);
    }

    public sealed class InputModel
    {
        public int Version { get; set; }
        public List<SituationInput> Situations { get; set; } = [];
        public BookletDocumentKind? DocumentKind { get; set; } = BookletDocumentKind.WorkSample;
        public int? DocumentActivityId { get; set; }
    }

    /// <summary>What the autosave script is told: the new version, or why nothing was saved.</summary>
    public sealed record AutosaveAnswer(bool Saved, int Version, string? Message);

    public sealed record UnitProgress(int Number, string Title, int Described, int Activities);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>A confirmation carried over a redirect (save, send).</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>A confirmation shown on this answer only (upload, removal): a TempData one would show again on the next page.</summary>
    public string? Notice { get; private set; }

    public bool Open { get; private set; }
    public Booklet? Booklet { get; private set; }
    public List<VaeBooklets.ActivityRow> Activities { get; private set; } = [];
    public List<VaeBooklets.ActivityRow> UnitActivities { get; private set; } = [];
    public List<UnitProgress> Progress { get; private set; } = [];
    public List<VaeBooklets.DocumentInfo> Documents { get; private set; } = [];
    public List<VaeBooklets.HistoryRow> History { get; private set; } = [];
    public VaeSettings Limits => booklets.Settings;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        Input = new InputModel { Version = Booklet!.Version, Situations = SlotsFromBooklet() };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync()) return Closed();
        if (!await SaveUnitAsync()) return Page();
        Message = $"Brouillon enregistré (version {Booklet!.Version}).";
        return RedirectToPage(new { unit = Unit });
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return Closed();
        if (!await SaveUnitAsync()) return Page();
        var problems = await booklets.ExperienceProblemsAsync(Booklet!);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            Input.Version = Booklet!.Version;
            return Page();
        }
        var sent = await booklets.SubmitAsync(Booklet!, Booklet!.Version, users.GetUserId(User)!);
        if (sent != BookletSave.Saved) return await RefusedAsync(sent);
        Message = "Votre livret 2 est envoyé à l'organisme. Il ne peut plus être modifié pendant son examen ; vous recevrez un e-mail à la décision.";
        return RedirectToPage(new { unit = Unit });
    }

    /// <summary>
    /// The draft of the unit shown, sent by the autosave script as the candidate types: the same checks as
    /// « Enregistrer le brouillon », answered in JSON (409 for a newer version or a locked booklet, 422 for bad input).
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (!await LoadAsync())
            return new JsonResult(new AutosaveAnswer(false, 0, "Le livret 2 s'ouvre quand votre livret 1 est déclaré recevable : rien n'a été enregistré.")) { StatusCode = 409 };
        if (await SaveUnitAsync()) return new JsonResult(new AutosaveAnswer(true, Booklet!.Version, null));
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();
        var conflict = Booklet is { IsEditable: false } || Input.Version != Booklet?.Version;
        return new JsonResult(new AutosaveAnswer(false, Booklet?.Version ?? 0, "Brouillon non enregistré : " + string.Join(" ", problems)
            + " Votre texte reste sur la page et dans ce navigateur.")) { StatusCode = conflict ? 409 : 422 };
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!await LoadAsync()) return Closed();
        ModelState.Clear();
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Choisissez un fichier à joindre.");
        if (Input.DocumentKind is null) ModelState.AddModelError("Input.DocumentKind", "Choisissez le type de pièce.");
        if (Input.DocumentActivityId is not { } activityId || UnitActivities.All(a => a.Id != activityId))
            ModelState.AddModelError("Input.DocumentActivityId", "Choisissez l'activité que cette pièce illustre.");
        if (!ModelState.IsValid) return Page();
        var before = Booklet!.Version;
        await using var stream = Upload!.OpenReadStream();
        if (await booklets.AddDocumentAsync(Booklet, Input.DocumentKind!.Value, Input.DocumentActivityId, Upload.FileName, Upload.Length, stream) is { } refusal)
        {
            ModelState.AddModelError(Booklet.IsEditable ? nameof(Upload) : string.Empty, refusal); // a locked booklet shows no upload field
            return Page();
        }
        if (Input.Version == before) Input.Version = Booklet.Version;
        Documents = await booklets.DocumentsAsync(Booklet.Id);
        Notice = $"Pièce jointe : {Upload.FileName}. Pensez à enregistrer votre brouillon si vous avez modifié vos situations.";
        return Page();
    }

    /// <summary>Removes one piece of evidence of this booklet; the text typed on the page stays as it is.</summary>
    public async Task<IActionResult> OnPostRemoveDocumentAsync(int documentId)
    {
        if (!await LoadAsync()) return Closed();
        ModelState.Clear();
        var before = Booklet!.Version;
        var removed = await booklets.RemoveDocumentAsync(Booklet, documentId);
        if (removed != BookletSave.Saved) return await RefusedAsync(removed);
        if (Input.Version == before) Input.Version = Booklet.Version;
        Notice = Documents.FirstOrDefault(d => d.Id == documentId) is { } gone ? $"Pièce retirée : {gone.FileName}." : null;
        Documents = await booklets.DocumentsAsync(Booklet.Id);
        return Page();
    }

    private IActionResult Closed()
    {
        ModelState.AddModelError(string.Empty, "Le livret 2 s'ouvre quand votre livret 1 est déclaré recevable : rien n'a été enregistré.");
        return Page();
    }

    /// <summary>Saves the situations of the unit shown, with the version check; false with the reasons and the typed text on the page.</summary>
    private async Task<bool> SaveUnitAsync()
    {
        var unitIds = UnitActivities.Select(a => a.Id).ToHashSet();
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        if (Input.Situations.Any(s => !unitIds.Contains(s.ActivityId)))
            ModelState.AddModelError(string.Empty, "Une activité envoyée n'appartient pas à cette unité : rechargez la page.");
        if (!ModelState.IsValid) return false;
        var situations = Input.Situations.Where(s => !s.IsBlank).Select(s => new BookletSituation
        {
            ActivityId = s.ActivityId, Context = s.Context?.Trim() ?? "", Actions = s.Actions?.Trim() ?? "", Tools = s.Tools?.Trim() ?? "", Result = s.Result?.Trim() ?? "",
        }).ToList();
        var saved = await booklets.SaveSituationsAsync(Booklet!, Input.Version, unitIds, situations);
        if (saved == BookletSave.Saved) return true;
        await RefusedAsync(saved);
        return false;
    }

    private async Task<IActionResult> RefusedAsync(BookletSave outcome)
    {
        ModelState.AddModelError(string.Empty, outcome == BookletSave.Locked
            ? "Ce livret est envoyé : il ne peut plus être modifié. Ce que vous avez saisi n'a pas été enregistré."
            : "Ce livret a été modifié entre-temps (dans un autre onglet ou une autre session) : vos saisies ci-dessous n'ont pas été enregistrées. "
              + "Copiez-les, puis rechargez la page pour repartir de la dernière version.");
        var posted = Input;
        await LoadAsync();
        Input = posted;
        return Page();
    }

    /// <summary>The unit's saved situations, then one empty slot per activity to add another.</summary>
    private List<SituationInput> SlotsFromBooklet() =>
        UnitActivities.SelectMany(a => Booklet!.Situations.Where(s => s.ActivityId == a.Id)
                .Select(s => new SituationInput { ActivityId = a.Id, Context = s.Context, Actions = s.Actions, Tools = s.Tools, Result = s.Result })
                .Append(new SituationInput { ActivityId = a.Id }))
            .Where(s => Booklet!.IsEditable || !s.IsBlank)
            .ToList();

    private async Task<bool> LoadAsync()
    {
        var registrationId = await booklets.VaeRegistrationOfAsync(users.GetUserId(User));
        if (registrationId is null || !await booklets.ExperienceBookletOpenAsync(registrationId.Value)) return false;
        Open = true;
        Booklet = await booklets.OpenAsync(registrationId.Value, BookletKind.Experience);
        Activities = await booklets.ActivitiesAsync(registrationId.Value);
        var numbers = Activities.Select(a => a.UnitNumber).Distinct().ToList();
        if (Unit is null || !numbers.Contains(Unit.Value)) Unit = numbers.FirstOrDefault();
        UnitActivities = Activities.Where(a => a.UnitNumber == Unit).ToList();
        Progress = Activities.GroupBy(a => (a.UnitNumber, a.UnitTitle)).Select(g => new UnitProgress(g.Key.UnitNumber, g.Key.UnitTitle,
            g.Count(a => Booklet.Situations.Any(s => s.ActivityId == a.Id && VaeBooklets.IsDescribed(s))), g.Count())).ToList();
        Documents = await booklets.DocumentsAsync(Booklet.Id);
        History = await booklets.HistoryAsync(Booklet.Id);
        return true;
    }
}
