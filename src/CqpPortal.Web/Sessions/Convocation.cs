using CqpPortal.Domain.Documents;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Sessions;

/// <summary>The convocation letter (PDF) and calendar entry (.ics) of an enrolment.</summary>
public static class Convocation
{
    public static string Title(Session s) => $"Convocation – {FrenchLabels.Of(s.Kind)} du {FrenchFormat.Date(s.StartsAt)}";

    /// <param name="issuedOn">The day the convocation is issued (« Fait à …, le … »); the session's last change when not given.</param>
    public static byte[] Pdf(Candidate candidate, Session session, Certification certification, DateOnly? issuedOn = null) =>
        WithReference(new PdfDocumentWriter("Convocation", $"{certification.Name} – convocation"), candidate, session)
            .Title("Convocation")
            .Field("Candidat", candidate.FullName)
            .Field("Épreuve", FrenchLabels.Of(session.Kind))
            .Field("Date", FrenchFormat.DateTime(session.StartsAt))
            .Field("Durée", FrenchFormat.Duration(session.DurationMinutes))
            .Field("Lieu", $"{session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}")
            .Heading(candidate.Sex == Sex.Female ? "Madame," : "Monsieur,")
            .Paragraph($"Nous vous prions de vous présenter à l'épreuve ci-dessus dans le cadre du {certification.Name}, muni(e) d'une pièce d'identité, au moins 15 minutes avant l'heure indiquée.")
            .Paragraph(session.Kind == SessionKind.Jury
                ? "Le jury, composé de professionnels de la branche, se prononcera sur votre dossier après un échange avec vous."
                : "L'évaluation comprend une heure de préparation sur le dossier école, puis l'observation en situation simulée et un entretien avec l'évaluateur (environ 3 h 40 au total).")
            .Paragraph(session.Kind == SessionKind.Jury
                // Candidates are convened to the jury by the organisation: they do not cancel it online, they tell it.
                ? "En cas d'empêchement, prévenez au plus tôt l'organisme de formation par téléphone ou par e-mail : il vous proposera un autre jury."
                : "En cas d'empêchement, annulez votre inscription dans votre espace candidat afin de libérer la place pour un autre candidat.")
            .MadeAndSigned(issuedOn ?? Domain.Time.DayInParis.Of(session.UpdatedAt))
            .ToBytes();

    // Saved records only: a convocation drawn for entities not yet saved (a preview, a test) has no reference.
    private static PdfDocumentWriter WithReference(PdfDocumentWriter pdf, Candidate candidate, Session session) =>
        candidate.Id > 0 && session.Id > 0
            ? pdf.Reference(DocumentReference.Of(DocumentKind.Convocation, Domain.Time.DayInParis.Of(session.StartsAt), candidate.Id, session.Id))
            : pdf;

    /// <param name="certification">The certification's name (<see cref="Certification.Name"/>), for the event's title.</param>
    /// <summary>The session's public page (« /calendrier/{id} »), absolute from Portal:PublicUrl, for e-mails and agenda events.</summary>
    public static string PageLink(Hosting.PortalSettings settings, int sessionId) => settings.PublicLink($"/calendrier/{sessionId}");

    public static CalendarEvent Event(Session s, string certification, Hosting.PortalSettings settings) => new(
        // The UID stays what agendas subscribed to the feed already hold: a new one would duplicate their events.
        $"session-{s.Id}@cqp-telesecretaire", s.StartsAt, s.StartsAt.AddMinutes(s.DurationMinutes),
        $"{certification} – {FrenchLabels.Of(s.Kind)}",
        $"{s.PlaceName}, {s.Address}, {s.PostalCode} {s.City}",
        "Présentez-vous 15 minutes avant le début, muni(e) d'une pièce d'identité.", PageLink(settings, s.Id));
}
