using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

// The figures of a year are counted as the rows pass: each counter keeps counts, never the rows, so a year of a million
// registrations costs the memory of its categories (a few hundred numbers), not of its rows. The definitions are those
// of AnnualStatistics' records; their Compute methods feed these counters, so there is one definition of each figure.

/// <summary>Counts per category as they come; <see cref="Tally"/> gives them in the fixed order of a <see cref="Tally{TKey}"/>.</summary>
public sealed class Counts<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> counts = [];

    public void Add(TKey key, int times = 1) => counts[key] = counts.GetValueOrDefault(key) + times;

    public Tally<TKey> Tally(IEnumerable<TKey> expected) => Tally<TKey>.OfCounts(counts, expected);
}

/// <summary>
/// Whole numbers counted by value (months of experience): their median without keeping them, exactly as
/// <see cref="Median.Of"/> gives it from the list.
/// </summary>
public sealed class IntegerHistogram
{
    private readonly Dictionary<int, long> counts = [];
    private long total;

    public void Add(int value)
    {
        counts[value] = counts.GetValueOrDefault(value) + 1;
        total++;
    }

    public double? Median()
    {
        if (total == 0) return null;
        // The values at (zero-based) ranks ⌊(n−1)/2⌋ and ⌊n/2⌋: the same one for an odd count.
        var (lowRank, highRank) = ((total - 1) / 2, total / 2);
        int? low = null;
        long seen = 0;
        foreach (var (value, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (low is null && seen > lowRank) low = value;
            if (seen > highRank) return (low!.Value + value) / 2.0;
        }
        throw new InvalidOperationException("The counts add up to less than their total.");
    }
}

/// <summary>Candidate profiles of one year (<see cref="ProfileStatistics"/>), counted row by row; rows of other years are ignored.</summary>
public sealed class ProfileCounter(int year)
{
    private int total, fundingNotGiven, diplomaNotGiven, sectorsNotGiven;
    private readonly Counts<Sex> sex = new();
    private readonly Counts<AgeBand> age = new();
    private readonly Counts<int> education = new();
    private readonly Counts<CertificationRoute> route = new();
    private readonly Counts<EmploymentStatus> status = new();
    private readonly Counts<Region> region = new();
    private readonly Counts<AdmissibilityOutcome> admissibility = new();
    private readonly Counts<Funding> funding = new();
    private readonly Counts<JourneyClosure> closures = new();
    private readonly Counts<DiplomaGroup> diploma = new();
    private readonly Counts<string> sectors = new();
    private readonly Counts<ExperienceBand> teleYears = new(), phoneYears = new();
    private readonly IntegerHistogram teleMonths = new(), phoneMonths = new();

    public void Add(ProfileRow row)
    {
        if (row.RegisteredOn.Year != year) return;
        total++;
        sex.Add(row.Sex);
        age.Add(AgeBands.Of(row.AgeAtRegistration));
        education.Add(row.EducationLevel);
        route.Add(row.Route);
        status.Add(row.EmploymentStatus);
        // Regions are counted by large area (Regions.AreaOf), so that years before and after the 18-region list compare.
        region.Add(Regions.AreaOf(row.Region));
        // A withdrawn file counts in the total and the closures only; an expired one was admissible.
        if (AdmissibilityOutcomes.Of(row.State) is { } outcome) admissibility.Add(outcome);
        if (row.Funding is { } f) funding.Add(f); else fundingNotGiven++;
        if (JourneyClosures.Of(row.State) is { } closure) closures.Add(closure);
        if (row.DiplomaGroup is { } group) diploma.Add(group); else diplomaNotGiven++;
        var named = row.SectorCodes.Select(ExperienceSectors.Classify).Distinct().ToList();
        foreach (var code in named) sectors.Add(code);
        if (named.Count == 0) sectorsNotGiven++;
        teleMonths.Add(row.TeleSecretaryMonths);
        phoneMonths.Add(row.PhoneJobMonths);
        teleYears.Add(ExperienceBands.Of(row.TeleSecretaryMonths));
        phoneYears.Add(ExperienceBands.Of(row.PhoneJobMonths));
    }

    public ProfileStatistics Result() => new(
        total,
        sex.Tally(Enum.GetValues<Sex>()),
        age.Tally(Enum.GetValues<AgeBand>()),
        education.Tally(EducationLevels.All),
        route.Tally(Enum.GetValues<CertificationRoute>()),
        status.Tally(Enum.GetValues<EmploymentStatus>()),
        region.Tally(Regions.Areas),
        admissibility.Tally(Enum.GetValues<AdmissibilityOutcome>()),
        funding.Tally(Fundings.Offered),
        fundingNotGiven,
        teleMonths.Median(),
        phoneMonths.Median(),
        closures.Tally(Enum.GetValues<JourneyClosure>()))
    {
        DiplomaGroup = diploma.Tally(DiplomaGroups.All),
        DiplomaGroupNotGiven = diplomaNotGiven,
        Sectors = sectors.Tally(ExperienceSectors.All.Select(s => s.Code)),
        SectorsNotGiven = sectorsNotGiven,
        TeleSecretaryYears = teleYears.Tally(Enum.GetValues<ExperienceBand>()),
        PhoneJobYears = phoneYears.Tally(Enum.GetValues<ExperienceBand>()),
    };
}

/// <summary>Jury decisions of one year (<see cref="JuryStatistics"/>), counted row by row.</summary>
public sealed class JuryCounter(int year)
{
    private int total;
    private readonly Counts<JuryResult> results = new();
    private readonly SortedDictionary<int, (int Results, int Validated)> units = [];

    public void Add(JuryRow row)
    {
        if (row.DecidedOn.Year != year) return;
        results.Add(row.Result);
        // An absence is shown in the tally but is no decision on the candidate.
        if (!Juries.JuryRules.IsDecisionOnUnits(row.Result)) return;
        total++;
        foreach (var unit in row.Units)
        {
            var (count, validated) = units.GetValueOrDefault(unit.UnitNumber);
            units[unit.UnitNumber] = (count + 1, validated + (unit.Validated ? 1 : 0));
        }
    }

    public JuryStatistics Result() => new(total, results.Tally(Enum.GetValues<JuryResult>()),
        units.Select(u => new UnitValidation(u.Key, u.Value.Results, u.Value.Validated)).ToList());
}

/// <summary>Holder outcomes of one year and wave (<see cref="HolderStatistics"/>), counted row by row.</summary>
public sealed class HolderCounter(int year, SurveyWave wave)
{
    private int responses, invited, invitedAnswered, trainingLevelNotGiven, nsfNotGiven, nsfOutsideList, jobTitleNotGiven, employedInBranch;
    private readonly Counts<HolderSituation> situation = new();
    private readonly Counts<EmploymentContract> contract = new();
    private readonly Counts<EmploymentSector> sector = new();
    private readonly Counts<int> trainingLevel = new();
    private readonly Counts<string> nsfGroup = new();
    private readonly Counts<string> jobTitles = new();

    public void Add(SurveyRow row)
    {
        if (row.Wave != wave) return;
        if (row.InvitedOn?.Year == year)
        {
            invited++;
            if (row.RespondedOn is not null) invitedAnswered++;
        }
        if (row.RespondedOn?.Year != year) return;
        responses++;
        if (row.Situation is { } s) situation.Add(s);
        if (row.Situation == HolderSituation.Employed)
        {
            if (row.Contract is { } c) contract.Add(c);
            if (row.Sector is { } e) sector.Add(e);
            if (row.Sector == EmploymentSector.Branch)
            {
                employedInBranch++;
                if (string.IsNullOrWhiteSpace(row.JobTitle)) jobTitleNotGiven++; else jobTitles.Add(row.JobTitle);
            }
        }
        if (row.Situation == HolderSituation.InTraining)
        {
            if (row.TrainingLevel is { } level) trainingLevel.Add(level); else trainingLevelNotGiven++;
            if (string.IsNullOrWhiteSpace(row.NsfCode)) nsfNotGiven++;
            else if (NsfSpecialities.Speciality(row.NsfCode) is { } nsf) nsfGroup.Add(NsfSpecialities.GroupLabel(nsf.GroupCode));
            else nsfOutsideList++;
        }
    }

    public HolderStatistics Result() => new(
        wave, responses,
        situation.Tally(Enum.GetValues<HolderSituation>()),
        contract.Tally(Enum.GetValues<EmploymentContract>()),
        sector.Tally(Enum.GetValues<EmploymentSector>()),
        invited, invitedAnswered)
    {
        TrainingLevel = trainingLevel.Tally(HolderStatistics.TrainingLevels),
        TrainingLevelNotGiven = trainingLevelNotGiven,
        NsfGroup = nsfGroup.Tally([]),
        NsfNotGiven = nsfNotGiven,
        NsfOutsideList = nsfOutsideList,
        JobTitles = JobTitleGroups.Group(jobTitles.Tally([]).Entries),
        JobTitleNotGiven = jobTitleNotGiven,
        EmployedInBranch = employedInBranch,
    };
}

/// <summary>
/// Every figure of one year (<see cref="AnnualStatistics"/>) counted row by row: the profiles, the juries, both waves
/// of holders. Training is given whole (its rows grow with the trainees' half-days, not with the registrations).
/// </summary>
public sealed class AnnualStatisticsCounter(int year)
{
    private readonly ProfileCounter profiles = new(year);
    private readonly JuryCounter juries = new(year);
    private readonly IReadOnlyList<HolderCounter> holders = Enum.GetValues<SurveyWave>().Select(w => new HolderCounter(year, w)).ToList();

    public int Year => year;

    public void Add(ProfileRow row) => profiles.Add(row);

    public void Add(JuryRow row) => juries.Add(row);

    public void Add(SurveyRow row)
    {
        foreach (var holder in holders) holder.Add(row);
    }

    public AnnualStatistics Result(TrainingRows? training = null) =>
        new(year, profiles.Result(), juries.Result(), holders.Select(h => h.Result()).ToList(), TrainingStatistics.Compute(year, training ?? TrainingRows.None));
}

/// <summary>
/// The figures of every year with activity, counted in one pass over all the rows: a counter per year met (a
/// registration, a jury decision, a survey answer, a trainee: <see cref="Years"/>), newest first.
/// </summary>
public sealed class AllYearsCounter
{
    private readonly SortedDictionary<int, AnnualStatisticsCounter> years = [];
    // A survey counts in the year it was answered and in the year it was sent (response rate): both get it.
    private readonly HashSet<int> active = [];

    private AnnualStatisticsCounter Of(int year)
    {
        if (!years.TryGetValue(year, out var counter)) years.Add(year, counter = new AnnualStatisticsCounter(year));
        return counter;
    }

    public void Add(ProfileRow row)
    {
        active.Add(row.RegisteredOn.Year);
        Of(row.RegisteredOn.Year).Add(row);
    }

    public void Add(JuryRow row)
    {
        active.Add(row.DecidedOn.Year);
        Of(row.DecidedOn.Year).Add(row);
    }

    public void Add(SurveyRow row)
    {
        if (row.RespondedOn is { } answered)
        {
            active.Add(answered.Year);
            Of(answered.Year).Add(row);
        }
        if (row.InvitedOn is { } sent && sent.Year != row.RespondedOn?.Year) Of(sent.Year).Add(row);
    }

    /// <summary>The years with a registration, a jury decision, a survey answer or a trainee, newest first.</summary>
    public IReadOnlyList<int> Years(TrainingRows? training = null) =>
        active.Concat((training ?? TrainingRows.None).Enrolments.Where(TrainingStatistics.MakesATrainee).Select(e => e.Day.Year))
            .Distinct().OrderDescending().ToList();

    public IReadOnlyList<AnnualStatistics> Results(TrainingRows? training = null)
    {
        var rows = training ?? TrainingRows.None;
        return Years(rows).Select(y => years.TryGetValue(y, out var counter) ? counter.Result(rows) : new AnnualStatisticsCounter(y).Result(rows)).ToList();
    }
}
