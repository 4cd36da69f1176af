using CqpPortal.Domain.Certificates;

namespace CqpPortal.Domain.Tests.Certificates;

public class CertificateNumberTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static IEnumerable<string> Samples() => Enumerable.Range(0, 40).Select(_ => CertificateNumber.New());

    private static string Compact(string number) => number.Replace("-", "");

    [Fact]
    public void A_new_number_has_twelve_characters_in_three_groups_of_four_then_a_check_character()
    {
        foreach (var number in Samples())
        {
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$", number);
            Assert.Equal(16, number.Length);
            Assert.True(CertificateNumber.IsWellFormed(number));
        }
    }

    [Fact]
    public void New_numbers_carry_at_least_fifty_bits_and_do_not_repeat()
    {
        Assert.True(CertificateNumber.RandomBits >= 50);
        var numbers = Enumerable.Range(0, 2000).Select(_ => CertificateNumber.New()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void Any_single_mistyped_character_is_caught()
    {
        foreach (var number in Samples().Take(10))
        {
            var compact = Compact(number);
            for (var i = 0; i < compact.Length; i++)
                foreach (var c in Crockford.Where(c => c != compact[i]))
                    Assert.False(CertificateNumber.IsWellFormed(compact[..i] + c + compact[(i + 1)..]), $"{compact} with {c} at {i}");
        }
    }

    [Fact]
    public void Swapping_two_adjacent_characters_is_caught()
    {
        foreach (var number in Samples())
        {
            var compact = Compact(number);
            for (var i = 0; i + 1 < compact.Length; i++)
            {
                if (compact[i] == compact[i + 1]) continue;
                var swapped = compact[..i] + compact[i + 1] + compact[i] + compact[(i + 2)..];
                Assert.False(CertificateNumber.IsWellFormed(swapped), $"{compact} swapped at {i}");
            }
        }
    }

    [Fact]
    public void What_people_type_is_normalised_lower_case_spaces_dashes_and_look_alike_letters()
    {
        // A number with 0s and 1s in it (1 followed by zeros, plus a small offset so the check is a letter or digit).
        var value = Enumerable.Range(0, 37).Select(k => (1UL << 55) + (1UL << 35) + (ulong)k).First(v => v % 37 < 32);
        var number = CertificateNumber.Format(value);
        Assert.Contains("0", number);
        Assert.Contains("1", number);
        Assert.True(CertificateNumber.TryParse(number, out var same));
        Assert.Equal(number, same);
        var typed = " " + number.ToLowerInvariant().Replace("-", " ").Replace('1', 'l').Replace('0', 'o') + " ";
        Assert.True(CertificateNumber.TryParse(typed, out var read));
        Assert.Equal(number, read);
        Assert.True(CertificateNumber.TryParse(Compact(number).Replace('1', 'I'), out read));
        Assert.Equal(number, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("ABCD-EFGH-JKMN")]
    [InlineData("ABCD-EFGH-JKMN-PQ-R")]
    [InlineData("ABCD-EFGH-JKMN-*")]
    [InlineData("UUUU-UUUU-UUUU-U")]
    [InlineData("' or 1=1 --")]
    public void A_wrong_length_or_a_foreign_character_is_not_a_number(string? text) =>
        Assert.False(CertificateNumber.TryParse(text, out _));

    [Fact]
    public void A_value_whose_check_would_be_a_symbol_is_never_formatted()
    {
        var value = Enumerable.Range(0, 100).Select(i => (ulong)i).First(v => v % 37 >= 32);
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Format(value));
    }
}
