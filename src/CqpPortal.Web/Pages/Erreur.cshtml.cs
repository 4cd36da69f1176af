using System.Diagnostics;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages;

/// <summary>The one error page, in French, without technical details. It must not touch the database.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? RequestId { get; private set; }
    /// <summary>The page a refused form came from, to go back to it.</summary>
    public string? BackTo { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = code ?? (exception is null ? 404 : 500);
        if (code is null && exception is null) Response.StatusCode = 404;
        if (status == 413)
        {
            // FormSafety refused a body over the page's limit before reading it.
            var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
            BackTo = original is null ? null : original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
            var limit = HttpContext.Items[FormSafety.TooLargeKey] as long?;
            (Heading, Explanation) = ("Fichier trop volumineux", (limit is { } bytes
                ? $"Le fichier dépasse la taille maximale de {FormSafety.Megabytes(bytes)} Mo."
                : "Le fichier dépasse la taille maximale acceptée.") + " Rien n'a été enregistré : revenez au formulaire et choisissez un fichier plus petit.");
            return;
        }
        if (exception is not null)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            logger.LogError(exception, "Unhandled error on {Path}", HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        }
        (Heading, Explanation) = status switch
        {
            404 => ("Page introuvable", "La page demandée n'existe pas ou n'existe plus. Vérifiez l'adresse ou repartez de l'accueil."),
            403 => ("Accès refusé", "Vous n'avez pas accès à cette page avec votre compte."),
            400 => ("Demande incorrecte", "La demande n'a pas pu être comprise. Revenez à la page précédente et réessayez."),
            429 => ("Trop de demandes", "Vous avez fait trop de demandes en peu de temps. Patientez une minute, puis réessayez."),
            _ => ("Le service est momentanément indisponible", "Une erreur nous empêche d'afficher cette page. Rien de ce que vous aviez enregistré n'est perdu. Réessayez dans quelques minutes."),
        };
    }
}
