using CqpPortal.Domain.Surveys;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Enquetes;

/// <summary>The follow-up campaigns: figures per wave and cohort, and the holders to phone (with a link to type their answer).</summary>
public class SurveyCampaignsModel(SurveyCampaigns campaigns) : PageModel
{
    /// <summary>Also list the holders still silent after the second reminder.</summary>
    [BindProperty(SupportsGet = true, Name = "relances")]
    public bool IncludeUnansweredAfterReminders { get; set; }

    public IReadOnlyList<CampaignFigures> Waves { get; private set; } = [];
    public IReadOnlyList<CampaignLine> Cohorts { get; private set; } = [];
    public IReadOnlyList<HolderToPhone> ToPhone { get; private set; } = [];

    public async Task OnGetAsync()
    {
        (Waves, Cohorts) = await campaigns.FiguresAsync(HttpContext.RequestAborted);
        ToPhone = await campaigns.ToPhoneAsync(IncludeUnansweredAfterReminders, HttpContext.RequestAborted);
    }
}
