using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Surveys;

/// <summary>Where a holder's invited survey stands, as the reminder and link rules need it.</summary>
public sealed record SurveyProgress(
    DateTimeOffset InvitedAt, DateTimeOffset? FirstReminderAt, DateTimeOffset? SecondReminderAt, DateOnly? RespondedOn, DateTimeOffset? OptedOutAt);

/// <summary>What a personal survey link leads to when it is opened.</summary>
public enum SurveyLinkState { Open = 1, Answered = 2, OptedOut = 3, Expired = 4 }

/// <summary>
/// The reminders of a holder's survey (cahier des charges, part 5.2: the organisation « relance » the holders) and how
/// long it may be answered: a reminder 7 days and another 21 days after the invitation while there is no answer and no
/// opt-out; the survey (and every link sent for it) closes 60 days after the invitation.
/// </summary>
public static class SurveyReminders
{
    public const int FirstReminderDays = 7;
    public const int SecondReminderDays = 21;
    public const int AnswerWindowDays = 60;

    /// <summary>The instant a survey invited at <paramref name="invitedAt"/> stops taking answers.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset invitedAt) => invitedAt.AddDays(AnswerWindowDays);

    /// <summary>The last day (in Paris) a survey invited at <paramref name="invitedAt"/> can be answered, for the e-mails.</summary>
    public static DateOnly LastDay(DateTimeOffset invitedAt) => DayInParis.Of(ExpiresAt(invitedAt).AddTicks(-1));

    /// <summary>The state of a survey's links at <paramref name="now"/>: an answer or an opt-out closes them before the expiry.</summary>
    public static SurveyLinkState StateOf(SurveyProgress survey, DateTimeOffset now) =>
        survey.RespondedOn is not null ? SurveyLinkState.Answered
        : survey.OptedOutAt is not null ? SurveyLinkState.OptedOut
        : now >= ExpiresAt(survey.InvitedAt) ? SurveyLinkState.Expired
        : SurveyLinkState.Open;

    /// <summary>
    /// The reminder to send at <paramref name="now"/>, or null. Counted in days in Paris from the invitation's day. A
    /// run that missed the 7th day sends the first reminder later; once the 21st day has come only the second one is
    /// due (two e-mails the same day would be one too many); each is sent once.
    /// </summary>
    public static SurveyLinkPurpose? Due(SurveyProgress survey, DateTimeOffset now)
    {
        if (StateOf(survey, now) != SurveyLinkState.Open || survey.SecondReminderAt is not null) return null;
        var days = DayInParis.Of(now).DayNumber - DayInParis.Of(survey.InvitedAt).DayNumber;
        if (days >= SecondReminderDays) return SurveyLinkPurpose.SecondReminder;
        if (days >= FirstReminderDays && survey.FirstReminderAt is null) return SurveyLinkPurpose.FirstReminder;
        return null;
    }
}
