using CqpPortal.Domain.Vocabulary;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>The lists of the registration form, with the labels users read.</summary>
public static class RegistrationChoices
{
    public static IEnumerable<SelectListItem> Regions => Enum.GetValues<Region>().Select(r => new SelectListItem(FrenchLabels.Of(r), r.ToString()));
    public static IEnumerable<SelectListItem> Fundings => Enum.GetValues<Funding>().Select(f => new SelectListItem(FrenchLabels.Of(f), f.ToString()));
    public static IEnumerable<SelectListItem> Levels => EducationLevels.All.Select(l => new SelectListItem(EducationLevels.Label(l), l.ToString()));
    public static IEnumerable<SelectListItem> PhoneJobKinds => Enum.GetValues<PhoneJobKind>().Select(k => new SelectListItem(FrenchLabels.Of(k), k.ToString()));

    public static readonly IReadOnlyList<(CertificationRoute Value, string Label, string Hint)> Routes =
    [
        (CertificationRoute.Training, "Formation", "vous suivez la formation (70 heures au moins) puis passez les évaluations"),
        (CertificationRoute.Vae, "VAE", "vous faites valider au moins 3 ans d'expérience (livrets 1 et 2), sans formation"),
        (CertificationRoute.Free, "Candidat libre", "vous passez directement les évaluations et le jury"),
    ];

    public static readonly IReadOnlyList<(EmploymentStatus Value, string Label)> Statuses =
    [
        (EmploymentStatus.Employee, "Salarié(e)"),
        (EmploymentStatus.JobSeeker, "Demandeur d'emploi"),
        (EmploymentStatus.Other, "Autre situation"),
    ];
}
