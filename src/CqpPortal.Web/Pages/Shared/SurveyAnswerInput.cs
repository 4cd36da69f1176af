using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Pages.Shared;

/// <summary>A holder's survey answer as typed in the one survey form (personal link, own space, and staff's entry of a phone or paper answer).</summary>
public class SurveyAnswerInput
{
    public HolderSituation? Situation { get; set; }
    public EmploymentContract? Contract { get; set; }
    public EmploymentSector? Sector { get; set; }
    public string? JobTitle { get; set; }
    public string? Company { get; set; }
    public int? TrainingLevel { get; set; }
    public string? NsfCode { get; set; }

    public SurveyAnswer ToAnswer() => new(Situation, Contract, Sector, JobTitle, TrainingLevel, NsfCode, Company);
}
