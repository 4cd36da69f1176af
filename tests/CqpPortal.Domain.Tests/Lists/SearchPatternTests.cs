using CqpPortal.Domain.Lists;

namespace CqpPortal.Domain.Tests.Lists;

public class SearchPatternTests
{
    [Theory]
    [InlineData("Hélène", "%Helene%")]
    [InlineData("  helene ", "%helene%")]
    [InlineData("Françoise Lefèvre", "%Francoise Lefevre%")]
    [InlineData("Cœur", "%Coeur%")]
    [InlineData("LAËTITIA", "%LAETITIA%")]
    public void The_typed_text_loses_its_accents_and_is_found_anywhere(string typed, string pattern) =>
        Assert.Equal(pattern, SearchPattern.Of(typed));

    [Fact]
    public void Percent_underscore_and_backslash_are_taken_literally() =>
        Assert.Equal(@"%50\% \_ a\\b%", SearchPattern.Of(@"50% _ a\b"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_searches_nothing(string? typed) => Assert.Null(SearchPattern.Of(typed));
}
