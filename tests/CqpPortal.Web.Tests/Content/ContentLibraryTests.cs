using CqpPortal.Web.Content;

namespace CqpPortal.Web.Tests.Content;

public class ContentLibraryTests
{
    [Fact]
    public void Front_matter_gives_the_title_and_description_and_is_not_rendered()
    {
        var page = ContentLibrary.Render("essai", "---\ntitle: Le CQP\ndescription: \"Tout savoir\"\n---\n\nUn paragraphe.\n");
        Assert.Equal("Le CQP", page.Title);
        Assert.Equal("Tout savoir", page.Description);
        Assert.Equal("<p>Un paragraphe.</p>", page.Html.Trim());
    }

    [Fact]
    public void A_leading_level_one_heading_becomes_the_title_so_the_page_keeps_one_h1()
    {
        var page = ContentLibrary.Render("essai", "# Questions fréquentes\n\n## Qui ?\n\nTexte.\n");
        Assert.Equal("Questions fréquentes", page.Title);
        Assert.DoesNotContain("<h1", page.Html);
        Assert.Contains("<h2 id=\"qui\">Qui ?</h2>", page.Html);
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_never_as_markup()
    {
        var page = ContentLibrary.Render("essai", "Bonjour <script>alert(1)</script> <b>gras</b>\n");
        Assert.DoesNotContain("<script>", page.Html);
        Assert.DoesNotContain("<b>", page.Html);
        Assert.Contains("&lt;script&gt;", page.Html);
    }

    [Fact]
    public void A_table_stacks_on_a_phone_each_cell_named_by_its_column_header()
    {
        var page = ContentLibrary.Render("essai", "| Étape | Qui ? |\n| --- | --- |\n| Formation | candidat, **organisme** |\n");
        Assert.Contains("<table class=\"stack\">", page.Html);
        Assert.Contains("<td data-label=\"Étape\">Formation</td>", page.Html);
        Assert.Contains("<td data-label=\"Qui ?\">candidat, <strong>organisme</strong></td>", page.Html);
        Assert.DoesNotContain("<th data-label", page.Html);
    }

    [Theory]
    [InlineData("mentions-legales", true)]
    [InlineData("faq", true)]
    [InlineData("../secret", false)]
    [InlineData("Majuscules", false)]
    [InlineData("", false)]
    public void Only_plain_lowercase_slugs_are_looked_up(string slug, bool valid) => Assert.Equal(valid, ContentLibrary.IsValidSlug(slug));
}
