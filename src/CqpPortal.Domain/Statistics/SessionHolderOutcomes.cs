using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

/// <summary>
/// One holder's survey of a wave, as the per-session report reads it: when it was due, sent and first reminded (days in
/// Paris, when known), and the answer, if any, with how it came. Nothing personal.
/// </summary>
public sealed record SessionSurveyRow(
    DateOnly? InvitedOn,
    DateOnly? FirstReminderOn,
    DateOnly? RespondedOn,
    SurveyAnswerChannel? Channel,
    HolderSituation? Situation,
    EmploymentContract? Contract,
    EmploymentSector? Sector);

/// <summary>
/// What became of the holders certified by one jury session, 6 or 24 months on (cahier des charges: holder portraits
/// sent six months after each session ends; « mêmes questions … même implication » at 24 months). Holders are the
/// session's total validations; the surveys are theirs, of the wave; contract and sector count employed holders only,
/// as in <see cref="HolderStatistics"/>. Counts only.
/// </summary>
public sealed record SessionHolderOutcomes(
    SurveyWave Wave,
    int Holders,
    int SurveysDue,
    int Invited,
    int Reminded,
    int Responses,
    Tally<SurveyAnswerChannel> Channel,
    Tally<HolderSituation> Situation,
    Tally<EmploymentContract> Contract,
    Tally<EmploymentSector> Sector)
{
    /// <summary>
    /// The figures of one wave from the session's <paramref name="holders"/> count and their surveys of that wave (one
    /// row each: a survey due, sent or not).
    /// </summary>
    public static SessionHolderOutcomes Compute(SurveyWave wave, int holders, IReadOnlyList<SessionSurveyRow> surveys)
    {
        var answered = surveys.Where(s => s.RespondedOn is not null).ToList();
        var employed = answered.Where(s => s.Situation == HolderSituation.Employed).ToList();
        return new SessionHolderOutcomes(
            wave,
            holders,
            surveys.Count,
            surveys.Count(s => s.InvitedOn is not null),
            surveys.Count(s => s.FirstReminderOn is not null),
            answered.Count,
            // An answer recorded before channels existed came through the holder's own page.
            Tally<SurveyAnswerChannel>.Of(answered.Select(s => s.Channel ?? SurveyAnswerChannel.Online), Enum.GetValues<SurveyAnswerChannel>()),
            Tally<HolderSituation>.Of(answered.Select(s => s.Situation).OfType<HolderSituation>(), Enum.GetValues<HolderSituation>()),
            Tally<EmploymentContract>.Of(employed.Select(s => s.Contract).OfType<EmploymentContract>(), Enum.GetValues<EmploymentContract>()),
            Tally<EmploymentSector>.Of(employed.Select(s => s.Sector).OfType<EmploymentSector>(), Enum.GetValues<EmploymentSector>()));
    }
}

/// <summary>
/// When a session's outcome report of a wave is due: once the wave's answering window has closed. The invitations of
/// wave W leave W months after the holder is certified (<see cref="HolderSurveySchedule"/>), and their link is valid
/// <see cref="AnswerWindowDays"/> days, so the report waits for the session's end day + W months + that window — and,
/// when an invitation of the session left later than that due date (a holder certified after the sitting, a job that
/// caught up), for that invitation's window too: a report made earlier would miss answers still to come.
/// </summary>
public static class HolderOutcomeReportSchedule
{
    /// <summary>How long a survey link stays valid after the invitation (issue 15: « valid 60 days »).</summary>
    public const int AnswerWindowDays = Surveys.SurveyReminders.AnswerWindowDays;

    /// <summary>The day the session's invitations of the wave are due: its end day + W months.</summary>
    public static DateOnly InvitationsDueOn(DateOnly sessionEndsOn, SurveyWave wave) => HolderSurveySchedule.DueOn(sessionEndsOn, wave);

    /// <summary>
    /// The day the report is due: the invitations' due date (or the last invitation actually sent, if later) +
    /// <see cref="AnswerWindowDays"/>. Never before the invitations, whatever <paramref name="lastInvitedOn"/> says.
    /// </summary>
    public static DateOnly ReportDueOn(DateOnly sessionEndsOn, SurveyWave wave, DateOnly? lastInvitedOn = null)
    {
        var invitations = InvitationsDueOn(sessionEndsOn, wave);
        if (lastInvitedOn is { } last && last > invitations) invitations = last;
        return invitations.AddDays(AnswerWindowDays);
    }

    /// <summary>Whether every answer of the wave can be in by <paramref name="today"/> (the report is due).</summary>
    public static bool IsDue(DateOnly sessionEndsOn, SurveyWave wave, DateOnly today, DateOnly? lastInvitedOn = null) =>
        ReportDueOn(sessionEndsOn, wave, lastInvitedOn) <= today;
}
