using CqpPortal.Domain.Documents;
using System.Security.Claims;
using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Vae;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

/// <summary>
/// The candidate's evaluation file (« dossier d'évaluation ») for the jury: for each evaluation or VAE situation
/// session with a grid, the date, place and evaluators, then each unit with its competences, the marks, both
/// evaluators' observations and the co-evaluator's agreement, the unit results and the signatures. A signed grid and a
/// correction in progress are both shown (the latter as « grille non signée »); superseded versions are not.
/// </summary>
public sealed class EvaluationFile(CqpDbContext db, EvaluationAccess access)
{
    /// <summary>The PDF, or null when the registration does not exist or <paramref name="user"/> may not read it.</summary>
    public async Task<VaeFileContent?> PdfAsync(int registrationId, ClaimsPrincipal user)
    {
        if (!await access.EvaluationFileRegistrations(user).AnyAsync(id => id == registrationId)) return null;
        var registration = await db.Registrations.Where(r => r.Id == registrationId)
            .Select(r => new { r.Candidate!.FirstName, r.Candidate.LastName, r.Route, r.Certification!.Kind, r.Certification.Title }).FirstOrDefaultAsync();
        if (registration is null) return null;
        var certification = $"{registration.Kind} {registration.Title}";
        var candidate = $"{registration.FirstName} {registration.LastName}";
        var grids = await db.EvaluationGrids.Include(g => g.Entries)
            .Where(g => g.Enrolment!.RegistrationId == registrationId && g.SupersededAt == null && g.Enrolment.Session!.Kind != SessionKind.Jury)
            .Select(g => new { Grid = g, g.Enrolment!.Session })
            .ToListAsync();
        var competenceIds = grids.SelectMany(g => g.Grid.Entries).Select(e => e.CompetenceId).Distinct().ToList();
        var competences = await db.Competences.Where(c => competenceIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Title, c.UnitId, c.Unit!.Number, UnitTitle = c.Unit.Title }).ToDictionaryAsync(c => c.Id);

        var pdf = new PdfDocumentWriter($"Dossier d'évaluation – {candidate}", $"{certification} – dossier d'évaluation de {candidate}")
            .Reference(DocumentReference.Of(DocumentKind.EvaluationFile,
                grids.Count > 0 ? Domain.Time.DayInParis.Of(grids.Max(g => g.Session!.StartsAt)) : new DateOnly(2000, 1, 1), registrationId))
            .Title("Dossier d'évaluation")
            .Field("Certification", certification)
            .Field("Candidat", candidate)
            .Field("Voie d'accès", FrenchLabels.Of(registration.Route));
        if (grids.Count == 0) pdf.Paragraph("Aucune grille d'évaluation n'est encore ouverte pour ce candidat.");
        foreach (var item in grids.OrderBy(g => g.Session!.StartsAt).ThenBy(g => g.Grid.Version))
        {
            var (grid, session) = (item.Grid, item.Session!);
            pdf.Heading($"{FrenchLabels.Of(session.Kind)} du {FrenchFormat.DateTime(session.StartsAt)} – grille version {grid.Version}")
                .Field("Lieu", $"{session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}");
            foreach (var e in await EvaluationGrids.EvaluatorsAsync(db, session.Id))
                pdf.Field(e.Role == EvaluatorRole.Evaluator ? "Évaluateur" : "Co-évaluateur", e.Name + (e.Remote ? " (à distance)" : ""));
            if (grid.Version > 1) pdf.Field($"Correction de la version {grid.Version - 1}, motif", grid.CorrectionReason ?? "—");
            if (!grid.IsLocked) pdf.Line("Grille non signée : les résultats ci-dessous ne sont pas définitifs.", strong: true);
            foreach (var unit in grid.Entries.GroupBy(e => competences[e.CompetenceId].UnitId).OrderBy(u => competences[u.First().CompetenceId].Number))
            {
                var first = competences[unit.First().CompetenceId];
                var outcome = EvaluationGridRules.UnitResult(grid.IsLocked, unit.Select(e => e.Acquired));
                pdf.Heading($"Unité {first.Number} : {first.UnitTitle} – {EvaluationGridRules.Label(outcome)}");
                foreach (var entry in unit.OrderBy(e => competences[e.CompetenceId].Code, CompetenceCodeOrder.Instance))
                {
                    var c = competences[entry.CompetenceId];
                    pdf.Line($"{c.Code} – {c.Title} : {Mark(entry.Acquired)}", strong: true);
                    if (entry.Observation is { } observation) pdf.Line($"Observation de l'évaluateur : {observation}");
                    pdf.Line("Co-évaluateur : " + entry.CoEvaluatorAgrees switch { true => "d'accord", false => "pas d'accord", null => "pas encore répondu" }
                        + (entry.CoEvaluatorObservation is { } co ? $" – {co}" : ""));
                    pdf.Space(3);
                }
            }
            if (grid.GeneralObservation is { } general) pdf.Field("Observation générale", general);
            pdf.Heading("Signatures");
            pdf.Line(await SignedAsync("Évaluateur", grid.EvaluatorSignedByUserId, grid.EvaluatorSignedAt));
            pdf.Line(await SignedAsync("Co-évaluateur", grid.CoEvaluatorSignedByUserId, grid.CoEvaluatorSignedAt));
            if (!grid.IsLocked) pdf.Line("Grille non signée.", strong: true);
            pdf.Space(10);
        }
        return new VaeFileContent($"dossier-evaluation-{registrationId}.pdf", "application/pdf", pdf.ToBytes());
    }

    private async Task<string> SignedAsync(string who, string? userId, DateTimeOffset? at) =>
        await EvaluationGrids.SignatureAsync(db, userId, at) is { } s ? $"{who} : signé par {s.Name} le {FrenchFormat.DateTime(s.At)}" : $"{who} : pas encore signé";

    private static string Mark(bool? acquired) => acquired switch { true => "acquise", false => "non acquise", null => "non notée" };
}
