using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>One VAE booklet for staff: its content, the experience and the VAE rule, documents, the decision and the history.</summary>
[AuditedAccess(AuditKinds.Booklet)]
public class StaffBookletModel(CqpDbContext db, VaeReviews reviews, UserManager<Identity.PortalUser> users) : PageModel
{
    public const int MissingItemSlots = 5;

    public sealed class InputModel
    {
        public BookletState? Decision { get; set; }

        [StringLength(2000, ErrorMessage = "2000 caractères au plus.")]
        public string? Motive { get; set; }

        public List<string?> MissingItems { get; set; } = [];
    }

    public sealed record CandidateView(string Name, string Email, DateOnly BirthDate, int EducationLevel, string? HighestDiploma);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Booklet Booklet { get; private set; } = null!;
    public CandidateView Person { get; private set; } = null!;
    public List<BookletQueries.DocumentInfo> Documents { get; private set; } = [];
    public List<VaeReviews.HistoryRow> History { get; private set; } = [];
    public List<BookletQueries.ActivityRow> Activities { get; private set; } = [];
    public ExperienceSummary? Experience { get; private set; }
    public PrerequisiteResult? Rule { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var items = Input.MissingItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).ToList();
        foreach (var (field, problem) in BookletRules.DecisionProblems(Booklet.Kind, Input.Decision, Input.Motive, items))
            ModelState.AddModelError($"Input.{field}", problem);
        if (!ModelState.IsValid) return Page();
        if (!await reviews.DecideAsync(id, Input.Decision!.Value, Input.Motive, items, users.GetUserId(User)!))
        {
            ModelState.AddModelError(string.Empty, "Ce livret n'attend plus de décision (il a été décidé entre-temps) : rechargez la page.");
            await LoadAsync(id);
            return Page();
        }
        Message = $"Décision enregistrée pour {Person.Name} ({BookletLabels.Of(Booklet.Kind)}) : {BookletLabels.Of(Input.Decision.Value, Booklet.Kind)}. Le candidat est prévenu par e-mail.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        var found = await db.Booklets.AsNoTracking().Include(b => b.Jobs.OrderBy(j => j.Position)).Include(b => b.Situations.OrderBy(s => s.Position))
            .AsSplitQuery().FirstOrDefaultAsync(b => b.Id == id);
        if (found is null) return false;
        Booklet = found;
        Person = await db.Registrations.Where(r => r.Id == found.RegistrationId).Select(r => new CandidateView(r.Candidate!.FirstName + " " + r.Candidate.LastName,
            r.Candidate.Email, r.Candidate.BirthDate, r.EducationLevel, r.HighestDiploma)).FirstAsync();
        Documents = await db.BookletDocumentsAsync(id);
        History = await reviews.HistoryAsync(id);
        if (found.Kind == BookletKind.Admissibility) (Experience, Rule) = await db.BookletExperienceAsync(found);
        else Activities = await db.VaeActivitiesAsync(found.RegistrationId);
        while (Input.MissingItems.Count < MissingItemSlots) Input.MissingItems.Add(null);
        return true;
    }
}
