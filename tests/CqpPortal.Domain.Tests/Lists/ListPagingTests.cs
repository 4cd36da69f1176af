using CqpPortal.Domain.Lists;

namespace CqpPortal.Domain.Tests.Lists;

public class ListPagingTests
{
    [Theory]
    [InlineData(null, 25)]
    [InlineData(25, 25)]
    [InlineData(50, 50)]
    [InlineData(100, 100)]
    [InlineData(10000, 25)]
    [InlineData(0, 25)]
    [InlineData(-50, 25)]
    public void A_page_holds_25_50_or_100_rows_and_25_when_anything_else_is_asked(int? asked, int size)
    {
        Assert.Equal(size, ListPaging.PageSize(asked));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    [InlineData(175, 7)]
    public void Rows_fill_whole_pages_and_an_empty_list_is_one_page(int total, int pages)
    {
        Assert.Equal(pages, ListPaging.PageCount(total, 25));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(9, 3)]
    public void The_page_shown_is_the_one_asked_for_within_the_first_and_the_last(int? asked, int page)
    {
        Assert.Equal(page, ListPaging.Page(asked, total: 60, pageSize: 25));
    }

    [Fact]
    public void Page_two_starts_after_the_first_pages_rows()
    {
        Assert.Equal(0, ListPaging.Skip(1, 25));
        Assert.Equal(50, ListPaging.Skip(2, 50));
    }
}
