using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using static CqpPortal.Domain.Tests.Statistics.Rows;

namespace CqpPortal.Domain.Tests.Statistics;

public class ProfileStatisticsTests
{
    [Fact]
    public void Profiles_of_a_year_are_the_registrations_submitted_from_1_January_to_31_December()
    {
        var stats = Year2025(profiles:
        [
            Profile(registeredOn: new(2024, 12, 31)),
            Profile(registeredOn: new(2025, 1, 1)),
            Profile(registeredOn: new(2025, 12, 31)),
            Profile(registeredOn: new(2026, 1, 1)),
        ]);

        Assert.Equal(2, stats.Profiles.Total);
    }

    [Theory]
    [InlineData(25, AgeBand.Under26)]
    [InlineData(26, AgeBand.From26To35)]
    [InlineData(35, AgeBand.From26To35)]
    [InlineData(36, AgeBand.From36To45)]
    [InlineData(45, AgeBand.From36To45)]
    [InlineData(46, AgeBand.From46To55)]
    [InlineData(55, AgeBand.From46To55)]
    [InlineData(56, AgeBand.From56)]
    public void Age_bands_are_in_completed_years(int age, AgeBand band)
    {
        Assert.Equal(band, AgeBands.Of(age));
    }

    [Fact]
    public void A_candidate_is_a_year_older_on_their_birthday_and_not_the_day_before()
    {
        var birth = new DateOnly(1999, 5, 17);
        Assert.Equal(25, AgeBands.CompletedYears(birth, new DateOnly(2025, 5, 16)));
        Assert.Equal(26, AgeBands.CompletedYears(birth, new DateOnly(2025, 5, 17)));
        Assert.Equal(AgeBand.Under26, AgeBands.Of(AgeBands.CompletedYears(birth, new DateOnly(2025, 5, 16))));
        Assert.Equal(AgeBand.From26To35, AgeBands.Of(AgeBands.CompletedYears(birth, new DateOnly(2025, 5, 17))));
    }

    [Fact]
    public void Someone_born_on_29_February_turns_a_year_older_on_28_February_of_a_common_year()
    {
        var birth = new DateOnly(2000, 2, 29);
        Assert.Equal(24, AgeBands.CompletedYears(birth, new DateOnly(2025, 2, 27)));
        Assert.Equal(25, AgeBands.CompletedYears(birth, new DateOnly(2025, 2, 28)));
        Assert.Equal(24, AgeBands.CompletedYears(birth, new DateOnly(2024, 2, 29)));
        Assert.Equal(23, AgeBands.CompletedYears(birth, new DateOnly(2024, 2, 28)));
    }

    [Fact]
    public void Each_age_band_counts_the_candidates_of_its_boundaries()
    {
        var stats = Year2025(profiles: [Profile(age: 25), Profile(age: 26), Profile(age: 35), Profile(age: 36), Profile(age: 55), Profile(age: 56), Profile(age: 19)]);

        var bands = stats.Profiles.AgeBand;
        Assert.Equal(2, bands[AgeBand.Under26]);
        Assert.Equal(2, bands[AgeBand.From26To35]);
        Assert.Equal(1, bands[AgeBand.From36To45]);
        Assert.Equal(1, bands[AgeBand.From46To55]);
        Assert.Equal(1, bands[AgeBand.From56]);
        Assert.Equal(["<26", "26-35", "36-45", "46-55", "56+"], bands.Entries.Select(e => AgeBands.Label(e.Key)));
    }

    [Fact]
    public void Regions_are_counted_by_large_area_so_that_the_eighteen_regions_and_older_records_compare()
    {
        var stats = Year2025(profiles:
        [
            Profile(region: Region.Bretagne), Profile(region: Region.Ouest), Profile(region: Region.LaReunion), Profile(region: Region.HautsDeFrance),
        ]);

        var p = stats.Profiles;
        Assert.Equal(Regions.Areas, p.Region.Entries.Select(e => e.Key));
        Assert.Equal((1, 2, 1), (p.Region[Region.Nord], p.Region[Region.Ouest], p.Region[Region.OutreMer]));
    }

    [Fact]
    public void Sex_level_route_status_and_region_count_every_registration_once()
    {
        var stats = Year2025(profiles:
        [
            Profile(sex: Sex.Female, education: 0, route: CertificationRoute.Training, status: EmploymentStatus.Employee, region: Region.Nord),
            Profile(sex: Sex.Female, education: 4, route: CertificationRoute.Vae, status: EmploymentStatus.JobSeeker, region: Region.IleDeFrance),
            Profile(sex: Sex.Male, education: 8, route: CertificationRoute.Free, status: EmploymentStatus.Other, region: Region.IleDeFrance),
        ]);

        var p = stats.Profiles;
        Assert.Equal((2, 1), (p.Sex[Sex.Female], p.Sex[Sex.Male]));
        Assert.Equal((1, 0, 1, 1), (p.EducationLevel[0], p.EducationLevel[3], p.EducationLevel[4], p.EducationLevel[8]));
        Assert.Equal(EducationLevels.All, p.EducationLevel.Entries.Select(e => e.Key));
        Assert.Equal((1, 1, 1), (p.Route[CertificationRoute.Training], p.Route[CertificationRoute.Vae], p.Route[CertificationRoute.Free]));
        Assert.Equal((1, 1, 1), (p.Status[EmploymentStatus.Employee], p.Status[EmploymentStatus.JobSeeker], p.Status[EmploymentStatus.Other]));
        Assert.Equal((1, 2, 0), (p.Region[Region.Nord], p.Region[Region.IleDeFrance], p.Region[Region.Sud]));
        Assert.All([p.Sex.Sum, p.EducationLevel.Sum, p.Route.Sum, p.Status.Sum, p.Region.Sum], sum => Assert.Equal(3, sum));
    }

    [Fact]
    public void Waiting_and_incomplete_files_are_pending_and_a_withdrawn_one_counts_in_the_total_only()
    {
        var stats = Year2025(profiles:
        [
            Profile(state: RegistrationState.Admissible),
            Profile(state: RegistrationState.Admissible),
            Profile(state: RegistrationState.NotAdmissible),
            Profile(state: RegistrationState.Submitted),
            Profile(state: RegistrationState.Incomplete),
            Profile(state: RegistrationState.Withdrawn),
        ]);

        var admissibility = stats.Profiles.Admissibility;
        Assert.Equal(6, stats.Profiles.Total);
        Assert.Equal(2, admissibility[AdmissibilityOutcome.Admissible]);
        Assert.Equal(1, admissibility[AdmissibilityOutcome.NotAdmissible]);
        Assert.Equal(2, admissibility[AdmissibilityOutcome.Pending]);
        Assert.Equal(5, admissibility.Sum);
        Assert.Equal(["Recevable", "Non recevable", "En attente"], admissibility.Entries.Select(e => AdmissibilityOutcomes.Label(e.Key)));
    }

    [Fact]
    public void Abandons_and_expired_journeys_are_counted_as_closures_and_an_expired_journey_was_admissible()
    {
        var stats = Year2025(profiles:
        [
            Profile(state: RegistrationState.Admissible),
            Profile(state: RegistrationState.Withdrawn),
            Profile(state: RegistrationState.Withdrawn),
            Profile(state: RegistrationState.Expired),
        ]);

        Assert.Equal(2, stats.Profiles.Admissibility[AdmissibilityOutcome.Admissible]);
        Assert.Equal(2, stats.Profiles.Closures[JourneyClosure.Withdrawn]);
        Assert.Equal(1, stats.Profiles.Closures[JourneyClosure.Expired]);
        Assert.Equal(["Abandons", "Délais dépassés"], stats.Profiles.Closures.Entries.Select(e => JourneyClosures.Label(e.Key)));
    }

    [Fact]
    public void The_median_experience_of_an_odd_count_is_the_middle_value()
    {
        var stats = Year2025(profiles: [Profile(teleMonths: 40, phoneMonths: 0), Profile(teleMonths: 6, phoneMonths: 24), Profile(teleMonths: 12, phoneMonths: 60)]);

        Assert.Equal(12, stats.Profiles.MedianTeleSecretaryMonths);
        Assert.Equal(24, stats.Profiles.MedianPhoneJobMonths);
    }

    [Fact]
    public void The_median_experience_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        var stats = Year2025(profiles: [Profile(teleMonths: 40, phoneMonths: 5), Profile(teleMonths: 6, phoneMonths: 0), Profile(teleMonths: 12, phoneMonths: 10), Profile(teleMonths: 13, phoneMonths: 100)]);

        Assert.Equal(12.5, stats.Profiles.MedianTeleSecretaryMonths);
        Assert.Equal(7.5, stats.Profiles.MedianPhoneJobMonths);
    }

    [Fact]
    public void A_year_without_registrations_has_no_median()
    {
        var stats = Year2025(profiles: [Profile(registeredOn: new(2024, 6, 1))]);

        Assert.Equal(0, stats.Profiles.Total);
        Assert.Null(stats.Profiles.MedianTeleSecretaryMonths);
        Assert.Null(stats.Profiles.MedianPhoneJobMonths);
    }

    [Fact]
    public void Funding_counts_each_mechanism_and_the_registrations_that_gave_none()
    {
        var stats = Year2025(profiles: [Profile(funding: Funding.Cpf), Profile(funding: Funding.Cpf), Profile(funding: Funding.ProfessionalisationContract), Profile(funding: null)]);

        Assert.Equal(2, stats.Profiles.Funding[Funding.Cpf]);
        Assert.Equal(1, stats.Profiles.Funding[Funding.ProfessionalisationContract]);
        Assert.Equal(0, stats.Profiles.Funding[Funding.CpfTransition]);
        Assert.Equal(Fundings.Offered, stats.Profiles.Funding.Entries.Select(e => e.Key));
        Assert.Equal(1, stats.Profiles.FundingNotGiven);
    }

    [Fact]
    public void An_education_level_outside_the_nomenclature_is_still_counted_after_the_expected_ones()
    {
        var stats = Year2025(profiles: [Profile(education: 2), Profile(education: 4)]);

        Assert.Equal(2, stats.Profiles.EducationLevel.Sum);
        Assert.Equal((2, 1), stats.Profiles.EducationLevel.Entries[^1]);
    }
}
