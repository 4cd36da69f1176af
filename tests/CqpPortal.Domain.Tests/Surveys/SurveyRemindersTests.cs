using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Surveys;

public class SurveyRemindersTests
{
    private static readonly DateOnly InvitedOn = new(2027, 3, 10);
    private static readonly DateTimeOffset InvitedAt = DayInParis.At(InvitedOn, new TimeOnly(9, 0));

    private static DateTimeOffset DaysLater(int days, int hour = 9) => DayInParis.At(InvitedOn.AddDays(days), new TimeOnly(hour, 0));

    private static SurveyProgress Invited(DateTimeOffset? first = null, DateTimeOffset? second = null, DateOnly? responded = null, DateTimeOffset? optedOut = null) =>
        new(InvitedAt, first, second, responded, optedOut);

    [Fact]
    public void No_reminder_is_due_in_the_first_six_days()
    {
        foreach (var day in Enumerable.Range(0, 7)) Assert.Null(SurveyReminders.Due(Invited(), DaysLater(day, 23)));
    }

    [Fact]
    public void The_first_reminder_is_due_on_the_seventh_day_and_not_again_once_sent()
    {
        Assert.Equal(SurveyLinkPurpose.FirstReminder, SurveyReminders.Due(Invited(), DaysLater(7, 0)));
        Assert.Null(SurveyReminders.Due(Invited(first: DaysLater(7)), DaysLater(7, 12)));
        Assert.Null(SurveyReminders.Due(Invited(first: DaysLater(7)), DaysLater(20)));
    }

    [Fact]
    public void The_second_reminder_is_due_on_the_twenty_first_day_and_not_again_once_sent()
    {
        Assert.Equal(SurveyLinkPurpose.SecondReminder, SurveyReminders.Due(Invited(first: DaysLater(7)), DaysLater(21)));
        Assert.Null(SurveyReminders.Due(Invited(first: DaysLater(7), second: DaysLater(21)), DaysLater(30)));
    }

    [Fact]
    public void A_run_that_missed_the_seventh_day_sends_the_first_reminder_later_and_after_the_twenty_first_only_the_second()
    {
        Assert.Equal(SurveyLinkPurpose.FirstReminder, SurveyReminders.Due(Invited(), DaysLater(12)));
        Assert.Equal(SurveyLinkPurpose.SecondReminder, SurveyReminders.Due(Invited(), DaysLater(25)));
    }

    [Fact]
    public void An_answer_or_an_opt_out_stops_the_reminders()
    {
        Assert.Null(SurveyReminders.Due(Invited(responded: InvitedOn.AddDays(3)), DaysLater(7)));
        Assert.Null(SurveyReminders.Due(Invited(first: DaysLater(7), optedOut: DaysLater(8)), DaysLater(21)));
    }

    [Fact]
    public void A_survey_expires_sixty_days_after_its_invitation_and_then_gets_no_reminder()
    {
        Assert.Equal(InvitedAt.AddDays(60), SurveyReminders.ExpiresAt(InvitedAt));
        Assert.Equal(InvitedOn.AddDays(60), SurveyReminders.LastDay(InvitedAt));
        Assert.Equal(SurveyLinkState.Open, SurveyReminders.StateOf(Invited(), InvitedAt.AddDays(60).AddSeconds(-1)));
        Assert.Equal(SurveyLinkState.Expired, SurveyReminders.StateOf(Invited(), InvitedAt.AddDays(60)));
        Assert.Null(SurveyReminders.Due(Invited(), DaysLater(61)));
    }

    [Fact]
    public void A_link_says_answered_or_opted_out_before_expired()
    {
        Assert.Equal(SurveyLinkState.Answered, SurveyReminders.StateOf(Invited(responded: InvitedOn), DaysLater(90)));
        Assert.Equal(SurveyLinkState.OptedOut, SurveyReminders.StateOf(Invited(optedOut: DaysLater(1)), DaysLater(90)));
    }
}

public class SurveyLinkTokenTests
{
    [Fact]
    public void Tokens_are_43_url_safe_characters_and_never_the_same()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => SurveyLinkToken.New()).ToList();
        Assert.All(tokens, t => Assert.True(SurveyLinkToken.IsWellFormed(t), t));
        Assert.Equal(100, tokens.Distinct().Count());
    }

    [Fact]
    public void The_stored_hash_is_the_lower_case_hex_sha256_of_the_token()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SurveyLinkToken.Hash("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_else_is_not_a_token(string? typed) => Assert.False(SurveyLinkToken.IsWellFormed(typed));
}
