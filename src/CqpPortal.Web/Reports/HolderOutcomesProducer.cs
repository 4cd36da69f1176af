using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Reports.Charts;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The anonymous 6-month outcomes of the holders certified by one jury session, as a PDF for SIST: counts only, no
/// name is read; each outcome as a chart with its figures as text, small counts masked as in the annual pack.
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
        var holders = await db.JuryDecisions.AsNoTracking().Where(JuryDecision.IsFinal)
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
        return [new ReportFile(FileName(day), "application/pdf", Render(day, session.City, session.Region, outcomes, sessionId))];
    }

    public static byte[] Render(DateOnly sessionDay, string city, Region region, SessionHolderOutcomes o, int sessionId = 0)
    {
        var pdf = new PdfDocumentWriter("Devenir des titulaires à 6 mois", $"Jury du {FrenchFormat.Date(sessionDay)} – chiffres anonymes");
        if (sessionId > 0) pdf.Reference(DocumentReference.Of(DocumentKind.HolderOutcomes, sessionDay, sessionId));
        pdf
            .Title("Devenir des titulaires six mois après le jury")
            .Field("Jury du", FrenchFormat.Date(sessionDay))
            .Field("Lieu", $"{city} ({FrenchLabels.Of(region)})")
            .Field("Titulaires certifiés (validation totale)", PackValue.Count(MaskedCount.Of(o.Holders)).Text)
            .Field("Enquêtes à 6 mois envoyées", PackValue.Count(MaskedCount.Of(o.Invited)).Text)
            .Field("Réponses reçues", PackValue.Count(MaskedCount.Of(o.Responses)).Text);
        Outcome(pdf, "Situation à 6 mois", o.Situation, FrenchLabels.Of);
        Outcome(pdf, "Type de contrat (titulaires en emploi)", o.Contract, FrenchLabels.Of);
        Outcome(pdf, "Secteur (titulaires en emploi)", o.Sector, FrenchLabels.Of);
        return pdf.Paragraph("")
            .Paragraph("Chiffres anonymes : effectifs seulement, aucune donnée nominative. Source : enquêtes de suivi des titulaires à 6 mois.")
            .Paragraph(AnnualPackContent.MaskingNote)
            .ToBytes();
    }

    /// <summary>
    /// One outcome as a chart (one colour per category, as the dashboard's pies) with its figures as text below it,
    /// masked as in the annual pack: 1 to 4 people show as "&lt; 5", with no bar, and their secondary cell as "masqué".
    /// </summary>
    private static void Outcome<TKey>(PdfDocumentWriter pdf, string heading, Tally<TKey> tally, Func<TKey, string> label) where TKey : notnull
    {
        var masked = SmallCountMasking.Mask(tally.Entries.Select(e => e.Count).ToList());
        var figures = tally.Entries.Select((e, i) => (Label: label(e.Key), Value: PackValue.Count(masked.Cells[i]))).ToList();
        var chart = BarChartImage.Draw(new BarChart(figures.Select(f => new ChartBar(f.Label, f.Value.Shown, f.Value.Text)).ToList(), ChartScale.Count, ColourPerCategory: true));
        pdf.KeepTogether(28 + chart.HeightPoints + 4 + figures.Count * 14.5).Heading(heading).Image(chart.Png, chart.WidthPoints, chart.HeightPoints);
        foreach (var (text, value) in figures) pdf.Field(text, value.Text);
    }
}
