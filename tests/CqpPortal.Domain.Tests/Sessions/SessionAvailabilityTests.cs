using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Sessions;

public class SessionAvailabilityTests
{
    private static readonly DateOnly Deadline = new(2026, 5, 1);

    [Theory]
    [InlineData(false, 10, 9, "2026-05-01", SessionAvailability.Open)] // the deadline day itself is still open
    [InlineData(false, 10, 10, "2026-04-20", SessionAvailability.Full)]
    [InlineData(false, 10, 3, "2026-05-02", SessionAvailability.RegistrationClosed)]
    [InlineData(false, 10, 10, "2026-05-02", SessionAvailability.RegistrationClosed)]
    [InlineData(true, 10, 3, "2026-04-20", SessionAvailability.Cancelled)]
    [InlineData(true, 10, 10, "2026-05-02", SessionAvailability.Cancelled)]
    public void A_cancellation_outranks_the_deadline_which_outranks_the_seats(bool cancelled, int capacity, int enrolled, string today, SessionAvailability expected) =>
        Assert.Equal(expected, SessionAvailabilityRule.Of(SessionKind.Evaluation, cancelled, capacity, enrolled, Deadline, DateOnly.Parse(today)));

    [Theory]
    [InlineData(false, "2026-04-20", SessionAvailability.ByConvocation)] // seats left and before the deadline: still not "open"
    [InlineData(false, "2026-05-02", SessionAvailability.ByConvocation)]
    [InlineData(true, "2026-04-20", SessionAvailability.Cancelled)]
    public void A_jury_is_never_open_to_sign_up_since_candidates_are_convened(bool cancelled, string today, SessionAvailability expected) =>
        Assert.Equal(expected, SessionAvailabilityRule.Of(SessionKind.Jury, cancelled, 10, 0, Deadline, DateOnly.Parse(today)));

    [Theory]
    [InlineData(false, "2026-04-20", SessionAvailability.ByTrainingOrganisation)]
    [InlineData(true, "2026-04-20", SessionAvailability.Cancelled)]
    public void A_training_session_shows_that_the_organisation_enrols_its_trainees(bool cancelled, string today, SessionAvailability expected) =>
        Assert.Equal(expected, SessionAvailabilityRule.Of(SessionKind.Training, cancelled, 10, 0, Deadline, DateOnly.Parse(today)));

    [Theory]
    [InlineData(12, 0, 12)]
    [InlineData(12, 11, 1)]
    [InlineData(12, 12, 0)]
    [InlineData(8, 10, 0)] // capacity lowered below the people already enrolled
    public void Seats_left_are_the_capacity_minus_the_enrolled_never_below_zero(int capacity, int enrolled, int left) =>
        Assert.Equal(left, SessionAvailabilityRule.SeatsLeft(capacity, enrolled));

    [Theory]
    [InlineData(SessionKind.Evaluation, 12)]
    [InlineData(SessionKind.VaeSituation, 12)]
    [InlineData(SessionKind.Jury, null)] // « Sur convocation »: the home page once showed 12 seats left here
    [InlineData(SessionKind.Training, null)]
    public void Seats_are_shown_only_for_sessions_candidates_sign_up_for_themselves(SessionKind kind, int? shown) =>
        Assert.Equal(shown, SessionAvailabilityRule.SeatsShown(kind, 12, 0));

    [Fact]
    public void Each_availability_has_its_french_word() =>
        Assert.Equal(["Ouverte", "Complète (liste d'attente)", "Inscriptions closes", "Annulée", "Sur convocation (pas d'inscription en ligne)", "Sur inscription par l'organisme de formation"],
            Enum.GetValues<SessionAvailability>().Select(FrenchLabels.Of));
}
