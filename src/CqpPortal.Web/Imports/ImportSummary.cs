using CqpPortal.Domain.Records;

namespace CqpPortal.Web.Imports;

/// <summary>
/// What an import did, line by line: created (a new candidate, registration, jury or answer), updated (a recorded value
/// changed) or unchanged. With errors, nothing was written.
/// </summary>
public sealed record ImportSummary(int Created, int Updated, int Unchanged, IReadOnlyList<RecordIssue> Errors, IReadOnlyList<RecordIssue> Warnings)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportSummary Refused(IReadOnlyList<RecordIssue> errors, IReadOnlyList<RecordIssue> warnings) => new(0, 0, 0, errors, warnings);

    public static ImportSummary Refused(string why) => new(0, 0, 0, [new RecordIssue(1, "Fichier", "", why)], []);

    public string Describe() => Succeeded
        ? $"{Created} ligne(s) créée(s), {Updated} mise(s) à jour, {Unchanged} inchangée(s)" + (Warnings.Count > 0 ? $", {Warnings.Count} avertissement(s)" : "") + "."
        : $"Fichier refusé, rien n'a été enregistré : {Errors.Count} erreur(s).";
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
