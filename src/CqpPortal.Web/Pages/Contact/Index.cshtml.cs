using CqpPortal.Domain.Contacts;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Pages.Contact;

/// <summary>
/// How to reach the organisation (telephone, e-mail, address, office hours) and a message form that reaches staff by
/// e-mail. A refused or one-too-many message comes back with everything typed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.FormPosts)]
public class ContactModel(ContactMessages messages, IOptions<OrganisationContact> contact) : PageModel
{
    public static IEnumerable<SelectListItem> Subjects =>
        Enum.GetValues<ContactSubject>().Select(s => new SelectListItem(ContactMessageRules.Label(s), s.ToString()));

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public ContactSubject? Subject { get; set; }
        public string? Message { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Sent { get; set; }

    public OrganisationContact Contact => contact.Value;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var client = Hosting.PortalRateLimits.ClientAddress(HttpContext);
        var result = await messages.SendAsync(new ContactMessageInput(Input.Name, Input.Email, Input.Phone, Input.Subject, Input.Message), client);
        if (result.Sent)
        {
            Sent = "Votre message a été envoyé à l'organisme de formation : nous vous répondrons à l'adresse e-mail indiquée.";
            return RedirectToPage();
        }
        foreach (var (field, error) in result.Errors) ModelState.AddModelError($"Input.{field}", error);
        if (result.TooMany is { } tooMany)
        {
            ModelState.AddModelError("", tooMany);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }
}
