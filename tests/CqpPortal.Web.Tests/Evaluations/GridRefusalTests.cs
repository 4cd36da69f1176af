using System.Net;
using CqpPortal.Testing;
using static CqpPortal.Web.Tests.Evaluations.GridBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>Bad input on a grid: refused in French, nothing saved, what was typed still on the page.</summary>
[Collection(PortalCollection.Name)]
public class GridRefusalTests(DemoPortal portal)
{
    [Fact]
    public async Task A_competence_not_acquired_without_an_observation_is_refused_and_nothing_is_saved()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        var fields = Merge([Mark(f.Code("C.1.1"), true, "Très bon accueil"), Mark(f.Code("C.1.2"), false)]);
        var response = await PostAsync(evaluator, f, "Save", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("C.1.2 : une observation est obligatoire quand la compétence est « non acquise ».", await ErrorOf(response));
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Très bon accueil", page.QuerySelector($"#c{f.Code("C.1.1").Id}-obs")!.TextContent);
        Assert.True(page.QuerySelector($"#c{f.Code("C.1.2").Id}-no")!.HasAttribute("checked"));
        Assert.All((await GridsAsync(portal, f.EnrolmentId)).Single().Entries, e => Assert.Null(e.Acquired));
    }

    [Fact]
    public async Task A_competence_outside_the_grid_is_refused()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        var fields = Merge([Mark(f.Code("C.1.1"), true), new() { ["Input.Entries[999999].Acquired"] = "true" }]);
        var response = await PostAsync(evaluator, f, "Save", fields);
        Assert.Contains("ne fait pas partie des unités évaluées", await ErrorOf(response));
        Assert.All((await GridsAsync(portal, f.EnrolmentId)).Single().Entries, e => Assert.Null(e.Acquired));
    }

    [Fact]
    public async Task The_co_evaluator_cannot_mark_and_the_evaluator_cannot_confirm()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        var c = f.Code("C.1.1");

        var marked = await PostAsync(coEvaluator, f, "Save", Mark(c, true));
        Assert.Contains("Seul l'évaluateur de la session note les compétences", await ErrorOf(marked));
        Assert.Null((await GridsAsync(portal, f.EnrolmentId)).Single().Entries.Single(e => e.CompetenceId == c.Id).Acquired);

        await PostAsync(evaluator, f, "Save", Mark(c, true));
        var confirmed = await PostAsync(evaluator, f, "Save", Respond(c, true));
        Assert.Contains("Seul le co-évaluateur de la session confirme", await ErrorOf(confirmed));
        Assert.Null((await GridsAsync(portal, f.EnrolmentId)).Single().Entries.Single(e => e.CompetenceId == c.Id).CoEvaluatorAgrees);
    }

    [Fact]
    public async Task A_disagreement_without_an_observation_is_refused()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        var c = f.Code("C.1.1");
        await PostAsync(evaluator, f, "Save", Mark(c, true));
        var response = await PostAsync(coEvaluator, f, "Save", Respond(c, false));
        Assert.Contains("C.1.1 : expliquez votre désaccord", await ErrorOf(response));
        Assert.Null((await GridsAsync(portal, f.EnrolmentId)).Single().Entries.Single(e => e.CompetenceId == c.Id).CoEvaluatorAgrees);
    }

    [Fact]
    public async Task Any_edit_after_locking_is_refused()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        await PostAsync(evaluator, f, "Save", Merge(f.Competences.Select(c => Mark(c, true))));
        await PostAsync(coEvaluator, f, "Save", Merge(f.Competences.Select(c => Respond(c, true))));
        await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>());
        await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>());
        Assert.True((await GridsAsync(portal, f.EnrolmentId)).Single().IsLocked);

        var c = f.Code("C.1.1");
        var response = await PostAsync(evaluator, f, "Save", Mark(c, false, "Finalement non"));
        Assert.Contains("elle ne peut plus être modifiée", await ErrorOf(response));
        var autosave = await PostAsync(coEvaluator, f, "Autosave", Respond(c, false, "Non"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, autosave.StatusCode);
        var grid = (await GridsAsync(portal, f.EnrolmentId)).Single();
        Assert.True(grid.Entries.Single(e => e.CompetenceId == c.Id).Acquired);
        Assert.True(grid.Entries.Single(e => e.CompetenceId == c.Id).CoEvaluatorAgrees);
        Assert.Null(grid.Entries.Single(e => e.CompetenceId == c.Id).Observation);
    }
}
