using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests;

public class JourneyTimelineTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static JourneyFacts Facts(RegistrationState state, CertificationRoute route = CertificationRoute.Training, DateOnly? evaluation = null,
        DateOnly? jury = null, JuryResult? result = null) =>
        new(route, state, new DateOnly(2026, 1, 10), state is RegistrationState.Submitted or RegistrationState.Draft ? null : new DateOnly(2026, 1, 20), evaluation, jury, result);

    private static StepStatus[] Statuses(JourneyFacts facts) => JourneyTimeline.Build(facts, Today).Steps.Select(s => s.Status).ToArray();

    [Fact]
    public void A_submitted_file_waits_for_the_admissibility_decision()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Submitted), Today);
        Assert.Equal([StepStatus.Done, StepStatus.Current, StepStatus.Upcoming, StepStatus.Upcoming, StepStatus.Upcoming, StepStatus.Upcoming], steps.Select(s => s.Status));
        Assert.Contains("en cours d'examen", next);
    }

    [Fact]
    public void An_admissible_trainee_is_in_training_until_the_evaluation_day()
    {
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Current, StepStatus.Upcoming, StepStatus.Upcoming, StepStatus.Upcoming],
            Statuses(Facts(RegistrationState.Admissible)));
        var (planned, _) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today.AddDays(10)), Today);
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Current, StepStatus.Upcoming, StepStatus.Upcoming, StepStatus.Upcoming], planned.Select(s => s.Status));
        Assert.Equal(JourneyTimeline.ConvocationSent, planned[3].Detail);
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today), Today);
        Assert.Equal(StepStatus.Done, steps[2].Status);
        Assert.Equal(StepStatus.Current, steps[3].Status);
        Assert.Equal(JourneyTimeline.ConvocationSent, steps[3].Detail);
        Assert.Contains("Présentez-vous à l'évaluation", next);
    }

    [Fact]
    public void The_day_after_the_evaluation_the_candidate_waits_for_the_jury()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today.AddDays(-1)), Today);
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Current, StepStatus.Upcoming], steps.Select(s => s.Status));
        Assert.Contains("convoquera au jury", next);
    }

    [Fact]
    public void A_total_validation_makes_a_holder()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today.AddDays(-40), jury: Today.AddDays(-10), result: JuryResult.TotalValidation), Today);
        Assert.All(steps, s => Assert.Equal(StepStatus.Done, s.Status));
        Assert.Equal("Titulaire du CQP", steps[^1].Detail);
        Assert.Contains("questionnaire de suivi", next);
    }

    [Fact]
    public void A_partial_validation_leaves_the_certification_current()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today.AddDays(-40), jury: Today.AddDays(-10), result: JuryResult.PartialValidation), Today);
        Assert.Equal(StepStatus.Current, steps[^1].Status);
        Assert.Contains("unités restant à valider", next);
    }

    [Fact]
    public void An_absence_at_the_jury_is_no_failure_the_jury_step_stays_to_do()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, evaluation: Today.AddDays(-40), jury: Today.AddDays(-10), result: JuryResult.Absent), Today);
        Assert.Equal(StepStatus.Current, steps[^2].Status);
        Assert.Equal("Absent(e) au jury", steps[^2].Detail);
        Assert.Equal(StepStatus.Upcoming, steps[^1].Status);
        Assert.Contains("prochain jury", next);
    }

    [Fact]
    public void A_refused_file_stops_at_admissibility()
    {
        var statuses = Statuses(Facts(RegistrationState.NotAdmissible));
        Assert.Equal(StepStatus.Stopped, statuses[1]);
        Assert.All(statuses[2..], s => Assert.Equal(StepStatus.Upcoming, s));
    }

    [Fact]
    public void A_journey_abandoned_after_admissibility_stops_where_it_was_with_the_day()
    {
        var closedOn = Today.AddDays(-3);
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Withdrawn) with { WasAdmissible = true, ClosedOn = closedOn }, Today);
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Stopped, StepStatus.Upcoming, StepStatus.Upcoming, StepStatus.Upcoming], steps.Select(s => s.Status));
        Assert.Equal("Parcours abandonné", steps[2].Detail);
        Assert.Equal(closedOn, steps[2].On);
        Assert.Contains("nouvelle inscription", next);
    }

    [Fact]
    public void A_file_abandoned_before_the_decision_stops_at_admissibility()
    {
        var statuses = Statuses(Facts(RegistrationState.Withdrawn));
        Assert.Equal(StepStatus.Stopped, statuses[1]);
    }

    [Fact]
    public void An_expired_journey_keeps_its_jury_result_and_stops_with_the_deadline_passed()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Expired, evaluation: Today.AddMonths(-8), jury: Today.AddMonths(-6), result: JuryResult.PartialValidation)
            with { WasAdmissible = true, ClosedOn = Today }, Today);
        Assert.Equal(StepStatus.Done, steps[4].Status);
        Assert.Equal(StepStatus.Stopped, steps[5].Status);
        Assert.Equal("Délai dépassé", steps[5].Detail);
        Assert.Contains("unités acquises restent enregistrées", next);
    }

    [Fact]
    public void Exactly_one_step_is_current_until_the_journey_ends()
    {
        foreach (var state in new[] { RegistrationState.Draft, RegistrationState.Submitted, RegistrationState.Incomplete, RegistrationState.Admissible })
            Assert.Single(Statuses(Facts(state)), s => s == StepStatus.Current);
    }

    [Fact]
    public void The_vae_route_names_its_own_steps()
    {
        var (steps, next) = JourneyTimeline.Build(Facts(RegistrationState.Admissible, CertificationRoute.Vae), Today);
        Assert.Equal("Livret 2 de VAE", steps[2].Title);
        Assert.Equal("Mise en situation professionnelle", steps[3].Title);
        Assert.Contains("livret 2", next);
    }
}
