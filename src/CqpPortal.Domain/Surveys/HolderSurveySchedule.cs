using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Surveys;

/// <summary>
/// Holders are surveyed 6 and 24 months after they are certified (cahier des charges,
/// « Recueil d'information et suivi des candidats »: « le suivi des titulaires à 6 mois et à 2 ans »).
/// </summary>
public static class HolderSurveySchedule
{
    public static readonly IReadOnlyList<SurveyWave> Waves = [SurveyWave.SixMonths, SurveyWave.TwentyFourMonths];

    public static DateOnly DueOn(DateOnly certifiedOn, SurveyWave wave) => certifiedOn.AddMonths((int)wave);

    /// <summary>The waves whose due date has come by <paramref name="today"/>.</summary>
    public static IEnumerable<SurveyWave> WavesDue(DateOnly certifiedOn, DateOnly today) =>
        Waves.Where(w => DueOn(certifiedOn, w) <= today);

    /// <summary>
    /// How long after its due date a wave is still worth sending: a holder certified years before the portal existed
    /// (or imported from the organisation's records) is not asked about a situation long gone.
    /// </summary>
    public const int InvitationWindowDays = 90;

    /// <summary>The waves to send on <paramref name="today"/>: due, and due less than <see cref="InvitationWindowDays"/> ago.</summary>
    public static IEnumerable<SurveyWave> WavesToInvite(DateOnly certifiedOn, DateOnly today) =>
        WavesDue(certifiedOn, today).Where(w => DueOn(certifiedOn, w) > today.AddDays(-InvitationWindowDays));

    /// <summary>
    /// The waves to open on <paramref name="today"/> for a registration that already has the surveys of
    /// <paramref name="existing"/>: none once the holder opted out of a survey (« no later wave »), else those due
    /// within the window and not opened yet.
    /// </summary>
    public static IEnumerable<SurveyWave> WavesToInvite(DateOnly certifiedOn, DateOnly today, IEnumerable<SurveyWave> existing, bool optedOut) =>
        optedOut ? [] : WavesToInvite(certifiedOn, today).Except(existing);
}
