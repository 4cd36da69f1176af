namespace CqpPortal.Domain.Prerequisites;

/// <summary>
/// The figures of a certification's prerequisites (for the CQP Télésecrétaire: accord, article 3). Stored with the
/// certification so that another certification brings its own thresholds without code.
/// </summary>
public sealed class PrerequisiteThresholds
{
    /// <summary>Continuous tele-secretary experience, full-time equivalent (path A).</summary>
    public int TeleSecretaryMonths { get; set; }
    public int TeleSecretaryMonthsWithLevel4 { get; set; }

    /// <summary>Experience in a job with a minimum share of phone time at a qualifying post (path B).</summary>
    public int PhoneJobMonths { get; set; }
    public int PhoneJobMonthsWithLevel4 { get; set; }
    public int PhoneJobMinimumPhoneShare { get; set; }

    /// <summary>VAE: experience related to the certification.</summary>
    public int VaeRelatedExperienceMonths { get; set; }

    /// <summary>The accord's wording, shown to candidates.</summary>
    public string Text { get; set; } = "";
}
