using CqpPortal.Domain.Privacy;

namespace CqpPortal.Web.Privacy;

/// <summary>Settings section Retention (Retention__ClosedApplicationYears…): the privacy notice's periods by default.</summary>
public sealed class RetentionSettings
{
    public const string Section = "Retention";

    public int AccountWithoutFileYears { get; set; } = RetentionPeriods.Notice.AccountWithoutFileYears;
    public int ClosedApplicationYears { get; set; } = RetentionPeriods.Notice.ClosedApplicationYears;
    public int CertificationFileYears { get; set; } = RetentionPeriods.Notice.CertificationFileYears;
    public int SurveyAnswersYearsAfterLastSurvey { get; set; } = RetentionPeriods.Notice.SurveyAnswersYearsAfterLastSurvey;

    public RetentionPeriods Periods => new()
    {
        AccountWithoutFileYears = AccountWithoutFileYears, ClosedApplicationYears = ClosedApplicationYears,
        CertificationFileYears = CertificationFileYears, SurveyAnswersYearsAfterLastSurvey = SurveyAnswersYearsAfterLastSurvey,
    };
}
