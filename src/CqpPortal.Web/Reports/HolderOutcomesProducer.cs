using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The anonymous 6-month outcomes of the holders certified by one jury session, as a PDF for SIST: counts only, no
/// name is read.
/// </summary>
public sealed class HolderOutcomesProducer(CqpDbContext db) : IReportProducer
{
    public string Kind => ReportKinds.HolderOutcomes;

    public static string FileName(DateOnly sessionDay) => $"devenir-titulaires-jury-{sessionDay:yyyy-MM-dd}.pdf";

    public async Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken)
    {
        var sessionId = context.RequireSession();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.StartsAt, s.DurationMinutes, s.City, s.Region, s.Kind })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ReportException($"La session n° {sessionId} n'existe plus.");
        if (session.Kind != SessionKind.Jury) throw new ReportException($"La session n° {sessionId} n'est pas un jury.");

        await context.ReportProgressAsync(20, "Lecture des décisions du jury", cancellationToken);
        var holders = await db.JuryDecisions.AsNoTracking()
            .Where(j => j.SessionId == sessionId && j.Result == JuryResult.TotalValidation)
            .Select(j => j.RegistrationId).Distinct().ToListAsync(cancellationToken);

        await context.ReportProgressAsync(50, "Lecture des réponses à l'enquête à 6 mois", cancellationToken);
        var surveys = await db.HolderSurveys.AsNoTracking()
            .Where(s => holders.Contains(s.RegistrationId) && s.Wave == SurveyWave.SixMonths)
            .Select(s => new { s.Wave, s.InvitedAt, s.RespondedOn, s.Situation, s.Contract, s.Sector })
            .ToListAsync(cancellationToken);
        var outcomes = SessionHolderOutcomes.Compute(holders.Count, surveys.Select(s => new SurveyRow(
            s.Wave, s.InvitedAt is { } at ? DayInParis.Of(at) : null,
            s.RespondedOn, s.Situation, s.Contract, s.Sector)).ToList());

        await context.ReportProgressAsync(80, "Mise en page du PDF", cancellationToken);
        var day = DayInParis.Of(session.StartsAt);
        return [new ReportFile(FileName(day), "application/pdf", Render(day, session.City, session.Region, outcomes))];
    }

    public static byte[] Render(DateOnly sessionDay, string city, Region region, SessionHolderOutcomes o)
    {
        var pdf = new PdfDocumentWriter("Devenir des titulaires à 6 mois", $"Jury du {FrenchFormat.Date(sessionDay)} – chiffres anonymes")
            .Title("Devenir des titulaires six mois après le jury")
            .Field("Jury du", FrenchFormat.Date(sessionDay))
            .Field("Lieu", $"{city} ({FrenchLabels.Of(region)})")
            .Field("Titulaires certifiés (validation totale)", o.Holders.ToString(PortalCulture))
            .Field("Enquêtes à 6 mois envoyées", o.Invited.ToString(PortalCulture))
            .Field("Réponses reçues", o.Responses.ToString(PortalCulture))
            .Heading("Situation à 6 mois");
        foreach (var (situation, count) in o.Situation.Entries) pdf.Field(FrenchLabels.Of(situation), count.ToString(PortalCulture));
        pdf.Heading("Type de contrat (titulaires en emploi)");
        foreach (var (contract, count) in o.Contract.Entries) pdf.Field(FrenchLabels.Of(contract), count.ToString(PortalCulture));
        pdf.Heading("Secteur (titulaires en emploi)");
        foreach (var (sector, count) in o.Sector.Entries) pdf.Field(FrenchLabels.Of(sector), count.ToString(PortalCulture));
        return pdf.Paragraph("")
            .Paragraph("Chiffres anonymes : effectifs seulement, aucune donnée nominative. Source : enquêtes de suivi des titulaires à 6 mois.")
            .ToBytes();
    }

    private static readonly System.Globalization.CultureInfo PortalCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}
