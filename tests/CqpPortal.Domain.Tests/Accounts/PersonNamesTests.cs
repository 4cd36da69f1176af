using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class PersonNamesTests
{
    [Theory]
    [InlineData("Da silva", "Da Silva")]
    [InlineData("Le gall", "Le Gall")]
    [InlineData("le roux", "Le Roux")]
    [InlineData("jean-pierre", "Jean-Pierre")]
    [InlineData("n'diaye", "N'Diaye")]
    [InlineData("Giscard d'estaing", "Giscard d'Estaing")]
    [InlineData("Martin de la fontaine", "Martin de La Fontaine")]
    [InlineData("McDonald", "McDonald")]
    [InlineData("  Moreau ", "Moreau")]
    public void Names_are_cased_as_french_writes_them(string name, string expected) => Assert.Equal(expected, PersonNames.Cased(name));
}
