namespace CqpPortal.Domain.Registrations;

/// <summary>
/// A paper registration form (« bulletin d'inscription » sent by post, which the cahier des charges still offers as a
/// PDF) entered by staff: the date written on the paper is the registration date, so it is required and cannot be in
/// the future.
/// </summary>
public static class PaperFormRules
{
    /// <summary>The refusal in French, or null when the date can be the registration date.</summary>
    public static string? CheckDate(DateOnly? paperDate, DateOnly today) => paperDate switch
    {
        null => "Saisissez la date du bulletin papier (elle devient la date d'inscription).",
        { } d when d > today => "La date du bulletin papier ne peut pas être dans le futur : vérifiez-la.",
        _ => null,
    };
}
