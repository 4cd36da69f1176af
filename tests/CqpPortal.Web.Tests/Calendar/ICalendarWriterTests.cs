using System.Text;
using CqpPortal.Web.Calendar;

namespace CqpPortal.Web.Tests.Calendar;

public class ICalendarWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_event_has_utc_times_crlf_lines_and_escaped_text()
    {
        var ics = ICalendarWriter.Write([new CalendarEvent("s-1@cqp", Start, Start.AddMinutes(220), "Évaluation; CQP", "Centre, Lille", "Ligne 1\nLigne 2")],
            Start.AddDays(-1), "CQP");
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.Contains("DTSTART:20260310T080000Z\r\n", ics);
        Assert.Contains("DTEND:20260310T114000Z\r\n", ics);
        Assert.Contains("SUMMARY:Évaluation\\; CQP\r\n", ics);
        Assert.Contains("LOCATION:Centre\\, Lille\r\n", ics);
        Assert.Contains("DESCRIPTION:Ligne 1\\nLigne 2\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
    }

    [Fact]
    public void An_event_carries_its_uid_and_the_stamp_in_utc_even_from_a_paris_offset()
    {
        var parisStart = new DateTimeOffset(2026, 7, 7, 9, 30, 0, TimeSpan.FromHours(2));
        var ics = ICalendarWriter.Write([new CalendarEvent("session-7@cqp", parisStart, parisStart.AddHours(2), "S", "L", "D")],
            new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), "CQP");
        var vevent = ics[ics.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal)..];
        Assert.Contains("UID:session-7@cqp\r\n", vevent);
        Assert.Contains("DTSTAMP:20260701T100000Z\r\n", vevent);
        Assert.Contains("DTSTART:20260707T073000Z\r\n", vevent);
        Assert.Contains("DTEND:20260707T093000Z\r\n", vevent);
    }

    [Theory]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("un, deux; trois", "un\\, deux\\; trois")]
    [InlineData("l1\r\nl2\rl3\nl4", "l1\\nl2\\nl3\\nl4")]
    [InlineData("bip\u0007 tab\t", "bip tab\t")]
    public void Text_is_escaped_as_rfc_5545_asks(string value, string escaped) => Assert.Equal(escaped, ICalendarWriter.Escape(value));

    [Fact]
    public void Long_lines_fold_at_75_octets_without_cutting_a_character()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("é", 60));
        var folded = ICalendarWriter.Fold(line);
        var physical = folded.Split("\r\n");
        Assert.True(physical.Length > 1);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Equal(line, string.Concat(physical.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
