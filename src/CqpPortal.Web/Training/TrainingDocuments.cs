using CqpPortal.Domain.Documents;
using System.Globalization;
using System.Security.Claims;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Training;

/// <summary>A PDF ready to download.</summary>
public sealed record TrainingPdf(byte[] Content, string FileName);

/// <summary>A document asked for: the PDF, or why there is none yet (French); both null when the reader may not see the record.</summary>
public sealed record TrainingPdfAnswer(TrainingPdf? Pdf, string? Refusal);

/// <summary>
/// The funders' documents of a trainee, through <see cref="PdfDocumentWriter"/>: the monthly attendance statement
/// (« Relevé mensuel de présence ») and the end-of-training certificate (« Attestation de fin de formation »), once the
/// training is over (<see cref="EndOfTrainingRules"/>). Readers go through <see cref="TrainingAccess"/>.
/// </summary>
public sealed class TrainingDocuments(TrainingRecord records, IOptions<OrganisationContact> organisation, TimeProvider clock)
{
    public const string Nature = "Action de formation concourant au développement des compétences — parcours individualisé par blocs de compétences";

    /// <summary>The statement of <paramref name="month"/> (any day of it); null when the reader may not see the record.</summary>
    public async Task<TrainingPdfAnswer?> MonthlyStatementAsync(ClaimsPrincipal user, int registrationId, DateOnly month)
    {
        if (await records.ForAsync(user, registrationId) is not { } record) return null;
        return new TrainingPdfAnswer(MonthlyStatement(record, new DateOnly(month.Year, month.Month, 1)), null);
    }

    public async Task<TrainingPdfAnswer?> CertificateAsync(ClaimsPrincipal user, int registrationId)
    {
        if (await records.ForAsync(user, registrationId) is not { } record) return null;
        var attended = record.Attendance.Any(a => a.Attendance == Attendance.Present);
        if (EndOfTrainingRules.WhyNoCertificateYet(attended, record.HasComingSession, record.LastSessionEndsAt, clock.GetUtcNow()) is { } refusal)
            return new TrainingPdfAnswer(null, refusal);
        return new TrainingPdfAnswer(Certificate(record), null);
    }

    /// <summary>Whether the certificate can be given now (for the pages to show the link or the reason).</summary>
    public string? WhyNoCertificateYet(TraineeRecord record) =>
        EndOfTrainingRules.WhyNoCertificateYet(record.Attendance.Any(a => a.Attendance == Attendance.Present), record.HasComingSession, record.LastSessionEndsAt, clock.GetUtcNow());

    private TrainingPdf MonthlyStatement(TraineeRecord record, DateOnly month)
    {
        var lines = record.Attendance.Where(a => a.Day.Year == month.Year && a.Day.Month == month.Month).ToList();
        var monthName = FrenchFormat.Month(month);
        var pdf = new PdfDocumentWriter("Relevé mensuel de présence", $"{record.CertificationName} – relevé de présence de {monthName} – {record.TraineeName}")
            .Reference(DocumentReference.Of(DocumentKind.MonthlyStatement, month, record.RegistrationId, month.Month))
            .Title("Relevé mensuel de présence")
            .Field("Organisme de formation", OrganisationName)
            .Field("Stagiaire", record.TraineeName)
            .Field("Certification", record.CertificationName)
            .Field("Mois", monthName)
            .Space(6);
        if (lines.Count == 0) pdf.Paragraph("Aucune demi-journée de formation prévue ce mois-ci.");
        else
            // A ruled table with room for each column's text (the figures' table squeezes a module's name into the next column).
            pdf.SignatureTable(["Date", "Demi-journée", "Unité / module", "Présence", "Heures"], [0.23, 0.14, 0.34, 0.18, 0.11],
                lines.Select(l => (IReadOnlyList<string>)[FrenchFormat.Date(l.Day), FrenchLabels.Of(l.HalfDay), Short(l), Status(l.Attendance), Hours(l)]).ToList(), 16);
        pdf.Line($"Total de {monthName} : {lines.Count(l => l.Attendance == Attendance.Present)} demi-journée(s) de présence.");
        pdf.Line($"Heures suivies : {TrainingHours.Format(lines.Sum(l => l.Hours))} sur {TrainingHours.Format(lines.Sum(l => l.PlannedHours))} prévues ; " +
            $"absences : {lines.Count(l => l.Attendance == Attendance.Absent)} demi-journée(s), absences justifiées : {lines.Count(l => l.Attendance == Attendance.Excused)}.");
        pdf.Space(12).SignatureBlocks(["Le stagiaire", "L'organisme de formation"]);
        return new TrainingPdf(pdf.ToBytes(), $"releve-presence-{month:yyyy-MM}.pdf");
    }

    private TrainingPdf Certificate(TraineeRecord record)
    {
        var attended = record.Attendance.Where(a => a.Attendance == Attendance.Present).ToList();
        var lastDay = record.LastSessionEndsAt is { } ends ? Domain.Time.DayInParis.Of(ends) : attended.Max(a => a.Day);
        var pdf = new PdfDocumentWriter("Attestation de fin de formation", $"{record.CertificationName} – attestation de fin de formation – {record.TraineeName}")
            .Reference(DocumentReference.Of(DocumentKind.EndOfTrainingCertificate, lastDay, record.RegistrationId))
            .Title("Attestation de fin de formation")
            .Paragraph($"{OrganisationName}, organisme de formation, atteste que {record.TraineeName} a suivi l'action de formation ci-dessous.")
            .Field("Organisme de formation", string.Join(", ", organisation.Value.AddressLines))
            .Field("Stagiaire", record.TraineeName)
            .Field("Certification visée", record.CertificationName)
            .Field("Nature de l'action", Nature)
            .Field("Dates", $"du {FrenchFormat.Date(attended.Min(a => a.Day))} au {FrenchFormat.Date(attended.Max(a => a.Day))}")
            .Heading("Objectifs");
        if (record.Path?.Objectives is { Length: > 0 } objectives) pdf.Paragraph(objectives);
        else
            foreach (var unit in record.Hours?.Units.Select(u => $"Unité {u.Number} – {u.Title}") ?? record.CertificationUnits) pdf.Line($"• {unit}");
        pdf.Heading("Heures suivies");
        if (record.Hours is { } hours)
            pdf.Table(["Unité", "Heures prévues", "Heures suivies"],
                hours.Units.Select(u => ((IReadOnlyList<string>)[$"Unité {u.Number} – {u.Title}", TrainingHours.Format(u.Planned), TrainingHours.Format(u.Done)], false))
                    .Append((["Total", TrainingHours.Format(hours.Planned), TrainingHours.Format(hours.Done)], true)).ToList());
        else
            pdf.Table(["Unité", "Heures suivies"],
                attended.GroupBy(a => a.Unit).Select(g => ((IReadOnlyList<string>)[g.Key, TrainingHours.Format(g.Sum(a => a.Hours))], false))
                    .Append((["Total", TrainingHours.Format(attended.Sum(a => a.Hours))], true)).ToList());
        // Dated with the training's last day (not the download's), so that the attestation is the same each time.
        pdf.Paragraph("Attestation délivrée pour servir et valoir ce que de droit.")
            .MadeAndSigned(lastDay)
            .SignatureBlocks(["Signature et cachet de l'organisme"]);
        return new TrainingPdf(pdf.ToBytes(), "attestation-fin-de-formation.pdf");
    }

    /// <summary>The organisation's name: the first line of its postal address (section Organisation).</summary>
    private string OrganisationName => organisation.Value.AddressLines.FirstOrDefault() ?? "L'organisme de formation";

    /// <summary>« U1 – module », cut to what the statement's column holds.</summary>
    private static string Short(AttendanceLine l)
    {
        var text = l.UnitNumber is { } n ? $"U{n}{(l.Module is { } m ? " – " + m : "")}" : l.Module ?? "—";
        return text.Length <= ModuleColumnCharacters ? text : text[..(ModuleColumnCharacters - 1)].TrimEnd() + "…";
    }

    private const int ModuleColumnCharacters = 28;

    public static string Status(Attendance? attendance) => attendance is { } a ? FrenchLabels.Of(a) : "non notée";

    private static string Hours(AttendanceLine l) => l.Attendance is null ? "–" : TrainingHours.Format(l.Hours);
}
