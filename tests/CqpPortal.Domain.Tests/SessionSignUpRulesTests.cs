using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests;

public class SessionSignUpRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static SignUpRequest Request(RegistrationState state = RegistrationState.Admissible, CertificationRoute route = CertificationRoute.Training,
        SessionKind kind = SessionKind.Evaluation, bool cancelled = false, int daysAhead = 30, int deadlineIn = 9, int capacity = 12, int enrolled = 3, bool already = false) =>
        new(state, route, kind, cancelled, Now.AddDays(daysAhead), Today.AddDays(deadlineIn), capacity, enrolled, already);

    [Fact]
    public void An_admissible_trainee_gets_a_seat_while_there_is_one()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(enrolled: 11), Today, Now).Outcome);
    }

    [Fact]
    public void A_full_session_puts_the_candidate_on_the_waiting_list()
    {
        Assert.Equal(SignUpOutcome.WaitingList, SessionSignUpRules.Decide(Request(enrolled: 12), Today, Now).Outcome);
    }

    [Theory]
    [InlineData(RegistrationState.Submitted)]
    [InlineData(RegistrationState.Incomplete)]
    [InlineData(RegistrationState.NotAdmissible)]
    public void Only_admissible_candidates_may_sign_up(RegistrationState state)
    {
        var decision = SessionSignUpRules.Decide(Request(state), Today, Now);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("recevable", decision.Reason);
    }

    [Fact]
    public void The_deadline_day_is_still_open_and_the_day_after_is_not()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(deadlineIn: 0), Today, Now).Outcome);
        Assert.Contains("date limite", SessionSignUpRules.Decide(Request(deadlineIn: -1), Today, Now).Reason);
    }

    [Fact]
    public void Vae_candidates_go_to_vae_situations_and_nobody_signs_up_for_a_jury()
    {
        Assert.Equal(SignUpOutcome.Refused, SessionSignUpRules.Decide(Request(route: CertificationRoute.Vae), Today, Now).Outcome);
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(route: CertificationRoute.Vae, kind: SessionKind.VaeSituation) with { AdmissibilityBookletAccepted = true }, Today, Now).Outcome);
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(route: CertificationRoute.Free), Today, Now).Outcome);
        Assert.Contains("convoqués au jury", SessionSignUpRules.Decide(Request(kind: SessionKind.Jury), Today, Now).Reason);
    }

    [Fact]
    public void A_trainee_never_signs_up_for_a_training_session_since_the_organisation_enrols_them()
    {
        var decision = SessionSignUpRules.Decide(Request(kind: SessionKind.Training), Today, Now);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Equal("Les stagiaires sont inscrits aux sessions de formation par l'organisme de formation.", decision.Reason);
    }

    [Fact]
    public void Cancelled_started_or_already_taken_sessions_are_refused()
    {
        Assert.Contains("annulée", SessionSignUpRules.Decide(Request(cancelled: true), Today, Now).Reason);
        Assert.Contains("déjà commencé", SessionSignUpRules.Decide(Request(daysAhead: 0), Today, Now).Reason);
        Assert.Contains("déjà inscrit", SessionSignUpRules.Decide(Request(already: true), Today, Now).Reason);
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(14, 14)]
    [InlineData(13, null)]
    [InlineData(2, 2)]
    [InlineData(1, null)]
    [InlineData(0, null)]
    public void Reminders_go_fourteen_and_two_days_before(int daysAhead, int? expected) =>
        Assert.Equal(expected, SessionReminderSchedule.DueToday(Today.AddDays(daysAhead), Today));
}

public class SessionSignUpRulesAfterAPartialValidationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static SignUpRequest Request(DateOnly admissibleOn, int daysAhead = 30, bool certified = false, bool anotherSeat = false) =>
        new(RegistrationState.Admissible, CertificationRoute.Training, SessionKind.Evaluation, false, Now.AddDays(daysAhead), Today.AddDays(20), 12, 3, false,
            Journey.JourneyDeadline.From(admissibleOn), certified, anotherSeat);

    [Fact]
    public void A_session_within_the_two_years_of_the_journey_is_open()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(new DateOnly(2025, 1, 10)), Today, Now).Outcome);
    }

    [Fact]
    public void A_session_after_the_end_of_the_journey_is_refused_with_the_deadline()
    {
        // Admissible on 2024-12-01: the journey ends on 2026-12-01; the session is on 2026-12-22.
        var decision = SessionSignUpRules.Decide(Request(new DateOnly(2024, 12, 1)), Today, Now);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("01/12/2026", decision.Reason);
    }

    [Fact]
    public void A_session_on_the_last_day_of_the_journey_is_still_open()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SessionSignUpRules.Decide(Request(new DateOnly(2024, 12, 22)), Today, Now).Outcome);
    }

    [Fact]
    public void A_holder_has_nothing_left_to_pass()
    {
        var decision = SessionSignUpRules.Decide(Request(new DateOnly(2026, 1, 10), certified: true), Today, Now);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("déjà obtenu", decision.Reason);
    }

    [Fact]
    public void A_candidate_holds_one_coming_evaluation_seat_at_a_time()
    {
        var decision = SessionSignUpRules.Decide(Request(new DateOnly(2026, 1, 10), anotherSeat: true), Today, Now);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("autre évaluation à venir", decision.Reason);
    }
}

public class SessionSignUpRulesOfTheJourneyTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static SignUpRequest Request(RegistrationState state = RegistrationState.Admissible, CertificationRoute route = CertificationRoute.Training,
        DateOnly? admissibleOn = null, bool seat = false, bool waiting = false, bool booklet1 = false, int enrolled = 3) =>
        new(state, route, SessionSignUpRules.KindFor(route), false, Now.AddDays(30), Today.AddDays(20), 12, enrolled, false,
            Journey.JourneyDeadline.From(admissibleOn ?? new DateOnly(2026, 1, 10)), false, seat, waiting, booklet1);

    private static SignUpDecision Decide(SignUpRequest request) => SessionSignUpRules.Decide(request, Today, Now);

    [Fact]
    public void A_candidate_on_a_waiting_list_cannot_queue_for_another_coming_session()
    {
        var decision = Decide(Request(waiting: true, enrolled: 12));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("liste d'attente d'une autre session", decision.Reason);
    }

    [Fact]
    public void A_candidate_on_a_waiting_list_cannot_take_a_seat_elsewhere_either()
    {
        Assert.Equal(SignUpOutcome.Refused, Decide(Request(waiting: true)).Outcome);
    }

    [Fact]
    public void A_candidate_holding_a_seat_cannot_join_another_waiting_list()
    {
        var decision = Decide(Request(seat: true, enrolled: 12));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("autre évaluation à venir", decision.Reason);
    }

    [Fact]
    public void A_vae_candidate_signs_up_for_a_situation_only_once_booklet_1_is_admissible()
    {
        var refused = Decide(Request(route: CertificationRoute.Vae));
        Assert.Equal(SignUpOutcome.Refused, refused.Outcome);
        Assert.Contains("livret 1", refused.Reason);
        Assert.Equal(SignUpOutcome.Enrolled, Decide(Request(route: CertificationRoute.Vae, booklet1: true)).Outcome);
    }

    [Fact]
    public void Booklet_1_concerns_vae_candidates_only()
    {
        Assert.Equal(SignUpOutcome.Enrolled, Decide(Request(route: CertificationRoute.Free)).Outcome);
    }

    [Fact]
    public void A_withdrawn_journey_is_refused_with_how_to_start_again()
    {
        var decision = Decide(Request(RegistrationState.Withdrawn));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("abandon", decision.Reason);
        Assert.Contains("nouvelle inscription", decision.Reason);
    }

    [Fact]
    public void An_expired_journey_is_refused_and_says_acquired_units_stay()
    {
        var decision = Decide(Request(RegistrationState.Expired));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("délai est dépassé", decision.Reason);
        Assert.Contains("unités acquises", decision.Reason);
        Assert.Contains("nouvelle inscription", decision.Reason);
    }

    [Fact]
    public void Past_the_deadline_nobody_signs_up_even_before_the_job_closes_the_journey()
    {
        // Admissible on 2024-11-21: the journey ended on 2026-11-21, yesterday.
        var decision = Decide(Request(admissibleOn: new DateOnly(2024, 11, 21)));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("21/11/2026", decision.Reason);
    }

    [Fact]
    public void A_partially_validated_candidate_signs_up_within_the_deadline_only()
    {
        Assert.Equal(SignUpOutcome.Enrolled, Decide(Request(admissibleOn: new DateOnly(2025, 2, 1))).Outcome);
        Assert.Equal(SignUpOutcome.Refused, Decide(Request(admissibleOn: new DateOnly(2024, 12, 1))).Outcome); // the session is after 2026-12-01
    }
}

public class SignUpOutlookTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static SignUpCandidate Candidate(RegistrationState state = RegistrationState.Admissible, CertificationRoute route = CertificationRoute.Training,
        bool seat = false, bool booklet1 = false) =>
        new(state, route, Journey.JourneyDeadline.From(new DateOnly(2026, 1, 10)), false, seat, false, booklet1);

    private static SignUpSession Session(int daysAhead, int enrolled = 0, SessionKind kind = SessionKind.Evaluation) =>
        new(kind, false, Now.AddDays(daysAhead), Today.AddDays(daysAhead - 7), 10, enrolled, false);

    [Fact]
    public void Staff_see_that_a_candidate_can_sign_up_and_for_which_session()
    {
        var outlook = SessionSignUpRules.Outlook(Candidate(), [Session(40), Session(20)], Today, Now);
        Assert.True(outlook.Possible);
        Assert.Contains("12/12/2026", outlook.Reason);
    }

    [Fact]
    public void Staff_see_the_candidates_blocking_condition_first()
    {
        var outlook = SessionSignUpRules.Outlook(Candidate(route: CertificationRoute.Vae), [Session(20, kind: SessionKind.VaeSituation)], Today, Now);
        Assert.False(outlook.Possible);
        Assert.Contains("livret 1", outlook.Reason);
        Assert.Contains("autre évaluation", SessionSignUpRules.Outlook(Candidate(seat: true), [Session(20)], Today, Now).Reason);
    }

    [Fact]
    public void With_no_coming_session_staff_are_told_so()
    {
        var outlook = SessionSignUpRules.Outlook(Candidate(), [Session(20, kind: SessionKind.Jury)], Today, Now);
        Assert.False(outlook.Possible);
        Assert.Contains("aucune session", outlook.Reason);
    }

    [Fact]
    public void When_every_session_refuses_staff_get_the_sessions_reason()
    {
        var outlook = SessionSignUpRules.Outlook(Candidate(), [Session(5)], Today, Now); // its registration deadline passed two days ago
        Assert.False(outlook.Possible);
        Assert.Contains("date limite", outlook.Reason);
    }
}
