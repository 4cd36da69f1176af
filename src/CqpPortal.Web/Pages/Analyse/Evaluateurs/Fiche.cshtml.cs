using CqpPortal.Web.Audit;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse.Evaluateurs;

/// <summary>An evaluator's file for SIST: edit it, grant and act on habilitations (with their history), open the account, read the declared links.</summary>
[AuditedAccess(AuditKinds.Evaluator)]
public class SistEvaluatorFileModel(EvaluatorRegister register, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public EvaluatorDetailsInput Input { get; set; } = new();

    public EvaluatorFile Evaluator { get; private set; } = null!;
    public IReadOnlyList<Choice> Certifications { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>When an action was refused: which form, why, and what was typed (shown again).</summary>
    public string? Error { get; private set; }
    public string? FailedForm { get; private set; }
    public int? TypedCertificationId { get; private set; }
    public DateOnly? TypedFrom { get; private set; }
    public DateOnly? TypedTo { get; private set; }
    public string? TypedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        Input = EvaluatorDetailsInput.From(Evaluator.Details);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id)
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Refused("edit", null);
        if (await register.UpdateAsync(id, Input.ToDetails()) is not { } refused) return Done(id, "La fiche est enregistrée.");
        ModelState.AddModelError("Input.Email", refused);
        return Refused("edit", null);
    }

    public async Task<IActionResult> OnPostGrantAsync(int id, int? certificationId, DateOnly? validFrom, DateOnly? validTo)
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (!await PrepareAsync(id)) return NotFound();
        (TypedCertificationId, TypedFrom, TypedTo) = (certificationId, validFrom, validTo);
        var refused = certificationId is null ? "Choisissez la certification."
            : validFrom is null || validTo is null ? "Indiquez les dates de début et de fin de l'habilitation."
            : await register.GrantAsync(id, certificationId.Value, validFrom.Value, validTo.Value, users.GetUserId(User)!);
        return refused is null ? Done(id, "L'habilitation est accordée.") : Refused("grant", refused);
    }

    /// <summary>Renew (a later end date), suspend or withdraw (a reason), reinstate a habilitation.</summary>
    public async Task<IActionResult> OnPostHabilitationAsync(int id, int habilitationId, string? act, DateOnly? validTo, string? reason)
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (!await PrepareAsync(id)) return NotFound();
        (TypedTo, TypedReason) = (validTo, reason);
        var by = users.GetUserId(User)!;
        var refused = act switch
        {
            "renew" => validTo is null ? "Indiquez la nouvelle date de fin." : await register.RenewAsync(id, habilitationId, validTo.Value, by),
            "suspend" => await register.SuspendAsync(id, habilitationId, reason, by),
            "reinstate" => await register.ReinstateAsync(id, habilitationId, by),
            "withdraw" => await register.WithdrawAsync(id, habilitationId, reason, by),
            _ => "Action inconnue.",
        };
        return refused is null ? Done(id, "L'habilitation est mise à jour ; l'historique en garde la trace.") : Refused($"{act}-{habilitationId}", refused);
    }

    public async Task<IActionResult> OnPostAccountAsync(int id)
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (!await PrepareAsync(id)) return NotFound();
        var (refused, created) = await register.OpenAccountAsync(id, (userId, code) => Url.PublicPage("/Compte/Activer", new { userId, code }));
        if (refused is not null) return Refused("account", refused);
        return Done(id, created ? "Le compte évaluateur est créé : l'évaluateur a reçu par e-mail le lien pour l'activer."
            : "La fiche est rattachée au compte évaluateur existant de cette adresse.");
    }

    private async Task<bool> PrepareAsync(int id)
    {
        ModelState.Clear(); // only the details form binds Input
        if (!await LoadAsync(id)) return false;
        Input = EvaluatorDetailsInput.From(Evaluator.Details);
        return true;
    }

    private IActionResult Done(int id, string message)
    {
        Message = message;
        return RedirectToPage(new { id });
    }

    private PageResult Refused(string form, string? error)
    {
        (FailedForm, Error) = (form, error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await register.FileAsync(id) is not { } file) return false;
        Evaluator = file;
        Certifications = await register.CertificationsAsync();
        return true;
    }
}
