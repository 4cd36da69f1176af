using CqpPortal.Web.Audit;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Jurys;

/// <summary>One jury session: its members and president, convene candidates before it, read the decisions and signatures after it, download the minutes.</summary>
[AuditedAccess(AuditKinds.Decision)]
public class StaffJurySessionModel(JuryProceedings juries, JuryMembers members, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public JurySitting Sitting { get; private set; } = null!;
    /// <summary>« Convoquer un candidat »: the candidates found by the search and filters, a page at a time.</summary>
    public ListPage<JuryCandidacy> Candidacies { get; private set; } = new([], 0, 1, 25);

    /// <summary>All candidates who may be convened or not, before the search (to tell « nobody » from « nobody found »).</summary>
    public int CandidacyCount { get; private set; }

    /// <summary>The filters of « Convoquer un candidat »: <c>q</c> (name, e-mail or file number), <c>voie</c>, <c>convocables</c>.</summary>
    public sealed class CandidacyQuery : ListQuery
    {
        [FromQuery(Name = "voie")] public CertificationRoute? Route { get; set; }
        [FromQuery(Name = "convocables")] public bool ConvenableOnly { get; set; }
    }

    public static readonly IReadOnlyList<ListColumn<JuryCandidacy>> CandidacyColumns =
    [
        new("Dossier", c => c.RegistrationId.ToString(), Number: true),
        new("Candidat", c => c.Name),
        new("Adresse électronique", c => c.Email),
        new("Région", c => FrenchLabels.Of(c.Region)),
        new("Voie", c => FrenchLabels.Of(c.Route)),
        new("Convocation", c => c.WhyNot ?? "Possible"),
    ];

    [BindProperty(SupportsGet = true)]
    public CandidacyQuery Filter { get; set; } = new();
    public IReadOnlyList<JuryMemberRow> Members { get; private set; } = [];
    public IReadOnlyList<JuryMemberChoice> MemberChoices { get; private set; } = [];

    /// <summary>When an assignment was refused: why, beside the list, with the choice kept.</summary>
    public string? MemberError { get; private set; }
    public string? ChosenMemberId { get; private set; }
    public bool Sat { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why a convocation was refused, shown after the redirect.</summary>
    [TempData]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConveneAsync(int id, int registrationId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await juries.ConveneAsync(id, registrationId) is { } refused) Refusal = refused;
        else Message = "Le candidat est convoqué : la convocation est dans ses documents et lui a été envoyée par e-mail.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPresidentAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await members.DesignatePresidentAsync(id, memberId) is { } refused) Refusal = refused;
        else Message = "Le président du jury est désigné : il enregistre la délibération dans son espace jury.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await members.AssignAsync(id, memberId, users.GetUserId(User)!, Url.PublicPage("/Jury/Index"));
        if (refused is null)
        {
            Message = "Le membre est affecté à ce jury ; il en est informé par e-mail.";
            return RedirectToPage(new { id });
        }
        (MemberError, ChosenMemberId) = (refused, memberId);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await members.RemoveAsync(id, memberId) is { } refused) Refusal = refused;
        else Message = "Le membre est retiré de ce jury.";
        return RedirectToPage(new { id });
    }

    /// <summary>The candidates of « Convoquer un candidat » as filtered (all pages), as .csv or .xlsx.</summary>
    public async Task<IActionResult> OnGetCandidatesAsync(int id, string? format)
    {
        if (!await LoadAsync(id) || Sat || Sitting.Session.CancelledAt is not null) return NotFound();
        return ListExport.File(format, $"jury-{DayInParis.Of(Sitting.Session.StartsAt):yyyy-MM-dd}-candidats", "Candidats", CandidacyColumns, Found) ?? NotFound();
    }

    public async Task<IActionResult> OnGetMinutesAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return File(JuryMinutes.Pdf(Sitting), "application/pdf", JuryMinutes.FileName(Sitting));
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await juries.SittingAsync(id) is not { } sitting) return false;
        Sitting = sitting;
        Sat = sitting.Session.StartsAt <= clock.GetUtcNow();
        Members = await members.MembersAsync(id);
        if (sitting.Session.CancelledAt is null) MemberChoices = await members.ChoicesAsync(id);
        if (!Sat && sitting.Session.CancelledAt is null)
        {
            var all = await juries.CandidaciesAsync(sitting.Session);
            CandidacyCount = all.Count;
            Found = all.Where(Matches).OrderBy(c => c.WhyNot is not null).ToList(); // those who may be convened first, each group by name
            Candidacies = Found.Page(Filter);
        }
        return true;
    }

    private List<JuryCandidacy> Found { get; set; } = [];

    /// <summary>Whether a candidacy answers the search (whatever the case and accents) and the filters; whether one may be convened is the rule's, so this runs on the rows it decided.</summary>
    private bool Matches(JuryCandidacy c) =>
        (Filter.Route is not { } route || c.Route == route)
        && (!Filter.ConvenableOnly || c.WhyNot is null)
        && (Filter.Search is not { } text || c.RegistrationId == Filter.SearchNumber || ListSearch.Contains(c.Name, text) || ListSearch.Contains(c.Email, text));
}
