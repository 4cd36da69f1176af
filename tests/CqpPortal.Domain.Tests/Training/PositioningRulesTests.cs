using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class PositioningRulesTests
{
    private static readonly PositioningCompetence[] Referential =
        [new(1, "C1.1", 10), new(2, "C1.2", 10), new(3, "C2.1", 20)];

    private static PositioningMark Mark(int id, PositioningLevel? level, string? comment = null) => new(id, level, comment);

    [Fact]
    public void Sending_needs_a_level_for_every_competence_and_names_the_missing_ones_by_code()
    {
        var reasons = PositioningRules.WhyNotSend(Referential, [Mark(1, PositioningLevel.Mastered), Mark(2, null)]);
        var reason = Assert.Single(reasons);
        Assert.Contains("C1.2, C2.1", reason);
        Assert.DoesNotContain("C1.1", reason);
    }

    [Fact]
    public void A_complete_positioning_can_be_sent()
    {
        Assert.Empty(PositioningRules.WhyNotSend(Referential,
            [Mark(1, PositioningLevel.Mastered), Mark(2, PositioningLevel.Partly), Mark(3, PositioningLevel.NotYet, "À voir en entreprise.")]));
    }

    [Fact]
    public void A_comment_longer_than_a_thousand_characters_is_refused_even_in_a_draft()
    {
        var marks = new[] { Mark(2, null, new string('a', 1001)) };
        Assert.Contains(PositioningRules.WhyNotSaveDraft(Referential, marks), r => r.StartsWith("C1.2") && r.Contains("1000"));
        Assert.Empty(PositioningRules.WhyNotSaveDraft(Referential, [Mark(2, null, new string('a', 1000))]));
    }

    [Fact]
    public void A_draft_may_leave_competences_blank()
    {
        Assert.Empty(PositioningRules.WhyNotSaveDraft(Referential, [Mark(1, PositioningLevel.Partly)]));
    }

    [Fact]
    public void A_sent_company_positioning_is_read_only_for_the_manager()
    {
        Assert.Equal(PositioningRules.CompanySent, PositioningRules.WhyNotEditCompany(sent: true));
        Assert.Null(PositioningRules.WhyNotEditCompany(sent: false));
    }

    [Fact]
    public void The_centre_interview_date_is_required_and_not_in_the_future()
    {
        var today = new DateOnly(2027, 3, 10);
        Assert.NotNull(PositioningRules.WhyNotInterviewDate(null, today));
        Assert.Contains("futur", PositioningRules.WhyNotInterviewDate(today.AddDays(1), today));
        Assert.Null(PositioningRules.WhyNotInterviewDate(today, today));
        Assert.Null(PositioningRules.WhyNotInterviewDate(today.AddDays(-20), today));
    }

    [Fact]
    public void A_competence_the_centre_marked_mastered_is_not_trained()
    {
        var centre = new[] { Mark(1, PositioningLevel.Mastered), Mark(2, PositioningLevel.Partly), Mark(3, PositioningLevel.NotYet) };
        Assert.Equal([2, 3], PositioningRules.CompetencesToTrain(Referential, centre));
    }

    [Fact]
    public void A_unit_is_mastered_only_when_all_its_competences_are()
    {
        var centre = new[] { Mark(1, PositioningLevel.Mastered), Mark(2, PositioningLevel.Partly), Mark(3, PositioningLevel.Mastered) };
        Assert.False(PositioningRules.UnitMastered(10, Referential, centre));
        Assert.True(PositioningRules.UnitMastered(20, Referential, centre));
        Assert.False(PositioningRules.AllMastered(Referential, centre));
        Assert.True(PositioningRules.AllMastered(Referential, Referential.Select(c => Mark(c.Id, PositioningLevel.Mastered)).ToList()));
    }
}
