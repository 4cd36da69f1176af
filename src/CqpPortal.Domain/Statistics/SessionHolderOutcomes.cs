using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

/// <summary>
/// What became of the holders certified by one jury session, six months on (cahier des charges: holder portraits sent
/// six months after each session ends). Holders are the session's total validations; the answers are their 6-month
/// surveys; contract and sector count employed holders only, as in <see cref="HolderStatistics"/>. Counts only.
/// </summary>
public sealed record SessionHolderOutcomes(
    int Holders,
    int Invited,
    int Responses,
    Tally<HolderSituation> Situation,
    Tally<EmploymentContract> Contract,
    Tally<EmploymentSector> Sector)
{
    public static SessionHolderOutcomes Compute(int holders, IReadOnlyList<SurveyRow> surveys)
    {
        var sixMonths = surveys.Where(s => s.Wave == SurveyWave.SixMonths).ToList();
        var answered = sixMonths.Where(s => s.RespondedOn is not null).ToList();
        var employed = answered.Where(s => s.Situation == HolderSituation.Employed).ToList();
        return new SessionHolderOutcomes(
            holders,
            sixMonths.Count(s => s.InvitedOn is not null),
            answered.Count,
            Tally<HolderSituation>.Of(answered.Select(s => s.Situation).OfType<HolderSituation>(), Enum.GetValues<HolderSituation>()),
            Tally<EmploymentContract>.Of(employed.Select(s => s.Contract).OfType<EmploymentContract>(), Enum.GetValues<EmploymentContract>()),
            Tally<EmploymentSector>.Of(employed.Select(s => s.Sector).OfType<EmploymentSector>(), Enum.GetValues<EmploymentSector>()));
    }

    /// <summary>The day a session's holder report is due: six months after the session ends.</summary>
    public static DateOnly ReportDueOn(DateOnly sessionEndsOn) => sessionEndsOn.AddMonths(6);
}
