using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>The lists of the registration form as select items, from the one description of the form (<see cref="RegistrationForm"/>).</summary>
public static class RegistrationChoices
{
    public static IEnumerable<SelectListItem> Regions => Items(RegistrationForm.Region);
    public static IEnumerable<SelectListItem> Fundings => Items(RegistrationForm.Funding);
    public static IEnumerable<SelectListItem> Levels => Items(RegistrationForm.EducationLevel);
    public static IEnumerable<SelectListItem> DiplomaGroups => Items(RegistrationForm.DiplomaGroup);
    public static IEnumerable<SelectListItem> PhoneJobKinds => Items(RegistrationForm.PhoneJobKind);

    private static IEnumerable<SelectListItem> Items(FormField field) => field.Options.Select(c => new SelectListItem(c.Label, c.Value));
}
