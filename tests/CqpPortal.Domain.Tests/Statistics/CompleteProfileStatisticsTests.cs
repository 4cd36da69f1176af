using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using static CqpPortal.Domain.Tests.Statistics.Rows;

namespace CqpPortal.Domain.Tests.Statistics;

/// <summary>The figures added for issue 15 (« Statistics complete ») on a hand-made data set with exact expected numbers.</summary>
public class CompleteProfileStatisticsTests
{
    private static ProfileRow Candidate(DiplomaGroup? diploma, string[] sectors, int teleMonths = 12, int phoneMonths = 0) =>
        Profile(teleMonths: teleMonths, phoneMonths: phoneMonths) with { DiplomaGroup = diploma, Sectors = sectors };

    private static readonly ProfileRow[] Candidates =
    [
        Candidate(DiplomaGroup.ProfessionalBaccalaureate, ["medical-secretariat", "call-centre"], teleMonths: 0, phoneMonths: 30),
        Candidate(DiplomaGroup.ProfessionalBaccalaureate, ["medical-secretariat"], teleMonths: 11, phoneMonths: 12),
        Candidate(DiplomaGroup.TwoYearsAfterBaccalaureate, ["call-centre", "other"], teleMonths: 12),
        Candidate(DiplomaGroup.CapBep, [], teleMonths: 35),
        Candidate(null, ["Secrétariat médical"], teleMonths: 36, phoneMonths: 200),
        Candidate(DiplomaGroup.ProfessionalBaccalaureate, ["Pressing"], teleMonths: 132),
        Candidate(DiplomaGroup.None, [], teleMonths: 131),
    ];

    [Fact]
    public void The_highest_diploma_is_counted_by_group_and_registrations_without_one_apart()
    {
        var p = Year2025(profiles: Candidates).Profiles;

        Assert.Equal(3, p.DiplomaGroup[DiplomaGroup.ProfessionalBaccalaureate]);
        Assert.Equal(1, p.DiplomaGroup[DiplomaGroup.TwoYearsAfterBaccalaureate]);
        Assert.Equal(1, p.DiplomaGroup[DiplomaGroup.CapBep]);
        Assert.Equal(1, p.DiplomaGroup[DiplomaGroup.None]);
        Assert.Equal(0, p.DiplomaGroup[DiplomaGroup.GeneralBaccalaureate]);
        Assert.Equal(1, p.DiplomaGroupNotGiven);
        Assert.Equal(DiplomaGroups.All, p.DiplomaGroup.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Each_sector_counts_the_candidates_who_named_it_old_free_text_included()
    {
        var p = Year2025(profiles: Candidates).Profiles;

        Assert.Equal(3, p.Sectors["medical-secretariat"]); // two codes and one old label
        Assert.Equal(2, p.Sectors["call-centre"]);
        Assert.Equal(2, p.Sectors["other"]); // one ticked, one old text matching nothing
        Assert.Equal(0, p.Sectors["hospitality"]);
        Assert.Equal(2, p.SectorsNotGiven);
        Assert.Equal(7, p.Sectors.Sum); // more than the 5 candidates who named one: several sectors each
    }

    [Fact]
    public void Experience_is_a_distribution_in_completed_years_and_the_medians_stay()
    {
        var p = Year2025(profiles: Candidates).Profiles;

        Assert.Equal([(ExperienceBand.UnderOneYear, 2), (ExperienceBand.OneToTwoYears, 2), (ExperienceBand.ThreeToFiveYears, 1), (ExperienceBand.SixToTenYears, 1), (ExperienceBand.OverTenYears, 1)],
            p.TeleSecretaryYears.Entries);
        Assert.Equal([(ExperienceBand.UnderOneYear, 4), (ExperienceBand.OneToTwoYears, 2), (ExperienceBand.ThreeToFiveYears, 0), (ExperienceBand.SixToTenYears, 0), (ExperienceBand.OverTenYears, 1)],
            p.PhoneJobYears.Entries);
        Assert.Equal(35, p.MedianTeleSecretaryMonths);
    }

    [Theory]
    [InlineData(0, ExperienceBand.UnderOneYear)]
    [InlineData(11, ExperienceBand.UnderOneYear)]
    [InlineData(12, ExperienceBand.OneToTwoYears)]
    [InlineData(35, ExperienceBand.OneToTwoYears)]
    [InlineData(36, ExperienceBand.ThreeToFiveYears)]
    [InlineData(71, ExperienceBand.ThreeToFiveYears)]
    [InlineData(72, ExperienceBand.SixToTenYears)]
    [InlineData(131, ExperienceBand.SixToTenYears)]
    [InlineData(132, ExperienceBand.OverTenYears)]
    public void Experience_bands_are_in_completed_years(int months, ExperienceBand band)
    {
        Assert.Equal(band, ExperienceBands.Of(months));
    }

    private static SurveyRow InTraining(int? level, string? nsf) =>
        Answer(new(2025, 9, 1), HolderSituation.InTraining) with { TrainingLevel = level, NsfCode = nsf };

    private static SurveyRow InBranch(string? job, EmploymentSector sector = EmploymentSector.Branch) =>
        Answer(new(2025, 9, 1), HolderSituation.Employed, EmploymentContract.Cdi, sector) with { JobTitle = job };

    [Fact]
    public void Holders_in_training_are_counted_by_level_and_by_NSF_group_with_missing_and_unlisted_codes_apart()
    {
        var h = Year2025(surveys:
        [
            InTraining(5, "324"), InTraining(5, "324t"), InTraining(4, "312"), InTraining(6, "331"),
            InTraining(null, null), InTraining(4, "999"),
            InBranch("Télésecrétaire"), // not in training: counts nowhere here
        ]).Holder(SurveyWave.SixMonths);

        Assert.Equal(2, h.TrainingLevel[5]);
        Assert.Equal(2, h.TrainingLevel[4]);
        Assert.Equal(1, h.TrainingLevel[6]);
        Assert.Equal(1, h.TrainingLevelNotGiven);
        Assert.Equal([("31 – Échanges et gestion", 1), ("32 – Communication et information", 2), ("33 – Services aux personnes", 1)], h.NsfGroup.Entries);
        Assert.Equal(1, h.NsfNotGiven);
        Assert.Equal(1, h.NsfOutsideList);
    }

    [Fact]
    public void Jobs_of_holders_in_the_branch_are_grouped_by_their_normalised_text_and_rare_ones_merged()
    {
        var h = Year2025(surveys:
        [
            InBranch("Télésecrétaire"), InBranch("telesecretaire"), InBranch(" TÉLÉSECRÉTAIRE "), InBranch("Télésecrétaire"), InBranch("Télésecretaire"), InBranch("Télésecrétaire  médicale"),
            InBranch("Télésecrétaire médicale"), InBranch("Standardiste"), InBranch("Chargée d'accueil"), InBranch(null),
            InBranch("Télésecrétaire", EmploymentSector.OtherBranch), // outside the branch: not asked
        ]).Holder(SurveyWave.SixMonths);

        Assert.Equal(10, h.EmployedInBranch);
        Assert.Equal(1, h.JobTitleNotGiven);
        // « Télésecrétaire » (5, as most wrote it, with the accents) is shown; the three other jobs (2 + 1 + 1) are under 5 each.
        Assert.Equal([new JobTitleCount("Télésecrétaire", 5), new JobTitleCount(JobTitleGroups.OthersLabel, 4)], h.JobTitles);
    }

    [Fact]
    public void A_job_held_by_five_holders_is_shown_under_the_way_most_of_them_wrote_it()
    {
        var groups = JobTitleGroups.Group(["Standardiste", "standardiste", "Standardiste", "STANDARDISTE", "Standardiste ", "Hôtesse"]);
        Assert.Equal([new JobTitleCount("Standardiste", 5), new JobTitleCount(JobTitleGroups.OthersLabel, 1)], groups);
    }
}
