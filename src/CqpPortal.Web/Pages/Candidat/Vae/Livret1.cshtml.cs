using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>
/// Booklet 1 of the signed-in VAE candidate: identity from the registration, job lines, documents, sworn statement.
/// One form for everything, so that adding a line or a file never loses what was typed.
/// </summary>
public class BookletOneModel(VaeBooklets booklets, UserManager<Identity.PortalUser> users, TimeProvider clock) : CandidateBookletPage(booklets)
{
    public sealed class JobInput
    {
        [Required(ErrorMessage = "Indiquez l'employeur ou l'organisme.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? Employer { get; set; }

        [Required(ErrorMessage = "Indiquez l'intitulé du poste.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? JobTitle { get; set; }

        [Required(ErrorMessage = "Indiquez la date de début.")]
        public DateOnly? From { get; set; }

        [Required(ErrorMessage = "Indiquez la date de fin (aujourd'hui pour un emploi en cours).")]
        public DateOnly? To { get; set; }

        [Required(ErrorMessage = "Indiquez la quotité de temps de travail.")]
        [Range(1, 100, ErrorMessage = "La quotité est comprise entre 1 et 100 %.")]
        public int? FullTimeShare { get; set; } = 100;

        [Required(ErrorMessage = "Indiquez la part du temps passée au téléphone.")]
        [Range(0, 100, ErrorMessage = "La part du temps au téléphone est comprise entre 0 et 100 %.")]
        public int? PhoneTimeShare { get; set; }

        [Required(ErrorMessage = "Choisissez le type d'emploi.")]
        public VaeJobKind? Kind { get; set; }

        [StringLength(4000, ErrorMessage = "4000 caractères au plus.")]
        public string? MainActivities { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Employer) && string.IsNullOrWhiteSpace(JobTitle) && From is null && To is null
            && string.IsNullOrWhiteSpace(MainActivities);
    }

    public sealed class InputModel
    {
        public List<JobInput> Jobs { get; set; } = [];
        public bool Sworn { get; set; }
        public int Version { get; set; }
        public BookletDocumentKind? DocumentKind { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public VaeBooklets.CandidateIdentity? Person { get; private set; }
    public ExperienceSummary? Experience { get; private set; }
    public PrerequisiteResult? Rule { get; private set; }

    protected override int FormVersion { get => Input.Version; set => Input.Version = value; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        Input = new InputModel
        {
            Version = Booklet!.Version, Sworn = Booklet.SwornStatement,
            Jobs = Booklet.Jobs.Select(j => new JobInput
            {
                Employer = j.Employer, JobTitle = j.JobTitle, From = j.From, To = j.To, FullTimeShare = j.FullTimeShare,
                PhoneTimeShare = j.PhoneTimeShare, Kind = j.Kind, MainActivities = j.MainActivities,
            }).ToList(),
        };
        if (Input.Jobs.Count == 0 && Booklet.IsEditable) Input.Jobs.Add(new JobInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAddJobAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        Input.Jobs.Add(new JobInput());
        Message = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveJobAsync(int index)
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        if (index >= 0 && index < Input.Jobs.Count) Input.Jobs.RemoveAt(index);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!await SaveLinesAsync()) return Page();
        Message = $"Brouillon enregistré (version {Booklet!.Version}).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!await SaveLinesAsync()) return Page();
        var problems = await Booklets.AdmissibilityProblemsAsync(Booklet!);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            Input.Version = Booklet!.Version;
            return Page();
        }
        var sent = await Booklets.SubmitAsync(Booklet!, Booklet!.Version, users.GetUserId(User)!);
        if (sent != BookletSave.Saved) return await RefusedAsync(sent);
        Message = "Votre livret 1 est envoyé à l'organisme. Il ne peut plus être modifié pendant son examen ; vous recevrez un e-mail à la décision.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        await AttachAsync(Input.DocumentKind, activityId: null, "vos emplois");
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int documentId)
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        var removed = await DetachAsync(documentId);
        return removed == BookletSave.Saved ? Page() : await RefusedAsync(removed);
    }

    /// <summary>Validates the non-blank lines and saves them with the version check; false with the reasons on the page.</summary>
    private async Task<bool> SaveLinesAsync()
    {
        Input.Jobs = Input.Jobs.Where(j => !j.IsBlank).ToList();
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        var today = DayInParis.Today(clock);
        for (var i = 0; i < Input.Jobs.Count; i++)
        {
            var job = Input.Jobs[i];
            if (job.From is { } from && job.To is { } to && to < from)
                ModelState.AddModelError($"Input.Jobs[{i}].To", "La date de fin doit suivre la date de début.");
            if (job.To is { } end && end > today)
                ModelState.AddModelError($"Input.Jobs[{i}].To", "La date de fin ne peut pas être dans le futur : indiquez aujourd'hui pour un emploi en cours.");
            if (job.From is { } start && start.Year < 1950)
                ModelState.AddModelError($"Input.Jobs[{i}].From", "Vérifiez l'année de début.");
        }
        if (!ModelState.IsValid) return false;
        var jobs = Input.Jobs.Select(j => new BookletJob
        {
            Employer = j.Employer!.Trim(), JobTitle = j.JobTitle!.Trim(), From = j.From!.Value, To = j.To!.Value, FullTimeShare = j.FullTimeShare!.Value,
            PhoneTimeShare = j.PhoneTimeShare!.Value, Kind = j.Kind!.Value, MainActivities = j.MainActivities?.Trim() ?? "",
        }).ToList();
        var saved = await Booklets.SaveJobsAsync(Booklet!, Input.Version, jobs, Input.Sworn);
        if (saved == BookletSave.Saved) return true;
        await RefusedAsync(saved);
        return false;
    }

    /// <summary>A locked booklet or an older version: say so and show back what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(BookletSave outcome)
    {
        AddRefusal(outcome);
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var registrationId = await Booklets.VaeRegistrationOfAsync(users.GetUserId(User));
        if (registrationId is null) return false;
        Person = await Booklets.IdentityAsync(registrationId.Value);
        Booklet = await Booklets.OpenAsync(registrationId.Value, BookletKind.Admissibility);
        Documents = await Booklets.DocumentsAsync(Booklet.Id);
        History = await Booklets.HistoryAsync(Booklet.Id);
        (Experience, Rule) = await Booklets.ExperienceAsync(Booklet);
        return true;
    }
}
