using CqpPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity;

/// <summary>Identity's check of a new password: the one rule, <see cref="PasswordPolicy"/>, with its French reasons.</summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var reasons = PasswordPolicy.WhyRefused(password);
        return Task.FromResult(reasons.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. reasons.Select(r => new IdentityError { Code = "PasswordPolicy", Description = r })]));
    }
}
