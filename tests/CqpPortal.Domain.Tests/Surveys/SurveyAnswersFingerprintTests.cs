using CqpPortal.Domain.Surveys;

namespace CqpPortal.Domain.Tests.Surveys;

public class SurveyAnswersFingerprintTests
{
    private static readonly IReadOnlyList<string>[] TwoAnswers = [["Durand", "Léa", "6 mois", "En emploi"], ["Petit", "Lucie", "24 mois", "Autre"]];

    [Fact]
    public void The_same_answers_give_the_same_fingerprint_so_no_new_file_is_made()
    {
        var latest = SurveyAnswersFingerprint.Of(TwoAnswers);
        var now = SurveyAnswersFingerprint.Of(TwoAnswers.Select(l => (IReadOnlyList<string>)l.ToList()));

        Assert.Equal(latest, now);
        Assert.False(SurveyAnswersFingerprint.NeedsNewFile(latest, now));
    }

    [Fact]
    public void A_new_answer_needs_a_new_file()
    {
        var latest = SurveyAnswersFingerprint.Of(TwoAnswers);
        var now = SurveyAnswersFingerprint.Of([.. TwoAnswers, ["Moreau", "Nadia", "6 mois", "En formation"]]);

        Assert.Equal((2, 3), (latest.Answers, now.Answers));
        Assert.True(SurveyAnswersFingerprint.NeedsNewFile(latest, now));
    }

    [Fact]
    public void An_answer_corrected_in_place_needs_a_new_file_though_the_count_is_the_same()
    {
        var latest = SurveyAnswersFingerprint.Of(TwoAnswers);
        var now = SurveyAnswersFingerprint.Of([TwoAnswers[0], ["Petit", "Lucie", "24 mois", "En emploi"]]);

        Assert.True(SurveyAnswersFingerprint.NeedsNewFile(latest, now));
    }

    [Fact]
    public void Cells_are_not_confused_when_text_moves_between_them()
    {
        Assert.NotEqual(SurveyAnswersFingerprint.Of([["ab", "c"]]), SurveyAnswersFingerprint.Of([["a", "bc"]]));
    }

    [Fact]
    public void The_first_file_is_made_even_with_no_answer_yet()
    {
        Assert.True(SurveyAnswersFingerprint.NeedsNewFile(null, SurveyAnswersFingerprint.Of([])));
    }

    [Fact]
    public void A_fingerprint_reads_back_from_its_text()
    {
        var fingerprint = SurveyAnswersFingerprint.Of(TwoAnswers);

        Assert.Equal(fingerprint, SurveyAnswersFingerprint.TryParse(fingerprint.ToString()));
        Assert.Null(SurveyAnswersFingerprint.TryParse("garbage"));
        Assert.Null(SurveyAnswersFingerprint.TryParse(null));
    }
}
