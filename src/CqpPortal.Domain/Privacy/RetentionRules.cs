using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Privacy;

/// <summary>Whether a person's data is past the periods of the privacy notice, from which day, and why (in French).</summary>
public sealed record RetentionVerdict(bool Due, DateOnly? DueOn, string Reason);

/// <summary>
/// The retention periods of the privacy notice applied to one person. Each file has its own end: a draft or no file,
/// 3 years after the last sign-in; a non-admissible, abandoned or expired file, 2 years after its decision or last
/// exchange (a sign-in counts as an exchange: someone still using the portal is still in touch); a file that reached
/// a jury, 5 years after the jury's last decision. The person is erased (through <see cref="ErasurePolicy"/>, which
/// keeps a holder's proof) once every file has ended, and never while one is in progress.
/// </summary>
public static class RetentionRules
{
    public static RetentionVerdict For(PersonFacts person, DateOnly today, RetentionPeriods periods)
    {
        if (ErasurePolicy.RefusalFor(person) is not null)
            return new(false, null, "Dossier en cours : rien n'est effacé tant que le parcours n'est pas terminé.");
        var closed = person.Files.Where(f => f.State != RegistrationState.Draft).ToList();
        DateOnly dueOn;
        string reason;
        if (closed.Count == 0)
        {
            dueOn = person.LastActivityOn.AddYears(periods.AccountWithoutFileYears);
            reason = $"Compte sans dossier en cours, sans connexion depuis le {Day(person.LastActivityOn)} ({periods.AccountWithoutFileYears} ans).";
        }
        else
        {
            var ends = closed.Select(f => EndOf(f, person.LastActivityOn, periods)).ToList();
            var last = ends.MaxBy(e => e.DueOn);
            (dueOn, reason) = (last.DueOn, last.Reason);
        }
        return dueOn <= today ? new(true, dueOn, reason) : new(false, dueOn, reason);
    }

    /// <summary>
    /// The day a holder's survey answers lose what still points at the person: 1 year after the 24-month survey's due day
    /// (null when there is none). The coded answers stay for the statistics.
    /// </summary>
    public static DateOnly? SurveyAnswersEnd(DateOnly? lastSurveyDueOn, RetentionPeriods periods) =>
        lastSurveyDueOn?.AddYears(periods.SurveyAnswersYearsAfterLastSurvey);

    private static (DateOnly DueOn, string Reason) EndOf(FileFacts file, DateOnly lastActivityOn, RetentionPeriods periods)
    {
        if (file.LastJuryOn is { } jury)
            return (jury.AddYears(periods.CertificationFileYears),
                $"Dossier de certification : décision du jury du {Day(jury)} ({periods.CertificationFileYears} ans)"
                + (file.IsHolder ? " ; la preuve de la certification est conservée." : "."));
        var last = file.LastExchangeOn > lastActivityOn ? file.LastExchangeOn : lastActivityOn;
        var what = file.State switch
        {
            RegistrationState.NotAdmissible => "Candidature non recevable",
            RegistrationState.Withdrawn => "Candidature abandonnée",
            _ => "Parcours clos sans jury",
        };
        return (last.AddYears(periods.ClosedApplicationYears), $"{what} : décision ou dernier échange le {Day(last)} ({periods.ClosedApplicationYears} ans).");
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
