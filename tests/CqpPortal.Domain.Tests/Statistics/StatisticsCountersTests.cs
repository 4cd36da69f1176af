using System.Text;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Statistics;

public class StatisticsCountersTests
{
    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 7 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 5, 5, 5, 5 })]
    [InlineData(new[] { 0, 60, 12, 12, 24, 3 })]
    [InlineData(new[] { 9, 1, 4, 1, 120 })]
    public void A_histogram_gives_the_median_the_sorted_list_gives(int[] values)
    {
        var histogram = new IntegerHistogram();
        foreach (var value in values) histogram.Add(value);

        Assert.Equal(Median.Of(values), histogram.Median());
    }

    [Fact]
    public void A_histogram_of_many_random_values_gives_the_exact_median()
    {
        var random = new Random(2098);
        for (var round = 0; round < 50; round++)
        {
            var values = Enumerable.Range(0, random.Next(1, 400)).Select(_ => random.Next(0, 90)).ToArray();
            var histogram = new IntegerHistogram();
            foreach (var value in values) histogram.Add(value);
            Assert.Equal(Median.Of(values), histogram.Median());
        }
    }

    [Fact]
    public void Counting_every_year_in_one_pass_gives_the_figures_of_each_year_computed_alone()
    {
        var (profiles, juries, surveys) = RandomRows(new Random(2098), 3_000);

        var counter = new AllYearsCounter();
        foreach (var row in profiles) counter.Add(row);
        foreach (var row in juries) counter.Add(row);
        foreach (var row in surveys) counter.Add(row);
        var counted = counter.Results();

        var expectedYears = AnnualStatistics.YearsWithActivity(profiles, juries, surveys);
        Assert.Equal(expectedYears, counted.Select(s => s.Year));
        foreach (var year in counted)
            Assert.Equal(Describe(ListedCompute(year.Year, profiles, juries, surveys)), Describe(year));
    }

    [Fact]
    public void A_survey_sent_one_year_and_answered_the_next_counts_in_the_rate_of_the_first_and_the_answers_of_the_second()
    {
        var counter = new AllYearsCounter();
        counter.Add(Rows.Profile(registeredOn: new(2024, 3, 1)));
        counter.Add(new SurveyRow(SurveyWave.SixMonths, new DateOnly(2024, 12, 20), new DateOnly(2025, 1, 5), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch, "Télésecrétaire"));

        var years = counter.Results();

        Assert.Equal([2025, 2024], years.Select(y => y.Year));
        Assert.Equal((1, 1), (years[1].Holder(SurveyWave.SixMonths).Invited, years[1].Holder(SurveyWave.SixMonths).InvitedAnswered));
        Assert.Equal(0, years[1].Holder(SurveyWave.SixMonths).Responses);
        Assert.Equal((0, 1), (years[0].Holder(SurveyWave.SixMonths).Invited, years[0].Holder(SurveyWave.SixMonths).Responses));
    }

    [Fact]
    public void Job_titles_counted_as_they_pass_group_as_the_list_of_titles_does()
    {
        string[] titles = ["Télésecrétaire", "telesecretaire", "TÉLÉSECRÉTAIRE ", "Télésecrétaire", "Télé  secrétaire", "Assistante", "Assistante", "Assistante", "Assistante", "Assistante", "Standardiste", "Télésecrétaire"];
        var counts = new Counts<string>();
        foreach (var title in titles) counts.Add(title);

        Assert.Equal(JobTitleGroups.Group(titles), JobTitleGroups.Group(counts.Tally([]).Entries));
    }

    /// <summary>The year's figures the way they were computed before the counters: every row kept, then filtered.</summary>
    private static AnnualStatistics ListedCompute(int year, List<ProfileRow> profiles, List<JuryRow> juries, List<SurveyRow> surveys) =>
        new(year,
            ProfileStatistics.Compute(year, profiles.Where(p => p.RegisteredOn.Year == year).ToList()),
            JuryStatistics.Compute(year, juries.Where(j => j.DecidedOn.Year == year).ToList()),
            Enum.GetValues<SurveyWave>().Select(w => HolderStatistics.Compute(year, w, surveys)).ToList(),
            TrainingStatistics.Compute(year, TrainingRows.None));

    private static (List<ProfileRow>, List<JuryRow>, List<SurveyRow>) RandomRows(Random random, int count)
    {
        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        DateOnly Day() => new DateOnly(2022 + random.Next(4), 1, 1).AddDays(random.Next(365));
        var sectors = ExperienceSectors.All.Select(s => s.Code).ToList();
        var profiles = Enumerable.Range(0, count).Select(_ => new ProfileRow(
            Day(), Pick(Enum.GetValues<Sex>()), 18 + random.Next(50), Pick(EducationLevels.All), Pick(Enum.GetValues<CertificationRoute>()),
            Pick(Enum.GetValues<EmploymentStatus>()), Pick(Enum.GetValues<Region>()), Pick(Enum.GetValues<RegistrationState>()),
            random.Next(130), random.Next(130), random.Next(8) == 0 ? null : Pick(Enum.GetValues<Funding>()),
            random.Next(5) == 0 ? null : Pick(DiplomaGroups.All),
            Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(6) == 0 ? "Commerce de gros" : Pick(sectors)).ToList())).ToList();
        var juries = Enumerable.Range(0, count / 3).Select(_ => new JuryRow(Day(), Pick(Enum.GetValues<JuryResult>()),
            Enumerable.Range(1, 4).Select(u => new UnitResultRow(u, random.Next(3) > 0)).ToList())).ToList();
        string[] jobs = ["Télésecrétaire", "telesecretaire", "Standardiste", "Assistante", "Secrétaire médicale"];
        string[] nsf = ["324", "324p", "330", "999", ""];
        var surveys = Enumerable.Range(0, count / 2).Select(_ =>
        {
            var invited = random.Next(6) == 0 ? (DateOnly?)null : Day();
            var answered = random.Next(3) == 0 ? (DateOnly?)null : (invited ?? Day()).AddDays(random.Next(90));
            var situation = answered is null ? (HolderSituation?)null : Pick(Enum.GetValues<HolderSituation>());
            return new SurveyRow(Pick(Enum.GetValues<SurveyWave>()), invited, answered, situation,
                situation == HolderSituation.Employed ? Pick(Enum.GetValues<EmploymentContract>()) : null,
                situation == HolderSituation.Employed ? Pick(Enum.GetValues<EmploymentSector>()) : null,
                random.Next(4) == 0 ? null : Pick(jobs), random.Next(4) == 0 ? null : 3 + random.Next(5), Pick(nsf));
        }).ToList();
        return (profiles, juries, surveys);
    }

    /// <summary>Every figure as text: two computations agree when their texts do.</summary>
    private static string Describe(AnnualStatistics s)
    {
        var text = new StringBuilder();
        void Line(string name, object? value) => text.Append(name).Append('=').Append(value).Append('\n');
        void Tally<T>(string name, Tally<T> tally) where T : notnull => Line(name, string.Join(",", tally.Entries.Select(e => $"{e.Key}:{e.Count}")));
        var p = s.Profiles;
        Line("year", s.Year);
        Line("total", p.Total);
        Tally("sex", p.Sex); Tally("age", p.AgeBand); Tally("level", p.EducationLevel); Tally("route", p.Route); Tally("status", p.Status);
        Tally("region", p.Region); Tally("admissibility", p.Admissibility); Tally("funding", p.Funding); Tally("closures", p.Closures);
        Tally("diploma", p.DiplomaGroup); Tally("sectors", p.Sectors); Tally("teleYears", p.TeleSecretaryYears); Tally("phoneYears", p.PhoneJobYears);
        Line("fundingNotGiven", p.FundingNotGiven); Line("diplomaNotGiven", p.DiplomaGroupNotGiven); Line("sectorsNotGiven", p.SectorsNotGiven);
        Line("medianTele", p.MedianTeleSecretaryMonths); Line("medianPhone", p.MedianPhoneJobMonths);
        Line("juries", s.Juries.Total); Tally("results", s.Juries.Result);
        Line("units", string.Join(",", s.Juries.Units.Select(u => $"{u.UnitNumber}:{u.Results}/{u.Validated}")));
        foreach (var h in s.Holders)
        {
            Line($"{h.Wave}.responses", h.Responses); Line($"{h.Wave}.invited", $"{h.Invited}/{h.InvitedAnswered}");
            Tally($"{h.Wave}.situation", h.Situation); Tally($"{h.Wave}.contract", h.Contract); Tally($"{h.Wave}.sector", h.Sector);
            Tally($"{h.Wave}.trainingLevel", h.TrainingLevel); Tally($"{h.Wave}.nsf", h.NsfGroup);
            Line($"{h.Wave}.nsfMissing", $"{h.NsfNotGiven}/{h.NsfOutsideList}/{h.TrainingLevelNotGiven}");
            Line($"{h.Wave}.jobs", string.Join(",", h.JobTitles.Select(j => $"{j.Label}:{j.Count}")));
            Line($"{h.Wave}.branch", $"{h.EmployedInBranch}/{h.JobTitleNotGiven}");
        }
        return text.ToString();
    }
}
