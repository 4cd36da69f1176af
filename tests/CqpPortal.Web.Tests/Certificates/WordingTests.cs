using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;

namespace CqpPortal.Web.Tests.Certificates;

/// <summary>The certification is named from its data, and jury candidates are not told to cancel online.</summary>
public class WordingTests
{
    private static readonly Certification Accueil = new() { Code = "CQP-ACC", Title = "Chargé(e) d'accueil", Kind = "CQP" };
    private static readonly Candidate Lea = new() { FirstName = "Léa", LastName = "Durand", Email = "lea@exemple.fr", Sex = Sex.Female };

    private static Session SessionOf(SessionKind kind) => new()
    {
        Kind = kind, StartsAt = new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero), DurationMinutes = 180, PlaceName = "Centre", Address = "1 rue A",
        PostalCode = "44000", City = "Nantes", Region = Region.Ouest, Capacity = 10, RegistrationDeadline = new DateOnly(2026, 12, 1),
    };

    private static string Text(byte[] pdf) => string.Join(' ', PdfText.Of(pdf).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_jury_convocation_asks_to_tell_the_organisation_rather_than_cancel_online()
    {
        var text = Text(Convocation.Pdf(Lea, SessionOf(SessionKind.Jury), Accueil));
        Assert.Contains("CQP Chargé(e) d'accueil", text);
        Assert.DoesNotContain("Télésecrétaire", text);
        Assert.DoesNotContain("annulez", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("prévenez au plus tôt l'organisme de formation par téléphone ou par e-mail", text);
        Assert.Contains("annulez votre inscription dans votre espace candidat", Text(Convocation.Pdf(Lea, SessionOf(SessionKind.Evaluation), Accueil)));
    }

    [Fact]
    public void Calendar_entries_carry_the_certifications_name()
    {
        var entry = Convocation.Event(SessionOf(SessionKind.Jury), Accueil.Name, new CqpPortal.Web.Hosting.PortalSettings { PublicUrl = "https://cqp.example.fr" });
        Assert.StartsWith("CQP Chargé(e) d'accueil – ", entry.Summary);
    }

    [Fact]
    public void Each_calendar_event_carries_the_session_pages_public_address_as_its_url_and_in_its_description()
    {
        var session = SessionOf(SessionKind.Evaluation);
        session.Id = 42;
        var entry = Convocation.Event(session, Accueil.Name, new CqpPortal.Web.Hosting.PortalSettings { PublicUrl = "https://cqp.example.fr/" });
        var ics = CqpPortal.Web.Calendar.ICalendarWriter.Write([entry], DateTimeOffset.UnixEpoch, Accueil.Name);
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Equal($"https://cqp.example.fr/calendrier/{session.Id}", entry.Url);
        Assert.Contains($"\r\nURL:https://cqp.example.fr/calendrier/{session.Id}\r\n", unfolded);
        Assert.Contains($"Page de la session : https://cqp.example.fr/calendrier/{session.Id}", unfolded);
    }
}
