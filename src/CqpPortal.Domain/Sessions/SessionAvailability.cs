using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Sessions;

/// <summary>What the public calendar says about a session's registrations.</summary>
public enum SessionAvailability { Open = 1, Full = 2, RegistrationClosed = 3, Cancelled = 4, ByConvocation = 5, ByTrainingOrganisation = 6 }

public static class SessionAvailabilityRule
{
    /// <summary>
    /// A cancellation outranks everything; then juries, which no candidate signs up for (the training organisation
    /// convenes them, see <see cref="SessionSignUpRules"/>), so they are never "open", nor training sessions (staff enrol the trainees); then the deadline (after it no one can sign up, full or not); then the
    /// seats, counting enrolled candidates only (a full session still takes a waiting list).
    /// </summary>
    public static SessionAvailability Of(SessionKind kind, bool cancelled, int capacity, int enrolled, DateOnly registrationDeadline, DateOnly today) =>
        cancelled ? SessionAvailability.Cancelled
        : TakesOnlineSignUps(kind) ? ByDeadlineAndSeats(capacity, enrolled, registrationDeadline, today)
        : kind == SessionKind.Jury ? SessionAvailability.ByConvocation
        : SessionAvailability.ByTrainingOrganisation;

    /// <summary>
    /// Whether candidates sign up for this kind of session themselves: not for a jury (the organisation convenes) nor for a
    /// training session (the organisation enrols its trainees). Only then do seats left and a deadline mean anything to a
    /// visitor, so every public page (home, calendar, a session's page) shows them only then.
    /// </summary>
    public static bool TakesOnlineSignUps(SessionKind kind) => kind is not (SessionKind.Jury or SessionKind.Training);

    /// <summary>The seats a public page shows: none (null) where candidates do not sign up, « Sur convocation » says why.</summary>
    public static int? SeatsShown(SessionKind kind, int capacity, int enrolled) => TakesOnlineSignUps(kind) ? SeatsLeft(capacity, enrolled) : null;

    private static SessionAvailability ByDeadlineAndSeats(int capacity, int enrolled, DateOnly registrationDeadline, DateOnly today) =>
        today > registrationDeadline ? SessionAvailability.RegistrationClosed
        : enrolled >= capacity ? SessionAvailability.Full
        : SessionAvailability.Open;

    public static int SeatsLeft(int capacity, int enrolled) => Math.Max(0, capacity - enrolled);
}
