using CqpPortal.Domain.Publishing;

namespace CqpPortal.Domain.Tests.Publishing;

public class LineDiffTests
{
    [Fact]
    public void A_changed_line_shows_as_the_old_line_removed_and_the_new_one_added_between_kept_lines()
    {
        var diff = LineDiff.Compare("# Titre\nAncien texte\nFin\n", "# Titre\r\nNouveau texte\r\nFin");
        Assert.Equal(
            [new(DiffKind.Same, "# Titre"), new(DiffKind.Removed, "Ancien texte"), new(DiffKind.Added, "Nouveau texte"), new(DiffKind.Same, "Fin")],
            diff);
    }

    [Fact]
    public void Lines_added_at_the_end_are_only_additions()
    {
        var diff = LineDiff.Compare("a\nb", "a\nb\n\nc");
        Assert.Equal([DiffKind.Same, DiffKind.Same, DiffKind.Added, DiffKind.Added], diff.Select(l => l.Kind));
    }

    [Fact]
    public void Identical_texts_have_no_change()
    {
        Assert.All(LineDiff.Compare("a\nb\nc", "a\nb\nc"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }
}
