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
public class BookletTwoModel(CqpDbContext db, VaeDrafts drafts, VaeReviews reviews, UserManager<Identity.PortalUser> users) : CandidateBookletPage(db, drafts, reviews)
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

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    public bool Open { get; private set; }
    public List<BookletQueries.ActivityRow> Activities { get; private set; } = [];
    public List<BookletQueries.ActivityRow> UnitActivities { get; private set; } = [];
    public List<UnitProgress> Progress { get; private set; } = [];

    protected override int FormVersion { get => Input.Version; set => Input.Version = value; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        Input = new InputModel { Version = Booklet!.Version, Situations = SlotsFromBooklet() };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync()) return Closed();
        if (await SaveUnitAsync() != BookletSave.Saved) return Page();
        Message = $"Brouillon enregistré (version {Booklet!.Version}).";
        return RedirectToPage(new { unit = Unit });
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return Closed();
        if (await SaveUnitAsync() != BookletSave.Saved) return Page();
        var problems = await Reviews.ExperienceProblemsAsync(Booklet!);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            Input.Version = Booklet!.Version;
            return Page();
        }
        var sent = await Reviews.SubmitAsync(Booklet!, Booklet!.Version, users.GetUserId(User)!);
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
        var outcome = await SaveUnitAsync();
        if (outcome == BookletSave.Saved) return new JsonResult(new AutosaveAnswer(true, Booklet!.Version, null));
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();
        return new JsonResult(new AutosaveAnswer(false, Booklet!.Version, "Brouillon non enregistré : " + string.Join(" ", problems)
            + " Votre texte reste sur la page et dans ce navigateur.")) { StatusCode = outcome is null ? 422 : 409 };
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!await LoadAsync()) return Closed();
        ModelState.Clear();
        if (Input.DocumentActivityId is not { } activityId || UnitActivities.All(a => a.Id != activityId))
            ModelState.AddModelError("Input.DocumentActivityId", "Choisissez l'activité que cette pièce illustre.");
        await AttachAsync(Input.DocumentKind, Input.DocumentActivityId, "vos situations");
        return Page();
    }

    /// <summary>Removes one piece of evidence of this booklet; the text typed on the page stays as it is.</summary>
    public async Task<IActionResult> OnPostRemoveDocumentAsync(int documentId)
    {
        if (!await LoadAsync()) return Closed();
        ModelState.Clear();
        var removed = await DetachAsync(documentId);
        return removed == BookletSave.Saved ? Page() : await RefusedAsync(removed);
    }

    private IActionResult Closed()
    {
        ModelState.AddModelError(string.Empty, "Le livret 2 s'ouvre quand votre livret 1 est déclaré recevable : rien n'a été enregistré.");
        return Page();
    }

    /// <summary>
    /// Saves the situations of the unit shown, with the version check. Null when the input is refused; otherwise the
    /// outcome, a refusal (locked, older version) with its reason and the typed text on the page.
    /// </summary>
    private async Task<BookletSave?> SaveUnitAsync()
    {
        var unitIds = UnitActivities.Select(a => a.Id).ToHashSet();
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        if (Input.Situations.Any(s => !unitIds.Contains(s.ActivityId)))
            ModelState.AddModelError(string.Empty, "Une activité envoyée n'appartient pas à cette unité : rechargez la page.");
        if (!ModelState.IsValid) return null;
        var situations = Input.Situations.Where(s => !s.IsBlank).Select(s => new BookletSituation
        {
            ActivityId = s.ActivityId, Context = s.Context?.Trim() ?? "", Actions = s.Actions?.Trim() ?? "", Tools = s.Tools?.Trim() ?? "", Result = s.Result?.Trim() ?? "",
        }).ToList();
        var saved = await Drafts.SaveSituationsAsync(Booklet!, Input.Version, unitIds, situations);
        if (saved != BookletSave.Saved) await RefusedAsync(saved);
        return saved;
    }

    private async Task<IActionResult> RefusedAsync(BookletSave outcome)
    {
        AddRefusal(outcome);
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
        var registrationId = await Drafts.VaeRegistrationOfAsync(users.GetUserId(User));
        if (registrationId is null || !await Drafts.ExperienceBookletOpenAsync(registrationId.Value)) return false;
        Open = true;
        Booklet = await Drafts.OpenAsync(registrationId.Value, BookletKind.Experience);
        Activities = await Db.VaeActivitiesAsync(registrationId.Value);
        var numbers = Activities.Select(a => a.UnitNumber).Distinct().ToList();
        if (Unit is null || !numbers.Contains(Unit.Value)) Unit = numbers.FirstOrDefault();
        UnitActivities = Activities.Where(a => a.UnitNumber == Unit).ToList();
        Progress = Activities.GroupBy(a => (a.UnitNumber, a.UnitTitle)).Select(g => new UnitProgress(g.Key.UnitNumber, g.Key.UnitTitle,
            g.Count(a => Booklet.Situations.Any(s => s.ActivityId == a.Id && BookletRules.IsDescribed(s.Context, s.Actions))), g.Count())).ToList();
        Documents = await Db.BookletDocumentsAsync(Booklet.Id);
        History = await Reviews.HistoryAsync(Booklet.Id);
        return true;
    }
}
