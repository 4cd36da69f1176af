using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class SessionLifetimeTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_staff_session_ends_after_thirty_minutes_without_a_request()
    {
        var lifetime = SessionLifetime.For(readsOthersFiles: true);
        Assert.False(lifetime.HasEnded(SignedIn, SignedIn, SignedIn.AddMinutes(29)));
        Assert.True(lifetime.HasEnded(SignedIn, SignedIn, SignedIn.AddMinutes(30)));
    }

    [Fact]
    public void A_staff_session_in_use_every_few_minutes_still_ends_twelve_hours_after_signing_in()
    {
        var lifetime = SessionLifetime.ReadsOthersFiles;
        var lastSeen = SignedIn.AddHours(11).AddMinutes(55);
        Assert.False(lifetime.HasEnded(SignedIn, lastSeen, SignedIn.AddHours(11).AddMinutes(59)));
        Assert.True(lifetime.HasEnded(SignedIn, lastSeen, SignedIn.AddHours(12)));
        Assert.Equal(SignedIn.AddHours(12), lifetime.EndsAt(SignedIn, lastSeen));
    }

    [Fact]
    public void A_candidate_session_slides_for_eight_hours_without_an_overall_limit()
    {
        var lifetime = SessionLifetime.For(readsOthersFiles: false);
        var lastSeen = SignedIn.AddDays(3);
        Assert.False(lifetime.HasEnded(SignedIn, lastSeen, lastSeen.AddHours(7).AddMinutes(59)));
        Assert.True(lifetime.HasEnded(SignedIn, lastSeen, lastSeen.AddHours(8)));
    }

    [Fact]
    public void Last_seen_is_recorded_at_most_once_a_minute()
    {
        Assert.False(SessionLifetime.ShouldRecordLastSeen(SignedIn, SignedIn.AddSeconds(59)));
        Assert.True(SessionLifetime.ShouldRecordLastSeen(SignedIn, SignedIn.AddMinutes(1)));
    }
}
