namespace CqpPortal.Domain.Training;

/// <summary>
/// The end-of-training certificate (« Attestation de fin de formation ») states the dates and hours of a training that
/// is over: it is given once the trainee followed at least one training session, has no coming one, and the last one has ended.
/// </summary>
public static class EndOfTrainingRules
{
    public static string? WhyNoCertificateYet(bool attendedAny, bool hasComingSession, DateTimeOffset? lastSessionEndsAt, DateTimeOffset now)
    {
        if (!attendedAny) return "L'attestation de fin de formation sera disponible après la formation : aucune présence n'est encore notée.";
        if (hasComingSession || lastSessionEndsAt is { } end && end > now)
            return "L'attestation de fin de formation sera disponible après la dernière session de formation prévue.";
        return null;
    }
}
