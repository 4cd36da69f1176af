using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests;

public class SiretTests
{
    [Theory]
    [InlineData("73282932000074", true)]       // a real, published SIRET
    [InlineData("732 829 320 00074", true)]    // typed with spaces
    [InlineData("73282932000075", false)]      // wrong check digit
    [InlineData("7328293200007", false)]       // 13 digits
    [InlineData("7328293200007A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("35600000000001", true)]       // La Poste: digit sum multiple of 5 (15)
    [InlineData("35600000000002", false)]
    public void A_siret_has_14_digits_and_a_valid_check(string? value, bool valid) => Assert.Equal(valid, Siret.IsValid(value));

    [Fact]
    public void The_check_digit_completes_thirteen_digits_into_a_valid_siret()
    {
        Assert.Equal("73282932000074", Siret.WithCheckDigit("7328293200007"));
        Assert.True(Siret.IsValid(Siret.WithCheckDigit("1234567890123")));
    }
}
