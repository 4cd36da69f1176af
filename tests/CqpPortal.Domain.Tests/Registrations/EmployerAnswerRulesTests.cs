using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Registrations;

public class EmployerAnswerRulesTests
{
    private const string ValidSiret = "732 829 320 00074";

    [Fact]
    public void The_employer_block_is_asked_of_employees_only()
    {
        Assert.True(EmployerAnswerRules.IsAsked(EmploymentStatus.Employee));
        Assert.False(EmployerAnswerRules.IsAsked(EmploymentStatus.JobSeeker));
        Assert.False(EmployerAnswerRules.IsAsked(EmploymentStatus.Other));
        Assert.False(EmployerAnswerRules.IsAsked(null));
    }

    [Fact]
    public void An_employee_must_give_the_employers_name_and_a_valid_siret()
    {
        var problems = EmployerAnswerRules.Check(EmploymentStatus.Employee, " ", "123");
        Assert.Equal([EmployerAnswerRules.NameField, EmployerAnswerRules.SiretField], problems.Select(p => p.Field));
        Assert.Contains("nom de votre employeur", problems[0].Message);
        Assert.Contains("14 chiffres", problems[1].Message);
        Assert.Empty(EmployerAnswerRules.Check(EmploymentStatus.Employee, "Allo Services", ValidSiret));
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused_in_french()
    {
        var problem = Assert.Single(EmployerAnswerRules.Check(EmploymentStatus.Employee, new string('a', 201), ValidSiret));
        Assert.Equal((EmployerAnswerRules.NameField, "Le nom de l'entreprise ne peut dépasser 200 caractères."), problem);
    }

    [Theory]
    [InlineData(EmploymentStatus.JobSeeker)]
    [InlineData(EmploymentStatus.Other)]
    public void Someone_not_employed_is_not_asked_and_what_they_typed_is_not_kept(EmploymentStatus status)
    {
        Assert.Empty(EmployerAnswerRules.Check(status, "", "pas un siret"));
        Assert.Equal(((string?)null, (string?)null), EmployerAnswerRules.Kept(status, "Ancien employeur", ValidSiret));
    }

    [Fact]
    public void An_employees_answer_is_kept_trimmed_with_the_siret_without_spaces() =>
        Assert.Equal(("Allo Services", "73282932000074"), EmployerAnswerRules.Kept(EmploymentStatus.Employee, "  Allo Services ", ValidSiret));
}
