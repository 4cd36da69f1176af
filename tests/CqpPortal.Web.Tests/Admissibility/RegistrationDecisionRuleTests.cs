using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;

namespace CqpPortal.Web.Tests.Admissibility;

/// <summary>The invariants a registration protects itself, without the web or the database.</summary>
public class RegistrationDecisionRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static Registration Submitted() => new() { State = RegistrationState.Submitted, RegisteredOn = new DateOnly(2026, 11, 2) };

    [Fact]
    public void A_refusal_without_a_motive_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Submitted().Decide(RegistrationState.NotAdmissible, "  ", Today, Now, "staff"));
        Assert.Throws<ArgumentException>(() => Submitted().Decide(RegistrationState.Incomplete, null, Today, Now, "staff"));
    }

    [Fact]
    public void An_admissible_decision_starts_the_two_year_journey_on_its_day()
    {
        var registration = Submitted();
        registration.Decide(RegistrationState.Admissible, null, Today, Now, "staff");
        Assert.Equal(RegistrationState.Admissible, registration.State);
        Assert.Equal(Today, registration.AdmissibilityDecidedOn);
        Assert.Equal("staff", registration.History.Single().ByUserId);
    }

    [Theory]
    [InlineData(RegistrationState.Draft)]
    [InlineData(RegistrationState.Admissible)]
    [InlineData(RegistrationState.NotAdmissible)]
    [InlineData(RegistrationState.Incomplete)]
    public void Only_a_submitted_file_can_be_decided(RegistrationState state)
    {
        var registration = new Registration { State = state };
        Assert.Throws<InvalidOperationException>(() => registration.Decide(RegistrationState.Admissible, null, Today, Now, "staff"));
    }

    [Fact]
    public void Submitting_needs_the_privacy_consent_and_keeps_the_first_registration_date()
    {
        var registration = new Registration { State = RegistrationState.Draft };
        Assert.Throws<InvalidOperationException>(() => registration.Submit(Today, Now, "u"));
        registration.PrivacyConsentAt = Now;
        registration.Submit(Today, Now, "u");
        registration.Decide(RegistrationState.Incomplete, "Pièce manquante", Today, Now, "staff");
        registration.Submit(Today.AddDays(5), Now.AddDays(5), "u");
        Assert.Equal(Today, registration.RegisteredOn);
        Assert.Equal(RegistrationState.Submitted, registration.State);
    }
}
