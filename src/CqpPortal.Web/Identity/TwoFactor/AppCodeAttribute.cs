using System.ComponentModel.DataAnnotations;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>
/// A code typed from the authenticator app: 6 digits, with a space or a dash in the middle as some apps show it. Used
/// by the sign-in's second step and by turning the second factor on.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AppCodeAttribute : RegularExpressionAttribute
{
    public AppCodeAttribute() : base(@"^\s*\d{3}[\s-]?\d{3}\s*$") => ErrorMessage = "Le code comporte 6 chiffres, par exemple 123456.";
}
