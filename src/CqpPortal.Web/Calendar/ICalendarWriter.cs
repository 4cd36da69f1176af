using System.Text;

namespace CqpPortal.Web.Calendar;

/// <param name="Url">The session's page on the portal (absolute, from Portal:PublicUrl): written as the event's URL and at the end of its description.</param>
public sealed record CalendarEvent(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string Location, string Description, string? Url = null);

/// <summary>
/// iCalendar (RFC 5545) text for sessions: UTC times, escaped text, lines folded at 75 octets, CRLF endings.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarEvent> events, DateTimeOffset stamp, string calendarName)
    {
        var text = new StringBuilder();
        void Line(string value) => text.Append(Fold(value)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CqpPortal//Sessions//FR");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + e.Uid);
            Line("DTSTAMP:" + Utc(stamp));
            Line("DTSTART:" + Utc(e.Start));
            Line("DTEND:" + Utc(e.End));
            Line("SUMMARY:" + Escape(e.Summary));
            Line("LOCATION:" + Escape(e.Location));
            Line("DESCRIPTION:" + Escape(e.Url is null ? e.Description : $"{e.Description}\nPage de la session : {e.Url}"));
            if (e.Url is not null) Line("URL:" + e.Url);
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT: backslash, semicolon and comma escaped, any line break as \n, other control characters dropped.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var c in lines)
        {
            switch (c)
            {
                case '\\' or ';' or ',': text.Append('\\').Append(c); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append(c); break;
                default: if (!char.IsControl(c)) text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                folded.Append("\r\n ");
                octets = 1;
            }
            folded.Append(rune.ToString());
            octets += size;
        }
        return folded.ToString();
    }
}
