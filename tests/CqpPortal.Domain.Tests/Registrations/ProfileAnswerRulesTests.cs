using CqpPortal.Domain.Registrations;

namespace CqpPortal.Domain.Tests.Registrations;

public class ProfileAnswerRulesTests
{
    private static ProfileAnswer Answer(DiplomaGroup? group = DiplomaGroup.ProfessionalBaccalaureate, string? title = null, string[]? sectors = null, string? other = null) =>
        new(group, title, sectors ?? [], other);

    private static IReadOnlyList<string> Fields(ProfileAnswer answer) => ProfileAnswerRules.Check(answer).Select(p => p.Field).ToList();

    [Fact]
    public void A_diploma_group_from_the_list_and_sectors_from_the_list_are_accepted()
    {
        Assert.Empty(Fields(Answer(title: "Bac pro gestion-administration", sectors: ["medical-secretariat", "call-centre"])));
    }

    [Fact]
    public void The_diploma_group_must_be_chosen_from_the_list()
    {
        Assert.Equal([nameof(ProfileAnswer.DiplomaGroup)], Fields(Answer(group: null)));
        Assert.Equal([nameof(ProfileAnswer.DiplomaGroup)], Fields(Answer(group: (DiplomaGroup)42)));
    }

    [Fact]
    public void The_diploma_title_is_optional_but_at_most_200_characters()
    {
        Assert.Empty(Fields(Answer(title: new string('a', 200))));
        Assert.Equal([nameof(ProfileAnswer.DiplomaTitle)], Fields(Answer(title: new string('a', 201))));
    }

    [Fact]
    public void No_sector_at_all_is_accepted()
    {
        Assert.Empty(Fields(Answer(sectors: [])));
    }

    [Fact]
    public void A_sector_outside_the_list_is_refused()
    {
        Assert.Equal([nameof(ProfileAnswer.Sectors)], Fields(Answer(sectors: ["Secrétariat médical, juridique"])));
    }

    [Fact]
    public void Other_requires_its_precision()
    {
        Assert.Equal([nameof(ProfileAnswer.OtherSector)], Fields(Answer(sectors: ["other"], other: "  ")));
        Assert.Empty(Fields(Answer(sectors: ["other"], other: "Crèche")));
    }

    [Fact]
    public void The_precision_of_other_is_at_most_200_characters()
    {
        Assert.Equal([nameof(ProfileAnswer.OtherSector)], Fields(Answer(sectors: ["other"], other: new string('x', 201))));
    }

    [Fact]
    public void A_precision_typed_without_ticking_other_counts_as_other()
    {
        var kept = ProfileAnswerRules.Normalise(Answer(sectors: ["call-centre"], other: " Crèche "));
        Assert.Equal(["call-centre", "other"], kept.Sectors);
        Assert.Equal("Crèche", kept.OtherSector);
    }

    [Fact]
    public void Kept_sectors_follow_the_list_order_once_each_and_a_blank_title_is_no_title()
    {
        var kept = ProfileAnswerRules.Normalise(Answer(title: " ", sectors: ["hospitality", "medical-secretariat", "hospitality", ""]));
        Assert.Equal(["medical-secretariat", "hospitality"], kept.Sectors);
        Assert.Null(kept.DiplomaTitle);
        Assert.Null(kept.OtherSector);
    }
}
