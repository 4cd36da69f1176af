using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>
/// Booklet 1 of the signed-in VAE candidate: identity from the registration, job lines, documents, sworn statement.
/// One form for everything, so that adding a line or a file never loses what was typed.
/// </summary>
public class BookletOneModel(CqpDbContext db, VaeDrafts drafts, VaeReviews reviews, UserManager<Identity.PortalUser> users, TimeProvider clock)
    : CandidateBookletPage(db, drafts, reviews)
{
    /// <summary>A job line as typed; what it must hold is <see cref="BookletRules.CheckJobs"/>'s.</summary>
    public sealed class JobInput
    {
        public string? Employer { get; set; }
        public string? JobTitle { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public int? FullTimeShare { get; set; } = 100;
        public int? PhoneTimeShare { get; set; }
        public VaeJobKind? Kind { get; set; }
        public string? MainActivities { get; set; }

        public JobLine ToLine() => new(Employer, JobTitle, From, To, FullTimeShare, PhoneTimeShare, Kind, MainActivities);
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

    /// <summary>Booklet 1's identity block, taken from the registration (never retyped).</summary>
    public sealed record CandidateIdentity(string FullName, DateOnly BirthDate, string Email, string? Phone, string Certification, int EducationLevel, string? HighestDiploma);

    public CandidateIdentity? Person { get; private set; }
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
        var problems = await Reviews.AdmissibilityProblemsAsync(Booklet!);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            Input.Version = Booklet!.Version;
            return Page();
        }
        var sent = await Reviews.SubmitAsync(Booklet!, Booklet!.Version, users.GetUserId(User)!);
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
        Input.Jobs = Input.Jobs.Where(j => !j.ToLine().IsBlank).ToList();
        ModelState.Clear();
        foreach (var problem in BookletRules.CheckJobs(Input.Jobs.Select(j => j.ToLine()).ToList(), DayInParis.Today(clock)))
            ModelState.AddModelError($"Input.Jobs[{problem.Line}].{problem.Field}", problem.Message);
        if (!ModelState.IsValid) return false;
        var jobs = Input.Jobs.Select(j => new BookletJob
        {
            Employer = j.Employer!.Trim(), JobTitle = j.JobTitle!.Trim(), From = j.From!.Value, To = j.To!.Value, FullTimeShare = j.FullTimeShare!.Value,
            PhoneTimeShare = j.PhoneTimeShare!.Value, Kind = j.Kind!.Value, MainActivities = j.MainActivities?.Trim() ?? "",
        }).ToList();
        var saved = await Drafts.SaveJobsAsync(Booklet!, Input.Version, jobs, Input.Sworn);
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
        var registrationId = await Drafts.VaeRegistrationOfAsync(users.GetUserId(User));
        if (registrationId is null) return false;
        Person = await Db.Registrations.Where(r => r.Id == registrationId.Value).Select(r => new CandidateIdentity(r.Candidate!.FirstName + " " + r.Candidate.LastName,
            r.Candidate.BirthDate, r.Candidate.Email, r.Candidate.Phone, r.Certification!.Title, r.EducationLevel, r.HighestDiploma)).FirstAsync();
        Booklet = await Drafts.OpenAsync(registrationId.Value, BookletKind.Admissibility);
        Documents = await Db.BookletDocumentsAsync(Booklet.Id);
        History = await Reviews.HistoryAsync(Booklet.Id);
        (Experience, Rule) = await Db.BookletExperienceAsync(Booklet);
        return true;
    }
}
