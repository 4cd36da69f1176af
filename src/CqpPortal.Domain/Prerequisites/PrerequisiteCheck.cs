using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Prerequisites;

/// <summary>What a person declares about their experience, as the registration form and the self-check ask it.</summary>
/// <param name="EducationLevel">0 (no diploma) or 3 to 8 on the current nomenclature.</param>
/// <param name="TeleSecretaryMonths">Continuous tele-secretary experience, full-time equivalent months.</param>
/// <param name="PhoneJobMonths">Months, full-time equivalent, in a job with time on the phone.</param>
/// <param name="PhoneTimeShare">Share of that job's working time spent on the phone, 0 to 100.</param>
public sealed record PrerequisiteInput(
    int EducationLevel,
    int TeleSecretaryMonths,
    int PhoneJobMonths,
    int PhoneTimeShare,
    PhoneJobKind? PhoneJobKind,
    CertificationRoute Route);

/// <summary>The answer: eligible or not, the rule met (in French), or what is missing (in French).</summary>
public sealed record PrerequisiteResult(bool Eligible, string? Rule, IReadOnlyList<string> Missing);

/// <summary>
/// Access conditions of the accord, article 3, with the certification's thresholds (data, inclusive):
/// « soit justifier, en équivalent temps plein, d'une expérience professionnelle continue en télésecrétariat de 1 an ou de
/// 6 mois […] si la personne est titulaire d'un titre ou diplôme de niveau IV ; soit justifier […] d'une expérience
/// professionnelle de 2 ans, ou de 1 an […] de niveau IV, dans un emploi comportant au minimum 50 % du temps de travail
/// passé au téléphone exercé au sein d'un poste de standard téléphonique, de relation client de centre d'appels en appels
/// entrants, de centrale de réservation téléphonique. » VAE also asks 3 years of experience related to the CQP.
/// </summary>
public sealed class PrerequisiteRules(PrerequisiteThresholds thresholds)
{
    private static readonly PhoneJobKind[] QualifyingKinds = [PhoneJobKind.Switchboard, PhoneJobKind.InboundCallCentre, PhoneJobKind.ReservationCentre];

    public PrerequisiteResult Check(PrerequisiteInput input)
    {
        var level4 = EducationLevels.AtLeastLevel4(input.EducationLevel);
        var teleNeeded = level4 ? thresholds.TeleSecretaryMonthsWithLevel4 : thresholds.TeleSecretaryMonths;
        var phoneNeeded = level4 ? thresholds.PhoneJobMonthsWithLevel4 : thresholds.PhoneJobMonths;
        var phoneJobQualifies = input.PhoneJobKind is { } kind && QualifyingKinds.Contains(kind) && input.PhoneTimeShare >= thresholds.PhoneJobMinimumPhoneShare;
        var qualifyingPhoneMonths = phoneJobQualifies ? input.PhoneJobMonths : 0;

        string? rule = null;
        if (input.TeleSecretaryMonths >= teleNeeded)
            rule = level4
                ? $"Article 3, première condition : au moins {teleNeeded} mois d'expérience continue en télésecrétariat avec un titre ou diplôme de niveau 4 ou plus."
                : $"Article 3, première condition : au moins {teleNeeded} mois d'expérience continue en télésecrétariat.";
        else if (qualifyingPhoneMonths >= phoneNeeded)
            rule = level4
                ? $"Article 3, seconde condition : au moins {phoneNeeded} mois dans un emploi au téléphone à {thresholds.PhoneJobMinimumPhoneShare} % du temps ou plus (standard, centre d'appels entrants ou centrale de réservation), avec un titre ou diplôme de niveau 4 ou plus."
                : $"Article 3, seconde condition : au moins {phoneNeeded} mois dans un emploi au téléphone à {thresholds.PhoneJobMinimumPhoneShare} % du temps ou plus (standard, centre d'appels entrants ou centrale de réservation).";

        var missing = new List<string>();
        if (rule is null)
        {
            missing.Add($"Expérience continue en télésecrétariat : {input.TeleSecretaryMonths} mois déclarés, {teleNeeded} mois demandés"
                + (level4 ? " (avec un diplôme de niveau 4 ou plus)." : $" ({thresholds.TeleSecretaryMonthsWithLevel4} avec un diplôme de niveau 4 ou plus)."));
            missing.Add(PhoneJobShortfall(input, phoneJobQualifies, phoneNeeded, level4));
        }

        var related = input.TeleSecretaryMonths + qualifyingPhoneMonths;
        if (input.Route == CertificationRoute.Vae && related < thresholds.VaeRelatedExperienceMonths)
            missing.Add($"VAE : {thresholds.VaeRelatedExperienceMonths} mois d'expérience en rapport avec le CQP sont demandés ; {related} mois retenus (télésecrétariat et emploi au téléphone qualifiant).");

        return missing.Count == 0
            ? new PrerequisiteResult(true, input.Route == CertificationRoute.Vae ? rule + $" VAE : au moins {thresholds.VaeRelatedExperienceMonths} mois d'expérience en rapport avec le CQP." : rule, [])
            : new PrerequisiteResult(false, null, missing);
    }

    private string PhoneJobShortfall(PrerequisiteInput input, bool qualifies, int needed, bool level4)
    {
        var levelNote = level4 ? " (avec un diplôme de niveau 4 ou plus)" : $" ({thresholds.PhoneJobMonthsWithLevel4} avec un diplôme de niveau 4 ou plus)";
        if (input.PhoneJobMonths == 0)
            return $"Ou emploi au téléphone : aucun mois déclaré ; {needed} mois demandés{levelNote}.";
        if (input.PhoneJobKind is not { } kind || !QualifyingKinds.Contains(kind))
            return "Ou emploi au téléphone : seuls comptent les postes de standard téléphonique, de centre d'appels entrants ou de centrale de réservation téléphonique.";
        if (!qualifies)
            return $"Ou emploi au téléphone : le temps passé au téléphone doit être d'au moins {thresholds.PhoneJobMinimumPhoneShare} % ({input.PhoneTimeShare} % déclarés).";
        return $"Ou emploi au téléphone : {input.PhoneJobMonths} mois déclarés, {needed} mois demandés{levelNote}.";
    }
}
