using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity;

public class PortalUser : IdentityUser
{
    /// <summary>The name shown in the header and in history entries ("who decided").</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";
}
