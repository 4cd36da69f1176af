using CqpPortal.Domain.Registrations;

namespace CqpPortal.Domain.Tests.Registrations;

public class ProfileListsTests
{
    [Fact]
    public void Free_text_sectors_of_an_old_file_become_codes_when_they_match_a_label_and_other_with_their_text_otherwise()
    {
        var (codes, other) = ExperienceSectors.FromFreeText(["Hôtellerie", "secrétariat MÉDICAL", "Crèche", "Permanence téléphonique d'entreprises", "Pressing"]);
        Assert.Equal(["medical-secretariat", "call-centre", "hospitality", "other"], codes);
        Assert.Equal("Crèche, Pressing", other);
    }

    [Fact]
    public void Stored_values_are_read_back_as_codes_whether_codes_labels_or_other_text()
    {
        Assert.Equal("legal-secretariat", ExperienceSectors.Classify("legal-secretariat"));
        Assert.Equal("legal-secretariat", ExperienceSectors.Classify("Secrétariat juridique"));
        Assert.Equal("call-centre", ExperienceSectors.Classify("Centre d'appels"));
        Assert.Equal("other", ExperienceSectors.Classify("Pressing"));
    }

    [Fact]
    public void Sectors_are_described_with_their_labels_and_the_precision_of_other()
    {
        Assert.Equal("Secrétariat médical, Autre secteur (Crèche)", ExperienceSectors.Describe(["other", "medical-secretariat"], "Crèche"));
    }

    [Theory]
    [InlineData("Bac pro gestion-administration", 4, DiplomaGroup.ProfessionalBaccalaureate)]
    [InlineData("Baccalauréat professionnel", 4, DiplomaGroup.ProfessionalBaccalaureate)]
    [InlineData("Bac STMG", 4, DiplomaGroup.TechnologicalBaccalaureate)]
    [InlineData("Baccalauréat", 4, DiplomaGroup.GeneralBaccalaureate)]
    [InlineData("CAP agent administratif", 3, DiplomaGroup.CapBep)]
    [InlineData("BTS support à l'action managériale", 5, DiplomaGroup.TwoYearsAfterBaccalaureate)]
    [InlineData("Licence", 6, DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate)]
    [InlineData(null, 0, DiplomaGroup.None)]
    [InlineData(null, 3, DiplomaGroup.CapBep)]
    [InlineData(null, 7, DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate)]
    [InlineData("Diplôme d'État d'aide-soignant", 4, DiplomaGroup.Other)]
    public void The_group_of_an_old_diploma_is_inferred_from_its_title_then_its_level(string? title, int level, DiplomaGroup expected)
    {
        Assert.Equal(expected, DiplomaGroups.Infer(title, level));
    }

    [Fact]
    public void Each_group_of_the_list_written_as_its_label_is_read_back_as_itself()
    {
        Assert.All(DiplomaGroups.All, g => Assert.Equal(g, DiplomaGroups.Infer(DiplomaGroups.Label(g), 4)));
    }

    [Fact]
    public void Sectors_written_for_a_file_are_read_back_as_the_same_codes_and_precision()
    {
        var written = ExperienceSectors.AsFreeText(["medical-secretariat", "other"], "Crèche");
        Assert.Equal(["Secrétariat médical", "Crèche"], written);
        var (codes, other) = ExperienceSectors.FromFreeText(written);
        Assert.Equal(["medical-secretariat", "other"], codes);
        Assert.Equal("Crèche", other);
    }

    [Fact]
    public void A_level_4_without_a_title_tells_no_group()
    {
        Assert.Null(DiplomaGroups.Infer(null, 4));
    }
}
