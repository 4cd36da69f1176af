using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

/// <summary>« Mes sessions de connexion »: the user's open sessions, each of which they can end; never anyone else's (404).</summary>
[Authorize]
public class SessionsModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions) : PageModel
{
    public IReadOnlyList<UserSessions.Active> Active { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    private string UserId => users.GetUserId(User)!;

    private Guid? Current => UserSessionStore.CurrentSession(HttpContext);

    public async Task OnGetAsync() => Active = await sessions.ActiveAsync(UserId, Current, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (!await sessions.EndAsync(UserId, id, HttpContext.RequestAborted)) return NotFound();
        if (id == Current)
        {
            await signIn.SignOutAsync();
            return RedirectToPage("/Compte/Connexion");
        }
        Message = "La session est fermée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var ended = await sessions.EndOthersAsync(UserId, Current, HttpContext.RequestAborted);
        Message = ended switch
        {
            0 => "Aucune autre session n'était ouverte.",
            1 => "L'autre session est fermée.",
            _ => $"Les {ended} autres sessions sont fermées.",
        };
        return RedirectToPage();
    }
}
