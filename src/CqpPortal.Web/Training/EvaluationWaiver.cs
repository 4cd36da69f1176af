using System.Security.Claims;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>
/// Staff let a trainee sign up for an evaluation before the current path's hours are done, and say why (the sign-up
/// rule reads <see cref="TrainingPath.EvaluationWaiverReason"/>). Recorded on the current path, with who and when.
/// </summary>
public sealed class EvaluationWaiver(CqpDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public const int MaximumReasonLength = 1000;

    /// <summary>Returns why not in French (nothing saved), or null once recorded.</summary>
    public async Task<string?> RecordAsync(int registrationId, string? reason, ClaimsPrincipal user)
    {
        if (!Roles.IsStaff(user)) return "Seul l'organisme de formation peut accorder une dérogation.";
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return "Indiquez la raison de la dérogation.";
        if (reason.Length > MaximumReasonLength) return $"La raison ne doit pas dépasser {MaximumReasonLength} caractères.";
        var path = await db.TrainingPaths.Where(p => p.RegistrationId == registrationId && p.SupersededAt == null)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync();
        if (path is null) return "Ce stagiaire n'a pas de parcours de formation dans le portail : aucune dérogation n'est nécessaire.";
        (path.EvaluationWaiverReason, path.EvaluationWaiverAt, path.EvaluationWaiverByUserId) = (reason, clock.GetUtcNow(), users.GetUserId(user));
        await db.SaveChangesAsync();
        return null;
    }
}
