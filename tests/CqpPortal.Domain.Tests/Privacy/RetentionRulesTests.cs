using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Privacy;

public class RetentionRulesTests
{
    private static readonly RetentionPeriods Notice = RetentionPeriods.Notice;

    [Fact]
    public void The_default_periods_are_the_ones_the_privacy_notice_promises()
    {
        Assert.Equal(3, Notice.AccountWithoutFileYears);
        Assert.Equal(2, Notice.ClosedApplicationYears);
        Assert.Equal(5, Notice.CertificationFileYears);
        Assert.Equal(1, Notice.SurveyAnswersYearsAfterLastSurvey);
    }

    [Fact]
    public void An_account_without_a_file_ends_three_years_after_its_last_sign_in()
    {
        var person = new PersonFacts([], new DateOnly(2020, 5, 10));
        Assert.False(RetentionRules.For(person, new DateOnly(2023, 5, 9), Notice).Due);
        var verdict = RetentionRules.For(person, new DateOnly(2023, 5, 10), Notice);
        Assert.True(verdict.Due);
        Assert.Equal(new DateOnly(2023, 5, 10), verdict.DueOn);
        Assert.Contains("sans connexion depuis le 10/05/2020", verdict.Reason);
    }

    [Fact]
    public void A_draft_alone_counts_as_an_account_without_a_file()
    {
        var person = new PersonFacts([new FileFacts(RegistrationState.Draft, new DateOnly(2020, 1, 1), null, false, false)], new DateOnly(2020, 1, 1));
        Assert.Equal(new DateOnly(2023, 1, 1), RetentionRules.For(person, new DateOnly(2023, 1, 1), Notice).DueOn);
    }

    [Fact]
    public void A_non_admissible_file_ends_two_years_after_its_decision()
    {
        var person = new PersonFacts([new FileFacts(RegistrationState.NotAdmissible, new DateOnly(2021, 6, 1), null, false, false)], new DateOnly(2021, 5, 1));
        var verdict = RetentionRules.For(person, new DateOnly(2023, 6, 1), Notice);
        Assert.True(verdict.Due);
        Assert.StartsWith("Candidature non recevable", verdict.Reason);
        Assert.False(RetentionRules.For(person, new DateOnly(2023, 5, 31), Notice).Due);
    }

    [Fact]
    public void A_sign_in_after_an_abandon_counts_as_the_last_exchange()
    {
        var person = new PersonFacts([new FileFacts(RegistrationState.Withdrawn, new DateOnly(2021, 6, 1), null, false, false)], new DateOnly(2022, 2, 1));
        Assert.Equal(new DateOnly(2024, 2, 1), RetentionRules.For(person, new DateOnly(2024, 1, 1), Notice).DueOn);
    }

    [Fact]
    public void A_certification_file_ends_five_years_after_the_jury_and_says_the_proof_is_kept()
    {
        var person = new PersonFacts([new FileFacts(RegistrationState.Admissible, new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 16), IsHolder: true, SessionAhead: false)], new DateOnly(2024, 1, 1));
        Assert.False(RetentionRules.For(person, new DateOnly(2025, 3, 15), Notice).Due);
        var verdict = RetentionRules.For(person, new DateOnly(2025, 3, 16), Notice);
        Assert.True(verdict.Due);
        Assert.Contains("preuve de la certification est conservée", verdict.Reason);
    }

    [Fact]
    public void The_latest_end_of_all_the_files_decides()
    {
        var person = new PersonFacts(
        [
            new FileFacts(RegistrationState.NotAdmissible, new DateOnly(2018, 1, 1), null, false, false),
            new FileFacts(RegistrationState.Expired, new DateOnly(2021, 1, 1), new DateOnly(2020, 6, 1), false, false),
        ], new DateOnly(2018, 1, 1));
        Assert.Equal(new DateOnly(2025, 6, 1), RetentionRules.For(person, new DateOnly(2030, 1, 1), Notice).DueOn);
    }

    [Fact]
    public void Nothing_is_due_while_a_file_is_in_progress_however_old()
    {
        var person = new PersonFacts([new FileFacts(RegistrationState.Admissible, new DateOnly(2010, 1, 1), null, false, false)], new DateOnly(2010, 1, 1));
        var verdict = RetentionRules.For(person, new DateOnly(2030, 1, 1), Notice);
        Assert.False(verdict.Due);
        Assert.Null(verdict.DueOn);
    }

    [Fact]
    public void Survey_answers_lose_what_points_at_the_holder_one_year_after_the_24_month_survey() =>
        Assert.Equal(new DateOnly(2027, 9, 1), RetentionRules.SurveyAnswersEnd(new DateOnly(2026, 9, 1), Notice));

    [Fact]
    public void Periods_shorter_than_a_year_are_refused() =>
        Assert.Throws<InvalidOperationException>(() => (Notice with { ClosedApplicationYears = 0 }).EnsureValid());
}
