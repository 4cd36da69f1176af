using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Training;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Training;

/// <summary>What a training convocation states: the session with its unit and certification, the trainer's name and the trainee.</summary>
public sealed record TrainingConvocationFacts(Candidate Candidate, Session Session, CertificationUnit Unit, string CertificationName, string TrainerName);

/// <summary>The convocation to a training session (« Convocation à la formation »): its PDF and its calendar entry (.ics).</summary>
public static class TrainingConvocation
{
    public static string FileStem(Session s) => $"convocation-formation-{Domain.Time.DayInParis.Of(s.StartsAt):yyyy-MM-dd}";

    public static string Hours(Session s) => FrenchFormat.Hours(s.StartsAt, s.DurationMinutes);

    public static string Place(Session s) =>
        (string.IsNullOrWhiteSpace(s.Room) ? "" : $"{s.Room}, ") + $"{s.PlaceName}, {s.Address}, {s.PostalCode} {s.City}";

    public static string UnitLabel(CertificationUnit unit) => $"Unité {unit.Number} – {unit.Title}";

    public static byte[] Pdf(TrainingConvocationFacts f) =>
        WithReference(new PdfDocumentWriter("Convocation à la formation", $"{f.CertificationName} – convocation à la formation"), f)
            .Title("Convocation à la formation")
            .Field("Stagiaire", f.Candidate.FullName)
            .Field("Date", FrenchFormat.LongDate(Domain.Time.DayInParis.Of(f.Session.StartsAt)))
            .Field("Horaires", Hours(f.Session) + $" ({TrainingDay.Hours(f.Session.StartsAt, f.Session.DurationMinutes).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} h de formation)")
            .Field("Lieu", $"{f.Session.PlaceName}, {f.Session.Address}, {f.Session.PostalCode} {f.Session.City}")
            .Field("Salle", string.IsNullOrWhiteSpace(f.Session.Room) ? "communiquée à l'accueil" : f.Session.Room)
            .Field("Unité", UnitLabel(f.Unit))
            .Field("Module", f.Session.ModuleTitle ?? "")
            .Field("Formateur", f.TrainerName)
            .Heading(f.Candidate.Sex == Domain.Vocabulary.Sex.Female ? "Madame," : "Monsieur,")
            .Paragraph($"Dans le cadre de votre parcours individuel de formation au {f.CertificationName}, nous vous prions de vous présenter à la session de formation ci-dessus, 10 minutes avant l'heure indiquée.")
            .Paragraph("Votre présence est relevée par demi-journée. En cas d'empêchement, prévenez au plus tôt l'organisme de formation et votre entreprise.")
            // Made on demand: dated with the session's last change, so that two downloads are the same document.
            .MadeAndSigned(Domain.Time.DayInParis.Of(f.Session.UpdatedAt))
            .ToBytes();

    // Saved records only: a convocation drawn for entities not yet saved has no reference.
    private static PdfDocumentWriter WithReference(PdfDocumentWriter pdf, TrainingConvocationFacts f) =>
        f.Candidate.Id > 0 && f.Session.Id > 0
            ? pdf.Reference(DocumentReference.Of(DocumentKind.TrainingConvocation, Domain.Time.DayInParis.Of(f.Session.StartsAt), f.Candidate.Id, f.Session.Id))
            : pdf;

    public static CalendarEvent Event(TrainingConvocationFacts f, Hosting.PortalSettings settings) => new(
        // The same UID as the public calendar's entry for this session: an agenda holding both shows it once.
        $"session-{f.Session.Id}@cqp-telesecretaire", f.Session.StartsAt, f.Session.StartsAt.AddMinutes(f.Session.DurationMinutes),
        $"{f.CertificationName} – Formation : {f.Session.ModuleTitle}",
        Place(f.Session),
        $"{UnitLabel(f.Unit)}. Formateur : {f.TrainerName}. Présentez-vous 10 minutes avant le début.", Sessions.Convocation.PageLink(settings, f.Session.Id));

    public static byte[] Ics(TrainingConvocationFacts f, DateTimeOffset stamp, Hosting.PortalSettings settings) =>
        System.Text.Encoding.UTF8.GetBytes(ICalendarWriter.Write([Event(f, settings)], stamp, "Formation"));

    public static IReadOnlyList<EmailAttachment> Attachments(TrainingConvocationFacts f, DateTimeOffset stamp, Hosting.PortalSettings settings) =>
    [
        new($"{FileStem(f.Session)}.pdf", "application/pdf", Pdf(f)),
        new($"{FileStem(f.Session)}.ics", "text/calendar", Ics(f, stamp, settings)),
    ];
}
