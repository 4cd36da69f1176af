using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class PasswordPolicyTests
{
    [Fact]
    public void Eleven_characters_are_refused_with_the_french_reason() =>
        Assert.Equal([PasswordPolicy.TooShort], PasswordPolicy.WhyRefused("abcdefghijk"));

    [Fact]
    public void Twelve_lowercase_letters_without_digit_nor_symbol_are_accepted() =>
        Assert.Empty(PasswordPolicy.WhyRefused("chevreuilbleu"[..12]));

    [Fact]
    public void A_phrase_of_words_with_spaces_is_accepted() =>
        Assert.Empty(PasswordPolicy.WhyRefused("le chat dort sur la photocopieuse"));

    [Fact]
    public void One_hundred_and_twenty_eight_characters_are_accepted_and_one_more_is_refused()
    {
        Assert.Empty(PasswordPolicy.WhyRefused(new string('k', 64) + new string('w', 64)));
        Assert.Equal([PasswordPolicy.TooLong], PasswordPolicy.WhyRefused(new string('k', 65) + new string('w', 64)));
    }

    [Theory]
    [InlineData("motdepasse123")]
    [InlineData("MotDePasse2026")]
    [InlineData("123456789012")]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("azertyuiop123")]
    [InlineData("password123456")]
    public void A_common_breached_password_or_one_with_digits_added_is_refused(string password) =>
        Assert.Equal([PasswordPolicy.TooCommon], PasswordPolicy.WhyRefused(password));

    [Fact]
    public void An_accented_letter_typed_as_two_code_points_counts_as_one_character()
    {
        var elevenLetters = "e\u0301tudiantzzz"; // 12 UTF-16 code units, 11 letters
        Assert.Equal(12, elevenLetters.Length);
        Assert.Equal([PasswordPolicy.TooShort], PasswordPolicy.WhyRefused(elevenLetters));
    }

    [Fact]
    public void The_shipped_list_holds_the_ten_thousand_most_common_passwords()
    {
        Assert.True(PasswordPolicy.IsCommon("password"));
        Assert.True(PasswordPolicy.IsCommon("iloveyou"));
        Assert.False(PasswordPolicy.IsCommon("Portail-Demo-2026"));
    }
}
