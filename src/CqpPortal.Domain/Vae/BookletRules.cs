namespace CqpPortal.Domain.Vae;

/// <summary>A job line of booklet 1 as the candidate typed it: any field may be missing.</summary>
public sealed record JobLine(
    string? Employer, string? JobTitle, DateOnly? From, DateOnly? To, int? FullTimeShare, int? PhoneTimeShare, VaeJobKind? Kind, string? MainActivities)
{
    /// <summary>A line left empty is ignored (the page always offers one more).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Employer) && string.IsNullOrWhiteSpace(JobTitle) && From is null && To is null
        && string.IsNullOrWhiteSpace(MainActivities);
}

/// <summary>One refusal on a job line: its index (from 0, among the lines checked), the field (the property's name) and why.</summary>
public sealed record JobLineProblem(int Line, string Field, string Message);

/// <summary>An activity of the referential and whether booklet 2 describes it (a situation with its context and what was done).</summary>
public sealed record ActivityCoverage(string Code, string Title, bool Described);

/// <summary>
/// The rules of the two VAE booklets: what a job line of booklet 1 must hold, what stops each booklet from being sent,
/// and what a staff decision must carry. Every answer is in French, for the candidate or staff.
/// </summary>
public static class BookletRules
{
    public const int MaxNameLength = 200;
    public const int MaxActivitiesLength = 4000;

    /// <summary>
    /// The problems of booklet 1's job lines, line by line and field by field (in the order of the form, so that the
    /// first message of a field is the one shown beside it). Blank lines are the caller's to drop first.
    /// </summary>
    public static IReadOnlyList<JobLineProblem> CheckJobs(IReadOnlyList<JobLine> lines, DateOnly today)
    {
        var problems = new List<JobLineProblem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = i;
            var job = lines[i];
            void Problem(string field, string message) => problems.Add(new JobLineProblem(line, field, message));

            if (string.IsNullOrWhiteSpace(job.Employer)) Problem(nameof(JobLine.Employer), "Indiquez l'employeur ou l'organisme.");
            if (job.Employer?.Length > MaxNameLength) Problem(nameof(JobLine.Employer), $"{MaxNameLength} caractères au plus.");
            if (string.IsNullOrWhiteSpace(job.JobTitle)) Problem(nameof(JobLine.JobTitle), "Indiquez l'intitulé du poste.");
            if (job.JobTitle?.Length > MaxNameLength) Problem(nameof(JobLine.JobTitle), $"{MaxNameLength} caractères au plus.");
            if (job.From is not { } from) Problem(nameof(JobLine.From), "Indiquez la date de début.");
            else if (from.Year < 1950) Problem(nameof(JobLine.From), "Vérifiez l'année de début.");
            if (job.To is not { } to) Problem(nameof(JobLine.To), "Indiquez la date de fin (aujourd'hui pour un emploi en cours).");
            else
            {
                if (job.From is { } start && to < start) Problem(nameof(JobLine.To), "La date de fin doit suivre la date de début.");
                if (to > today) Problem(nameof(JobLine.To), "La date de fin ne peut pas être dans le futur : indiquez aujourd'hui pour un emploi en cours.");
            }
            if (job.FullTimeShare is not { } fullTime) Problem(nameof(JobLine.FullTimeShare), "Indiquez la quotité de temps de travail.");
            else if (fullTime is < 1 or > 100) Problem(nameof(JobLine.FullTimeShare), "La quotité est comprise entre 1 et 100 %.");
            if (job.PhoneTimeShare is not { } phone) Problem(nameof(JobLine.PhoneTimeShare), "Indiquez la part du temps passée au téléphone.");
            else if (phone is < 0 or > 100) Problem(nameof(JobLine.PhoneTimeShare), "La part du temps au téléphone est comprise entre 0 et 100 %.");
            if (job.Kind is not { } kind || !Enum.IsDefined(kind)) Problem(nameof(JobLine.Kind), "Choisissez le type d'emploi.");
            if (job.MainActivities?.Length > MaxActivitiesLength) Problem(nameof(JobLine.MainActivities), $"{MaxActivitiesLength} caractères au plus.");
        }
        return problems;
    }

    /// <summary>What stops booklet 1 from being sent (empty when it can be).</summary>
    public static IReadOnlyList<string> AdmissibilityProblems(int jobs, bool sworn, int documents)
    {
        var problems = new List<string>();
        if (jobs == 0) problems.Add("Déclarez au moins un emploi ou une activité bénévole.");
        if (!sworn) problems.Add("Cochez la déclaration sur l'honneur.");
        if (documents == 0) problems.Add("Joignez au moins un justificatif (attestation d'employeur, bulletin de salaire ou contrat…).");
        return problems;
    }

    /// <summary>What stops booklet 2 from being sent: every activity of the referential needs a described situation.</summary>
    public static IReadOnlyList<string> ExperienceProblems(IEnumerable<ActivityCoverage> activities) =>
        activities.Where(a => !a.Described)
            .Select(a => $"Activité {a.Code} ({a.Title}) : décrivez au moins une situation (contexte et ce que vous avez fait).").ToList();

    /// <summary>A situation of booklet 2 counts once it says its context and what the candidate did.</summary>
    public static bool IsDescribed(string? context, string? actions) => !string.IsNullOrWhiteSpace(context) && !string.IsNullOrWhiteSpace(actions);

    /// <summary>
    /// What a staff decision on a sent booklet lacks, by field of the form (<c>Decision</c>, <c>Motive</c>,
    /// <c>MissingItems</c>): a refusal of booklet 1 is motivated, a return as incomplete names what is missing, and
    /// booklet 2 is accepted or returned, never declared « non recevable ».
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> DecisionProblems(BookletKind kind, BookletState? decision, string? motive, IReadOnlyList<string> missingItems)
    {
        var problems = new List<(string, string)>();
        if (decision is null) problems.Add(("Decision", "Choisissez une décision."));
        if (decision == BookletState.NotAdmissible && kind == BookletKind.Admissibility && string.IsNullOrWhiteSpace(motive))
            problems.Add(("Motive", "Une décision de non-recevabilité doit être motivée : indiquez le motif."));
        if (decision == BookletState.Incomplete && missingItems.All(string.IsNullOrWhiteSpace))
            problems.Add(("MissingItems", "Indiquez au moins un élément à compléter, un par ligne."));
        if (decision is not (null or BookletState.Admissible or BookletState.Incomplete) && !(decision == BookletState.NotAdmissible && kind == BookletKind.Admissibility))
            problems.Add(("Decision", "Choisissez une décision."));
        return problems;
    }
}
