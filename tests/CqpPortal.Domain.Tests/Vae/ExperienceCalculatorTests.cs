using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;

namespace CqpPortal.Domain.Tests.Vae;

/// <summary>Booklet 1's related experience: full-time equivalent, overlaps counted once, phone jobs per article 3's thresholds.</summary>
public class ExperienceCalculatorTests
{
    private static readonly PrerequisiteThresholds Thresholds = new()
    {
        TeleSecretaryMonths = 12, TeleSecretaryMonthsWithLevel4 = 6,
        PhoneJobMonths = 24, PhoneJobMonthsWithLevel4 = 12, PhoneJobMinimumPhoneShare = 50,
        VaeRelatedExperienceMonths = 36,
    };

    private static readonly ExperienceCalculator Calculator = new(Thresholds);

    private static ExperienceLine Line(string from, string to, VaeJobKind kind, int fullTime = 100, int phone = 80) =>
        new(DateOnly.Parse(from), DateOnly.Parse(to), fullTime, phone, kind);

    [Fact]
    public void Three_full_years_of_tele_secretary_work_are_thirty_six_months()
    {
        var summary = Calculator.Compute([Line("2020-01-01", "2022-12-31", VaeJobKind.TeleSecretary)]);
        Assert.Equal(36, summary.TeleSecretaryMonths);
        Assert.Equal(36, summary.RelatedMonths);
        Assert.Equal(36, summary.TotalMonths);
    }

    [Fact]
    public void Part_time_counts_in_full_time_equivalent()
    {
        var summary = Calculator.Compute([Line("2020-01-01", "2023-12-31", VaeJobKind.TeleSecretary, fullTime: 50)]);
        Assert.Equal(24, summary.RelatedMonths);
    }

    [Fact]
    public void Overlapping_full_time_jobs_are_not_counted_twice()
    {
        var summary = Calculator.Compute([
            Line("2020-01-01", "2021-12-31", VaeJobKind.TeleSecretary),
            Line("2021-01-01", "2022-12-31", VaeJobKind.Switchboard),
        ]);
        Assert.Equal(24, summary.TeleSecretaryMonths);
        Assert.Equal(12, summary.QualifyingPhoneMonths); // 2021 already counted as tele-secretary
        Assert.Equal(36, summary.RelatedMonths);
        Assert.Equal(36, summary.TotalMonths);
    }

    [Fact]
    public void Two_half_time_jobs_at_the_same_time_make_one_full_time()
    {
        var summary = Calculator.Compute([
            Line("2020-01-01", "2020-12-31", VaeJobKind.TeleSecretary, fullTime: 50),
            Line("2020-01-01", "2020-12-31", VaeJobKind.InboundCallCentre, fullTime: 50),
        ]);
        Assert.Equal(6, summary.TeleSecretaryMonths);
        Assert.Equal(6, summary.QualifyingPhoneMonths);
        Assert.Equal(12, summary.RelatedMonths);
    }

    [Theory]
    [InlineData(VaeJobKind.Switchboard, 50, 12)]
    [InlineData(VaeJobKind.ReservationCentre, 49, 0)]
    [InlineData(VaeJobKind.Other, 100, 0)]
    public void A_phone_job_counts_only_at_a_qualifying_post_with_half_of_the_time_on_the_phone(VaeJobKind kind, int phoneShare, int expected)
    {
        var summary = Calculator.Compute([Line("2020-01-01", "2020-12-31", kind, phone: phoneShare)]);
        Assert.Equal(expected, summary.QualifyingPhoneMonths);
        Assert.Equal(12, summary.TotalMonths);
        Assert.Equal(expected > 0, summary.Lines.Single().Related);
        Assert.Contains(expected > 0 ? "Retenu" : "Non retenu", summary.Lines.Single().Reason);
    }

    [Fact]
    public void A_line_ending_before_it_starts_is_not_counted_and_says_why()
    {
        var summary = Calculator.Compute([Line("2022-01-01", "2020-01-01", VaeJobKind.TeleSecretary)]);
        Assert.Equal(0, summary.TotalMonths);
        Assert.Contains("dates", summary.Lines.Single().Reason);
    }

    [Fact]
    public void The_existing_rule_engine_applies_the_thirty_six_month_vae_rule_to_the_result()
    {
        var rules = new PrerequisiteRules(Thresholds);
        var enough = Calculator.Compute([Line("2019-01-01", "2020-12-31", VaeJobKind.TeleSecretary), Line("2021-01-01", "2021-12-31", VaeJobKind.Switchboard)]);
        Assert.True(rules.Check(Calculator.ToPrerequisiteInput(enough, educationLevel: 3)).Eligible);

        var short_ = Calculator.Compute([Line("2019-01-01", "2021-10-31", VaeJobKind.TeleSecretary)]);
        Assert.Equal(34, short_.RelatedMonths);
        var refused = rules.Check(Calculator.ToPrerequisiteInput(short_, educationLevel: 3));
        Assert.False(refused.Eligible);
        Assert.Contains(refused.Missing, m => m.Contains("36 mois") && m.Contains("34 mois"));
    }
}
