using CqpPortal.Web.Audit;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Pages.Shared;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Formation;

/// <summary>
/// A trainee's positioning and path for staff: the company's pre-positioning beside the centre's form, the path editor
/// proposed from the centre's positioning, the organisation's signature, and the versions.
/// </summary>
[AuditedAccess(AuditKinds.Training, Subject = "registrationId")]
public class TraineeModel(Positionings positionings, TrainingPaths paths) : PageModel
{
    public sealed class CentreInput
    {
        public DateOnly? InterviewOn { get; set; }
        public string? Comment { get; set; }
        public Dictionary<int, MarkForm> Marks { get; set; } = [];
    }

    public sealed class UnitForm
    {
        public string? Hours { get; set; }
        public string? Modules { get; set; }
    }

    public sealed class PathForm
    {
        public int Version { get; set; }
        public string? Objectives { get; set; }
        public bool ConfirmReducedHours { get; set; }
        public string? ReducedHoursReason { get; set; }
        public Dictionary<int, UnitForm> Units { get; set; } = [];
    }

    [BindProperty]
    public CentreInput Centre { get; set; } = new();

    [BindProperty]
    public PathForm Path { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public PositioningsView Positionings { get; private set; } = null!;
    public PathView TrainingPath { get; private set; } = null!;

    /// <summary>Which form a refusal is about (its reasons are shown beside it): « positioning », « path » or « versions ».</summary>
    public string? RefusedForm { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (!await LoadAsync(registrationId)) return NotFound();
        FillCentre();
        FillPath();
        return Page();
    }

    public async Task<IActionResult> OnPostPositioningAsync(int registrationId) => await DoAsync(registrationId, "positioning",
        () => positionings.RecordCentreAsync(User, registrationId, new CentrePositioningInput(Centre.InterviewOn, Centre.Comment, PositioningForm.ToInput(Centre.Marks))),
        "Positionnement du centre enregistré.");

    public async Task<IActionResult> OnPostPathAsync(int registrationId) => await DoAsync(registrationId, "path",
        () => paths.SaveAsync(User, registrationId,
            new PathInput(Path.Version, Path.Objectives, Path.ConfirmReducedHours, Path.ReducedHoursReason,
                Path.Units.ToDictionary(u => u.Key, u => new PathUnitInput(u.Value.Hours, u.Value.Modules))),
            new PathLinks(Url.PublicPage("/Candidat/Formation/Index"), Url.PublicPage("/Entreprise/Salarie/Parcours", new { registrationId }))),
        "Parcours enregistré : il est proposé à la signature.");

    public async Task<IActionResult> OnPostNewVersionAsync(int registrationId) => await DoAsync(registrationId, "versions",
        () => paths.NewVersionAsync(User, registrationId), "Nouvelle version ouverte : modifiez-la puis enregistrez-la ; elle devra être signée à nouveau.");

    public async Task<IActionResult> OnPostSignAsync(int registrationId, int version) => await DoAsync(registrationId, "versions",
        () => paths.SignAsync(User, registrationId, PathSigner.Organisation, version), "Parcours signé pour l'organisme de formation.");

    /// <summary>Runs one action; on a refusal, shows the page again with the reasons beside the form and what was typed in it.</summary>
    private async Task<IActionResult> DoAsync(int registrationId, string form, Func<Task<TrainingOutcome>> action, string done)
    {
        var outcome = await action();
        if (!outcome.Found) return NotFound();
        if (outcome.Succeeded)
        {
            Message = done;
            return RedirectToPage(new { registrationId });
        }
        if (!await LoadAsync(registrationId)) return NotFound();
        (RefusedForm, Errors) = (form, outcome.Errors);
        if (form != "positioning") FillCentre();
        if (form != "path") FillPath();
        return Page();
    }

    private void FillCentre() => Centre = new CentreInput
    {
        InterviewOn = Positionings.Centre?.InterviewOn, Comment = Positionings.Centre?.Comment, Marks = PositioningForm.From(Positionings, PositioningSide.Centre),
    };

    private void FillPath() => Path = new PathForm
    {
        Version = TrainingPath.Current?.Version ?? 0, Objectives = TrainingPath.Current?.Objectives, ReducedHoursReason = TrainingPath.Current?.ReducedHoursReason,
        ConfirmReducedHours = TrainingPath.Current?.ReducedHoursReason is not null,
        Units = TrainingPath.Proposal.ToDictionary(u => u.UnitId, u => new UnitForm { Hours = u.Hours.ToString(), Modules = string.Join("\n", u.Modules) }),
    };

    private async Task<bool> LoadAsync(int registrationId)
    {
        if (await positionings.ReadAsync(User, registrationId) is not { } read || await paths.ReadAsync(User, registrationId) is not { } path) return false;
        Positionings = read;
        TrainingPath = path;
        return true;
    }
}
