using CqpPortal.Web.Partners;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Pages.Partenaires;

/// <summary>The partner sites the cahier des charges asks for (§ 4), with what each partner does in the CQP.</summary>
public class PartnersModel(IOptions<PartnerLinks> links) : PageModel
{
    public PartnerLinks Links => links.Value;

    public void OnGet()
    {
    }
}
