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
