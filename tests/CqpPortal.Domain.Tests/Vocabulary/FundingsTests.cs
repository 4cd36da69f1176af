using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Vocabulary;

public class FundingsTests
{
    [Fact]
    public void The_form_offers_the_funding_mechanisms_as_they_are_since_2019_in_order() =>
        Assert.Equal(["CPF", "CPF de transition professionnelle", "Pro-A (reconversion ou promotion par l'alternance)", "Contrat de professionnalisation",
            "Plan de développement des compétences", "France Travail", "Financement personnel", "Autre"], Fundings.Offered.Select(FrenchLabels.Of));

    [Fact]
    public void Every_stored_value_is_offered_so_that_older_records_read_as_todays_mechanism() =>
        Assert.Equal(Enum.GetValues<Funding>().Order(), Fundings.Offered.Order());

    [Theory]
    [InlineData("CIF", Funding.CpfTransition)]
    [InlineData("congé individuel de formation", Funding.CpfTransition)]
    [InlineData("Période de professionnalisation", Funding.ProA)]
    [InlineData("Pôle emploi", Funding.FranceTravail)]
    public void The_mechanisms_the_2019_reform_replaced_are_read_as_their_successors(string oldLabel, Funding successor)
    {
        Assert.Equal(successor, Fundings.Successor(oldLabel));
        Assert.True(ImportLabels.Funding.TryRead(oldLabel, out var read));
        Assert.Equal(successor, read);
    }

    [Fact]
    public void Todays_labels_are_no_old_label() => Assert.Null(Fundings.Successor("CPF"));
}
