using CqpPortal.Domain.Registrations;

namespace CqpPortal.Domain.Tests.Registrations;

public class PaperFormRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void The_paper_date_is_required() => Assert.Contains("date du bulletin papier", PaperFormRules.CheckDate(null, Today));

    [Fact]
    public void The_paper_date_cannot_be_in_the_future() => Assert.Contains("futur", PaperFormRules.CheckDate(Today.AddDays(1), Today));

    [Fact]
    public void Today_or_an_earlier_day_is_the_registration_date()
    {
        Assert.Null(PaperFormRules.CheckDate(Today, Today));
        Assert.Null(PaperFormRules.CheckDate(Today.AddMonths(-2), Today));
    }
}
