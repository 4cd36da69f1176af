using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Prerequisites;

/// <summary>Article 3 of the accord of 16 December 2015, boundaries included (thresholds are inclusive).</summary>
public class PrerequisiteRulesTests
{
    // The figures of article 3, as seeded for the CQP Télésecrétaire.
    private static readonly PrerequisiteRules Rules = new(new PrerequisiteThresholds
    {
        TeleSecretaryMonths = 12, TeleSecretaryMonthsWithLevel4 = 6,
        PhoneJobMonths = 24, PhoneJobMonthsWithLevel4 = 12, PhoneJobMinimumPhoneShare = 50,
        VaeRelatedExperienceMonths = 36,
    });

    private static PrerequisiteResult Check(int level = 0, int tele = 0, int phone = 0, int share = 0,
        PhoneJobKind? kind = null, CertificationRoute route = CertificationRoute.Training) =>
        Rules.Check(new PrerequisiteInput(level, tele, phone, share, kind, route));

    [Theory]
    [InlineData(0, 12, true)]
    [InlineData(0, 11, false)]
    [InlineData(3, 11, false)]
    [InlineData(4, 6, true)]
    [InlineData(4, 5, false)]
    [InlineData(8, 6, true)]
    public void Twelve_months_of_tele_secretary_work_or_six_with_level_4(int level, int months, bool eligible)
    {
        var result = Check(level, tele: months);
        Assert.Equal(eligible, result.Eligible);
        if (eligible) Assert.Contains("télésecrétariat", result.Rule);
        else Assert.Null(result.Rule);
    }

    [Theory]
    [InlineData(0, 24, 50, PhoneJobKind.Switchboard, true)]
    [InlineData(0, 23, 100, PhoneJobKind.Switchboard, false)]
    [InlineData(0, 24, 49, PhoneJobKind.InboundCallCentre, false)]
    [InlineData(4, 12, 50, PhoneJobKind.ReservationCentre, true)]
    [InlineData(4, 11, 80, PhoneJobKind.ReservationCentre, false)]
    [InlineData(5, 36, 90, PhoneJobKind.Other, false)]
    public void Or_twenty_four_months_twelve_with_level_4_at_least_half_time_on_a_qualifying_phone_post(int level, int months, int share, PhoneJobKind kind, bool eligible)
    {
        var result = Check(level, phone: months, share: share, kind: kind);
        Assert.Equal(eligible, result.Eligible);
        if (eligible) Assert.Contains("seconde condition", result.Rule);
    }

    [Fact]
    public void When_nothing_is_met_both_ways_are_explained_in_french()
    {
        var result = Check(level: 3, tele: 4, phone: 10, share: 60, kind: PhoneJobKind.Switchboard);
        Assert.False(result.Eligible);
        Assert.Equal(2, result.Missing.Count);
        Assert.Contains("4 mois déclarés, 12 mois demandés", result.Missing[0]);
        Assert.Contains("10 mois déclarés, 24 mois demandés", result.Missing[1]);
    }

    [Fact]
    public void A_phone_job_that_is_not_a_qualifying_post_is_named_as_the_reason()
    {
        var result = Check(phone: 40, share: 90, kind: PhoneJobKind.Other);
        Assert.Contains(result.Missing, m => m.Contains("seuls comptent les postes de standard"));
    }

    [Fact]
    public void Too_little_time_on_the_phone_is_named_as_the_reason()
    {
        var result = Check(phone: 40, share: 30, kind: PhoneJobKind.Switchboard);
        Assert.Contains(result.Missing, m => m.Contains("au moins 50 % (30 % déclarés)"));
    }

    [Theory]
    [InlineData(36, 0, 0, true)]
    [InlineData(35, 0, 0, false)]
    [InlineData(12, 24, 50, true)]
    [InlineData(12, 23, 50, false)]
    [InlineData(12, 30, 40, false)]
    public void Vae_also_needs_thirty_six_months_related_to_the_cqp(int tele, int phone, int share, bool eligible)
    {
        var result = Check(tele: tele, phone: phone, share: share, kind: PhoneJobKind.InboundCallCentre, route: CertificationRoute.Vae);
        Assert.Equal(eligible, result.Eligible);
        if (!eligible) Assert.Contains(result.Missing, m => m.StartsWith("VAE : 36 mois"));
        else Assert.Contains("VAE", result.Rule);
    }

    [Fact]
    public void Vae_with_enough_months_but_no_article_3_condition_is_refused_for_article_3()
    {
        // 40 months in a non-qualifying phone job: neither article 3 condition nor related experience.
        var result = Check(phone: 40, share: 90, kind: PhoneJobKind.Other, route: CertificationRoute.Vae);
        Assert.False(result.Eligible);
        Assert.Equal(3, result.Missing.Count);
    }

    [Fact]
    public void Free_candidates_follow_the_same_article_3_conditions_as_trainees()
    {
        Assert.True(Check(tele: 12, route: CertificationRoute.Free).Eligible);
        Assert.False(Check(tele: 11, route: CertificationRoute.Free).Eligible);
    }
}
