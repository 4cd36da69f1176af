using CqpPortal.Domain.Sessions;

namespace CqpPortal.Domain.Tests.Training;

/// <summary>What the trainee's hours page says of the evaluation gate: hours done, or a waiver that lets them through.</summary>
public class TrainingGateTests
{
    [Fact]
    public void The_hours_are_done_when_none_remain()
    {
        Assert.True(new TrainingGate(0).HoursDone);
        Assert.False(new TrainingGate(0.5m).HoursDone);
    }

    [Fact]
    public void A_waiver_lets_the_trainee_through_while_hours_remain()
    {
        Assert.True(new TrainingGate(14, "Compétences déjà acquises en entreprise").Waived);
    }

    [Fact]
    public void A_waiver_no_longer_matters_once_the_hours_are_done()
    {
        Assert.False(new TrainingGate(0, "Compétences déjà acquises en entreprise").Waived);
    }

    [Fact]
    public void An_empty_waiver_reason_is_no_waiver()
    {
        Assert.False(new TrainingGate(14, "").Waived);
        Assert.False(new TrainingGate(14).Waived);
    }
}
