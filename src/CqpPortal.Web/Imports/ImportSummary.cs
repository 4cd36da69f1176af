using CqpPortal.Domain.Records;

namespace CqpPortal.Web.Imports;

/// <summary>
/// What an import did, line by line: created (a new candidate, registration, jury or answer), updated (a recorded value
/// changed) or unchanged. With errors, nothing was written. Only the first issues are kept for the page and the console
/// (<see cref="ImportLimits.MaxIssuesListed"/>); the counts say how many there were.
/// </summary>
public sealed record ImportSummary
{
    public ImportSummary(int created, int updated, int unchanged, IReadOnlyList<RecordIssue> errors, IReadOnlyList<RecordIssue> warnings)
    {
        (Created, Updated, Unchanged) = (created, updated, unchanged);
        (ErrorCount, WarningCount) = (errors.Count, warnings.Count);
        (Errors, Warnings) = (ImportLimits.Listed(errors), ImportLimits.Listed(warnings));
    }

    public int Created { get; }
    public int Updated { get; }
    public int Unchanged { get; }
    public int ErrorCount { get; }
    public int WarningCount { get; }

    /// <summary>The first errors, in file order.</summary>
    public IReadOnlyList<RecordIssue> Errors { get; }

    /// <summary>The first warnings, in file order.</summary>
    public IReadOnlyList<RecordIssue> Warnings { get; }

    public bool Succeeded => ErrorCount == 0;

    /// <summary>« (les 200 premières) » when some issues are not listed.</summary>
    public static string ListedNote(int count, int listed) => count > listed ? $" – les {listed} premières" : "";

    public static ImportSummary Refused(IReadOnlyList<RecordIssue> errors, IReadOnlyList<RecordIssue> warnings) => new(0, 0, 0, errors, warnings);

    public static ImportSummary Refused(string why) => new(0, 0, 0, [new RecordIssue(1, "Fichier", "", why)], []);

    public string Describe() => Succeeded
        ? $"{Created} ligne(s) créée(s), {Updated} mise(s) à jour, {Unchanged} inchangée(s)" + (WarningCount > 0 ? $", {WarningCount} avertissement(s)" : "") + "."
        : $"Fichier refusé, rien n'a été enregistré : {ErrorCount} erreur(s).";
}

/// <summary>Line by line tally of an import.</summary>
internal sealed class LineTally
{
    public int Created, Updated, Unchanged;

    public void Count(bool created, bool changed)
    {
        if (created) Created++;
        else if (changed) Updated++;
        else Unchanged++;
    }
}

/// <summary>Sets a value only when it differs, and remembers that something changed.</summary>
internal sealed class ChangeSet
{
    public bool Changed { get; set; }

    public void Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        Changed = true;
    }
}
