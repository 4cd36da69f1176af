using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity;

public class PortalUser : IdentityUser
{
    /// <summary>The name shown in the header and in history entries ("who decided").</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The last sign-in (a session opened): the retention job's « 3 ans sans connexion » counts from it.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}
