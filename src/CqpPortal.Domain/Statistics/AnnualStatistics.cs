using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

/// <summary>
/// The yearly statistical portrait sent to SIST and read by the annual review committee (cahier des charges, part 5:
/// « traitement statistique annuel … portrait statistique des profils des candidats », holders followed at 6 and 24
/// months), and the training hours per unit (issue 14: « hours planned and done per unit, by year »). Every definition
/// of "the figures of year Y" lives here, so the analytics page and the exports agree.
/// </summary>
public sealed record AnnualStatistics(int Year, ProfileStatistics Profiles, JuryStatistics Juries, IReadOnlyList<HolderStatistics> Holders, TrainingStatistics Training)
{
    public static AnnualStatistics Compute(int year, IReadOnlyList<ProfileRow> registrations, IReadOnlyList<JuryRow> juries, IReadOnlyList<SurveyRow> surveys,
        TrainingRows? training = null)
    {
        var counter = new AnnualStatisticsCounter(year);
        foreach (var row in registrations) counter.Add(row);
        foreach (var row in juries) counter.Add(row);
        foreach (var row in surveys) counter.Add(row);
        return counter.Result(training);
    }

    public const int FirstYear = 2000, LastYear = 2999;

    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;

    public static void EnsureValidYear(int year)
    {
        if (!IsValidYear(year)) throw new ArgumentOutOfRangeException(nameof(year), year, $"A year between {FirstYear} and {LastYear} is expected.");
    }

    public HolderStatistics Holder(SurveyWave wave) => Holders.Single(h => h.Wave == wave);

    /// <summary>The years with a registration, a jury decision, a survey answer or a trainee, newest first.</summary>
    public static IReadOnlyList<int> YearsWithActivity(IReadOnlyList<ProfileRow> registrations, IReadOnlyList<JuryRow> juries, IReadOnlyList<SurveyRow> surveys,
        TrainingRows? training = null)
    {
        // One definition of a year's activity: the counters' (the loader counts every year in one pass).
        var counter = new AllYearsCounter();
        foreach (var row in registrations) counter.Add(row);
        foreach (var row in juries) counter.Add(row);
        foreach (var row in surveys) counter.Add(row);
        return counter.Years(training);
    }
}

/// <summary>
/// Candidate profiles of year Y: the registrations submitted in Y (their RegisteredOn; drafts have none), as they
/// were when registering.
/// </summary>
public sealed record ProfileStatistics(
    int Total,
    Tally<Sex> Sex,
    Tally<AgeBand> AgeBand,
    Tally<int> EducationLevel,
    Tally<CertificationRoute> Route,
    Tally<EmploymentStatus> Status,
    Tally<Region> Region,
    Tally<AdmissibilityOutcome> Admissibility,
    Tally<Funding> Funding,
    int FundingNotGiven,
    double? MedianTeleSecretaryMonths,
    double? MedianPhoneJobMonths,
    Tally<JourneyClosure> Closures)
{
    /// <summary>Highest diploma by group; registrations without one (made before the list, title unknown) in <see cref="DiplomaGroupNotGiven"/>.</summary>
    public Tally<DiplomaGroup> DiplomaGroup { get; init; } = Tally<DiplomaGroup>.Of([], DiplomaGroups.All);
    public int DiplomaGroupNotGiven { get; init; }

    /// <summary>
    /// Candidates who named each sector of experience (by code, every sector of the list, zeros included): a candidate
    /// may name several, so the counts add up to more than the candidates; those who named none in <see cref="SectorsNotGiven"/>.
    /// </summary>
    public Tally<string> Sectors { get; init; } = Tally<string>.Of([], ExperienceSectors.All.Select(s => s.Code));
    public int SectorsNotGiven { get; init; }

    /// <summary>Experience declared at registration as a distribution, in completed years (the medians stay).</summary>
    public Tally<ExperienceBand> TeleSecretaryYears { get; init; } = Tally<ExperienceBand>.Of([], Enum.GetValues<ExperienceBand>());
    public Tally<ExperienceBand> PhoneJobYears { get; init; } = Tally<ExperienceBand>.Of([], Enum.GetValues<ExperienceBand>());

    public static ProfileStatistics Compute(int year, IEnumerable<ProfileRow> registrations)
    {
        var counter = new ProfileCounter(year);
        foreach (var row in registrations) counter.Add(row);
        return counter.Result();
    }
}

/// <summary>
/// Juries of year Y: the decisions taken in Y, by result, and how often each unit was validated. An absence is shown
/// in the tally but is no decision on the candidate (<see cref="Juries.JuryRules.IsDecisionOnUnits"/>): it counts
/// neither in <see cref="Total"/> nor in the units' rates.
/// </summary>
public sealed record JuryStatistics(int Total, Tally<JuryResult> Result, IReadOnlyList<UnitValidation> Units)
{
    public static JuryStatistics Compute(int year, IEnumerable<JuryRow> juries)
    {
        var counter = new JuryCounter(year);
        foreach (var row in juries) counter.Add(row);
        return counter.Result();
    }
}

/// <summary>Validated unit results out of all the results the juries gave for that unit.</summary>
public sealed record UnitValidation(int UnitNumber, int Results, int Validated)
{
    public double Rate => Results == 0 ? 0 : (double)Validated / Results;
}

/// <summary>
/// Holder outcomes of year Y for one wave: the answers given in Y. Contract and sector are asked of employed holders
/// only, so only their answers count there. The response rate follows the holders invited in Y: of them, how many
/// answered (whenever they did); surveys without a known invitation are left out of it.
/// </summary>
public sealed record HolderStatistics(
    SurveyWave Wave,
    int Responses,
    Tally<HolderSituation> Situation,
    Tally<EmploymentContract> Contract,
    Tally<EmploymentSector> Sector,
    int Invited,
    int InvitedAnswered)
{
    /// <summary>Holders in training: the level of that training (3 to 8); answers without one in <see cref="TrainingLevelNotGiven"/>.</summary>
    public Tally<int> TrainingLevel { get; init; } = Tally<int>.Of([], TrainingLevels);
    public int TrainingLevelNotGiven { get; init; }

    /// <summary>
    /// Holders in training by the two-digit group of their NSF code (<see cref="NsfSpecialities.GroupLabel"/>, only the
    /// groups met); without a code, or with one outside the nomenclature (an old answer), in the two counts below.
    /// </summary>
    public Tally<string> NsfGroup { get; init; } = Tally<string>.Of([], []);
    public int NsfNotGiven { get; init; }
    public int NsfOutsideList { get; init; }

    /// <summary>Holders employed in the branch by the job they hold (<see cref="JobTitleGroups"/>: rare titles merged); without a title in <see cref="JobTitleNotGiven"/>.</summary>
    public IReadOnlyList<JobTitleCount> JobTitles { get; init; } = [];
    public int JobTitleNotGiven { get; init; }

    /// <summary>Holders employed in the branch: those the job question is about.</summary>
    public int EmployedInBranch { get; init; }

    internal static readonly IReadOnlyList<int> TrainingLevels = EducationLevels.All.Where(l => l != EducationLevels.None).ToList();

    /// <summary>Null when nobody of this wave was invited in the year.</summary>
    public double? ResponseRate => Invited == 0 ? null : (double)InvitedAnswered / Invited;

    public static HolderStatistics Compute(int year, SurveyWave wave, IEnumerable<SurveyRow> surveys)
    {
        var counter = new HolderCounter(year, wave);
        foreach (var row in surveys) counter.Add(row);
        return counter.Result();
    }
}

/// <summary>
/// Training of year Y. The trainees of Y are the training-route registrations with at least one training half-day in
/// Y: enrolled (enrolment not cancelled) in a training session, not cancelled, whose day in Paris falls in Y — planned
/// or followed, present or not. For each unit of the certification (every unit, zeros included, labelled from the
/// data): the hours planned are the planned hours of that unit in the trainees' current path (the version not
/// superseded; a trainee without a path plans none), whatever year the path was drawn; the hours done are the present
/// hours recorded in Y at the training sessions of that unit, for those half-days. Hours at a session without a unit,
/// or of a unit the certification does not list, count nowhere (as on the trainee's record, <see cref="Training.TrainingHours"/>).
/// The totals are the sums of the units.
/// </summary>
public sealed record TrainingStatistics(int Trainees, IReadOnlyList<UnitTrainingHours> Units)
{
    public decimal PlannedHours => Units.Sum(u => u.PlannedHours);
    public decimal DoneHours => Units.Sum(u => u.DoneHours);

    /// <summary>An enrolment that gives a training half-day: a training-route trainee, neither the session nor the enrolment cancelled.</summary>
    public static bool MakesATrainee(TrainingEnrolmentRow enrolment) =>
        enrolment is { Route: CertificationRoute.Training, SessionCancelled: false, EnrolmentCancelled: false };

    public static TrainingStatistics Compute(int year, TrainingRows rows)
    {
        var ofYear = rows.Enrolments.Where(e => e.Day.Year == year && MakesATrainee(e)).ToList();
        var trainees = ofYear.Select(e => e.TraineeKey).ToHashSet();
        var planned = rows.Planned.Where(p => trainees.Contains(p.TraineeKey))
            .GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => (decimal)g.Sum(p => p.PlannedHours));
        var done = ofYear.Where(e => e.UnitId is not null)
            .GroupBy(e => e.UnitId!.Value)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.HalfDays).Where(h => h.Attendance == Attendance.Present).Sum(h => h.Hours));
        var units = rows.Units.OrderBy(u => u.Number).ThenBy(u => u.UnitId)
            .Select(u => new UnitTrainingHours(u.Number, u.Title, planned.GetValueOrDefault(u.UnitId), done.GetValueOrDefault(u.UnitId)))
            .ToList();
        return new TrainingStatistics(trainees.Count, units);
    }
}

/// <summary>A unit's training hours of the year: planned in the trainees' paths, done (present) in the year.</summary>
public sealed record UnitTrainingHours(int Number, string Title, decimal PlannedHours, decimal DoneHours)
{
    /// <summary>« Unité 1 – Accueil téléphonique », as the trainee's record writes a unit.</summary>
    public string Label => $"Unité {Number} – {Title}";
}
