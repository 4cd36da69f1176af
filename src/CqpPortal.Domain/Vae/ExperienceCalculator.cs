using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Vae;

/// <summary>The kind of a job line of booklet 1: tele-secretary work, one of the phone jobs of article 3, or another job.</summary>
public enum VaeJobKind { TeleSecretary = 1, Switchboard = 2, InboundCallCentre = 3, ReservationCentre = 4, Other = 5 }

/// <summary>One job or voluntary activity as the candidate declares it (dates inclusive, shares in percent).</summary>
public sealed record ExperienceLine(DateOnly From, DateOnly To, int FullTimeShare, int PhoneTimeShare, VaeJobKind Kind);

/// <summary>How one line was counted, in French, so that staff and the candidate see why.</summary>
public sealed record LineAssessment(int Index, bool Related, string Reason);

/// <summary>Full-time-equivalent months: all experience, tele-secretary, qualifying phone jobs, and what the VAE rule counts.</summary>
public sealed record ExperienceSummary(int TotalMonths, int TeleSecretaryMonths, int QualifyingPhoneMonths, IReadOnlyList<LineAssessment> Lines)
{
    public int RelatedMonths => TeleSecretaryMonths + QualifyingPhoneMonths;
}

/// <summary>
/// Computes the experience of booklet 1 from its job lines, in full-time-equivalent months, day by day so that
/// overlapping periods are never counted twice: on any day at most one full-time is counted (tele-secretary first,
/// then qualifying phone jobs). A phone job is related to the CQP only if it is of a kind and a phone share that the
/// certification's thresholds accept (accord, article 3, path B) — the same thresholds as <see cref="PrerequisiteRules"/>.
/// </summary>
public sealed class ExperienceCalculator(PrerequisiteThresholds thresholds)
{
    /// <summary>Days in a month (365 / 12): a calendar year of work is twelve months, a leap year does not lose one.</summary>
    public const double DaysPerMonth = 365.0 / 12;

    private static readonly VaeJobKind[] PhoneKinds = [VaeJobKind.Switchboard, VaeJobKind.InboundCallCentre, VaeJobKind.ReservationCentre];

    public ExperienceSummary Compute(IReadOnlyList<ExperienceLine> lines)
    {
        var assessments = new List<LineAssessment>();
        var valid = new List<(ExperienceLine Line, bool Tele, bool Phone)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.To < line.From || line.FullTimeShare is <= 0 or > 100)
            {
                assessments.Add(new LineAssessment(i, false, "Non retenu : dates ou quotité de temps de travail incorrectes."));
                continue;
            }
            var isTele = line.Kind == VaeJobKind.TeleSecretary;
            var isPhone = PhoneKinds.Contains(line.Kind) && line.PhoneTimeShare >= thresholds.PhoneJobMinimumPhoneShare;
            valid.Add((line, isTele, isPhone));
            assessments.Add(new LineAssessment(i, isTele || isPhone,
                isTele ? "Retenu : télésecrétariat."
                : isPhone ? $"Retenu : emploi au téléphone qualifiant ({line.PhoneTimeShare} % du temps au téléphone)."
                : PhoneKinds.Contains(line.Kind) ? $"Non retenu pour la VAE : {line.PhoneTimeShare} % du temps au téléphone, {thresholds.PhoneJobMinimumPhoneShare} % au moins sont demandés."
                : "Non retenu pour la VAE : emploi sans rapport direct avec le CQP (compté dans l'expérience totale)."));
        }
        if (valid.Count == 0) return new ExperienceSummary(0, 0, 0, assessments);

        var first = valid.Min(v => v.Line.From);
        var last = valid.Max(v => v.Line.To);
        double total = 0, teleDays = 0, phoneDays = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            int all = 0, teleShare = 0, phoneShare = 0;
            foreach (var (line, isTele, isPhone) in valid)
            {
                if (day < line.From || day > line.To) continue;
                all += line.FullTimeShare;
                if (isTele) teleShare += line.FullTimeShare;
                else if (isPhone) phoneShare += line.FullTimeShare;
            }
            var dayTele = Math.Min(100, teleShare);
            total += Math.Min(100, all);
            teleDays += dayTele;
            phoneDays += Math.Min(100 - dayTele, phoneShare);
        }
        return new ExperienceSummary(Months(total), Months(teleDays), Months(phoneDays), assessments);
    }

    /// <summary>The input of the registration's rule engine, for the VAE check of booklet 1.</summary>
    public PrerequisiteInput ToPrerequisiteInput(ExperienceSummary summary, int educationLevel) =>
        new(educationLevel, summary.TeleSecretaryMonths, summary.QualifyingPhoneMonths,
            summary.QualifyingPhoneMonths > 0 ? thresholds.PhoneJobMinimumPhoneShare : 0,
            summary.QualifyingPhoneMonths > 0 ? PhoneJobKind.Switchboard : null, CertificationRoute.Vae);

    private static int Months(double percentDays) => (int)Math.Floor(percentDays / 100 / DaysPerMonth + 1e-6);
}
