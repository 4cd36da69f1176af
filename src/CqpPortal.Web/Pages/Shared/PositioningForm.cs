using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Training;

namespace CqpPortal.Web.Pages.Shared;

/// <summary>One competence's level and comment as typed in a positioning form (company or centre).</summary>
public sealed class MarkForm
{
    public PositioningLevel? Level { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Positioning forms: the marks by competence id, to and from the service's records.</summary>
public static class PositioningForm
{
    public static IReadOnlyDictionary<int, MarkInput> ToInput(Dictionary<int, MarkForm> marks) =>
        marks.ToDictionary(m => m.Key, m => new MarkInput(m.Value.Level, m.Value.Comment));

    /// <summary>The marks a side already holds, to fill the form on first display.</summary>
    public static Dictionary<int, MarkForm> From(PositioningsView view, PositioningSide side) =>
        view.Units.SelectMany(u => u.Competences)
            .Select(c => (c.Id, Level: side == PositioningSide.Company ? c.Company : c.Centre))
            .Where(c => c.Level is not null)
            .ToDictionary(c => c.Id, c => new MarkForm { Level = c.Level!.Level, Comment = c.Level.Comment });

    /// <summary>The short labels of the radio buttons, from most to least mastered.</summary>
    public static readonly IReadOnlyList<(PositioningLevel Level, string Label)> Choices =
        [(PositioningLevel.Mastered, "Maîtrisée"), (PositioningLevel.Partly, "Partiellement"), (PositioningLevel.NotYet, "Pas encore")];
}

/// <summary>The model of <c>_MarkFields</c>: one competence's radio buttons and comment, named <c>{Prefix}[{CompetenceId}].Level</c>.</summary>
public sealed record MarkFields(string Prefix, int CompetenceId, string Code, MarkForm? Typed);

/// <summary>The model of <c>_TrainingPath</c>: one version, who signs, and the certification's minimum hours.</summary>
public sealed record TrainingPathPartial(PathVersionView Path, IReadOnlyList<Domain.Training.PathSigner> Required, int? MinimumHours);
