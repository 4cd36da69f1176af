using CqpPortal.Domain.Documents;

namespace CqpPortal.Domain.Tests.Documents;

public class FileSizeTests
{
    [Theory]
    [InlineData(0, "0 octets")]
    [InlineData(512, "512 octets")]
    [InlineData(1024, "1 ko")]
    [InlineData(1025, "2 ko")]
    [InlineData(250_000, "245 ko")]
    [InlineData(1024 * 1024, "1 Mo")]
    [InlineData(1_468_006, "1,4 Mo")]
    [InlineData(10 * 1024 * 1024, "10 Mo")]
    [InlineData(60 * 1024 * 1024, "60 Mo")]
    public void Sizes_are_written_the_french_way(long bytes, string expected) => Assert.Equal(expected, FileSize.InFrench(bytes));
}
