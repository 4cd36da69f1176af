using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Statistics;

/// <summary>Hand-made rows: a typical value for every field, the test changes the one it is about.</summary>
internal static class Rows
{
    public static ProfileRow Profile(
        DateOnly? registeredOn = null, Sex sex = Sex.Female, int age = 30, int education = 4,
        CertificationRoute route = CertificationRoute.Training, EmploymentStatus status = EmploymentStatus.Employee,
        Region region = Region.Nord, RegistrationState state = RegistrationState.Admissible,
        int teleMonths = 12, int phoneMonths = 0, Funding? funding = Funding.Cpf) =>
        new(registeredOn ?? new DateOnly(2025, 3, 10), sex, age, education, route, status, region, state, teleMonths, phoneMonths, funding);

    public static JuryRow Jury(DateOnly? decidedOn = null, JuryResult result = JuryResult.TotalValidation, params (int Unit, bool Validated)[] units) =>
        new(decidedOn ?? new DateOnly(2025, 6, 12), result, units.Select(u => new UnitResultRow(u.Unit, u.Validated)).ToList());

    public static SurveyRow Answer(
        DateOnly respondedOn, HolderSituation situation, EmploymentContract? contract = null, EmploymentSector? sector = null,
        SurveyWave wave = SurveyWave.SixMonths, DateOnly? invitedOn = null) =>
        new(wave, invitedOn, respondedOn, situation, contract, sector);

    public static SurveyRow Invitation(DateOnly invitedOn, SurveyWave wave = SurveyWave.SixMonths) => new(wave, invitedOn, null, null, null, null);

    public static AnnualStatistics Year2025(IReadOnlyList<ProfileRow>? profiles = null, IReadOnlyList<JuryRow>? juries = null, IReadOnlyList<SurveyRow>? surveys = null) =>
        AnnualStatistics.Compute(2025, profiles ?? [], juries ?? [], surveys ?? []);
}
