using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class TrainingHoursTests
{
    private static readonly PlannedUnit[] Path = [new(10, 1, "Accueil téléphonique", 35), new(20, 2, "Gestion des appels", 35)];

    [Fact]
    public void Hours_done_are_the_present_hours_of_each_units_sessions()
    {
        var hours = TrainingHours.Of(Path, [new(10, 3.5m), new(10, 7), new(20, 3)]);
        Assert.Equal([10.5m, 3m], hours.Units.Select(u => u.Done));
        Assert.Equal(70m, hours.Planned);
        Assert.Equal(13.5m, hours.Done);
        Assert.Equal(56.5m, hours.Remaining);
        Assert.False(hours.IsDone);
    }

    [Fact]
    public void The_path_is_done_at_exactly_the_planned_hours_of_every_unit()
    {
        var hours = TrainingHours.Of(Path, [new(10, 35), new(20, 35)]);
        Assert.True(hours.IsDone);
        Assert.Equal(0m, hours.Remaining);
        Assert.Equal("terminée", hours.TimelineDetail);
    }

    [Fact]
    public void Extra_hours_in_one_unit_do_not_make_up_for_another()
    {
        var hours = TrainingHours.Of(Path, [new(10, 50), new(20, 20)]);
        Assert.False(hours.IsDone);
        Assert.Equal(15m, hours.Remaining);
    }

    [Fact]
    public void Hours_at_a_unit_the_path_does_not_plan_are_not_counted()
    {
        Assert.Equal(0m, TrainingHours.Of(Path, [new(99, 7)]).Done);
    }

    [Fact]
    public void A_unit_with_no_hour_planned_is_done_from_the_start()
    {
        Assert.True(TrainingHours.Of([new PlannedUnit(10, 1, "Accueil", 0)], []).IsDone);
    }

    [Fact]
    public void The_timeline_shows_the_training_in_progress_with_its_hours_then_done()
    {
        var today = new DateOnly(2027, 3, 10);
        JourneyFacts Facts(PathHours hours) => new(CertificationRoute.Training, RegistrationState.Admissible, today.AddMonths(-3), today.AddMonths(-2), null, null, null, Training: hours);
        var inProgress = JourneyTimeline.Build(Facts(TrainingHours.Of(Path, [new(10, 10.5m)])), today).Steps[2];
        Assert.Equal(("Formation", StepStatus.Current, "en cours (10,5 h sur 70 h)"), (inProgress.Title, inProgress.Status, inProgress.Detail));
        var done = JourneyTimeline.Build(Facts(TrainingHours.Of(Path, [new(10, 35), new(20, 35)])), today).Steps[2];
        Assert.Equal((StepStatus.Done, "terminée"), (done.Status, done.Detail));
    }
}

public class TrainingEvaluationGateTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static SignUpDecision SignUp(TrainingGate? training, CertificationRoute route = CertificationRoute.Training) =>
        SessionSignUpRules.Decide(new SignUpRequest(RegistrationState.Admissible, route, SessionSignUpRules.KindFor(route), false, Now.AddDays(30),
            Today.AddDays(20), 12, 3, false, Training: training), Today, Now);

    [Fact]
    public void A_trainee_with_hours_remaining_is_refused_and_told_how_many()
    {
        var decision = SignUp(new TrainingGate(12.5m));
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("il vous reste 12,5 h de formation", decision.Reason);
    }

    [Fact]
    public void A_trainee_whose_hours_are_done_may_sign_up()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SignUp(new TrainingGate(0)).Outcome);
    }

    [Fact]
    public void A_waiver_recorded_by_staff_lets_the_trainee_sign_up_before_the_hours_are_done()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SignUp(new TrainingGate(20, "Compétences déjà acquises en entreprise")).Outcome);
    }

    [Fact]
    public void A_trainee_without_any_path_in_the_portal_is_not_blocked()
    {
        Assert.Equal(SignUpOutcome.Enrolled, SignUp(null).Outcome);
    }

    [Fact]
    public void The_outlook_shown_to_staff_gives_the_hours_remaining()
    {
        var candidate = new SignUpCandidate(RegistrationState.Admissible, CertificationRoute.Training, null, false, false, false, false, new TrainingGate(7));
        var outlook = SessionSignUpRules.Outlook(candidate, [new SignUpSession(SessionKind.Evaluation, false, Now.AddDays(30), Today.AddDays(20), 12, 0, false)], Today, Now);
        Assert.False(outlook.Possible);
        Assert.Contains("7 h", outlook.Reason);
    }

    [Fact]
    public void The_outlook_says_when_the_hours_are_not_checked_because_the_path_is_on_paper()
    {
        var candidate = new SignUpCandidate(RegistrationState.Admissible, CertificationRoute.Training, null, false, false, false, false);
        var outlook = SessionSignUpRules.Outlook(candidate, [new SignUpSession(SessionKind.Evaluation, false, Now.AddDays(30), Today.AddDays(20), 12, 0, false)], Today, Now);
        Assert.True(outlook.Possible);
        Assert.Contains("parcours sur papier", outlook.Reason);
    }
}

public class EndOfTrainingRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_certificate_waits_for_the_last_session_to_end()
    {
        Assert.NotNull(EndOfTrainingRules.WhyNoCertificateYet(true, false, Now.AddMinutes(1), Now));
        Assert.Null(EndOfTrainingRules.WhyNoCertificateYet(true, false, Now, Now));
    }

    [Fact]
    public void A_coming_session_holds_the_certificate_back()
    {
        Assert.Contains("dernière session", EndOfTrainingRules.WhyNoCertificateYet(true, true, Now.AddDays(-3), Now));
    }

    [Fact]
    public void No_certificate_without_any_attendance()
    {
        Assert.NotNull(EndOfTrainingRules.WhyNoCertificateYet(false, false, null, Now));
    }
}
