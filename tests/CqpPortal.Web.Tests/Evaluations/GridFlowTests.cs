using System.Net;
using CqpPortal.Testing;
using static CqpPortal.Web.Tests.Evaluations.GridBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>The evaluator marks, the co-evaluator confirms, both sign; corrections and re-evaluation of the missing units.</summary>
[Collection(PortalCollection.Name)]
public class GridFlowTests(DemoPortal portal)
{
    /// <summary>Marks every competence of the grid (the first of unit 1 « non acquise ») and has the co-evaluator agree with each.</summary>
    private static async Task FillAndConfirmAsync(PortalClient evaluator, PortalClient coEvaluator, GridFixture f, IReadOnlyList<Competence> competences)
    {
        var marks = Merge(competences.Select((c, i) => i == 0 ? Mark(c, false, "Reformulation absente") : Mark(c, true)));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(evaluator, f, "Save", marks), f.Page));
        var responses = Merge(competences.Select(c => Respond(c, true)));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Save", responses), f.Page));
    }

    [Fact]
    public async Task Evaluators_fill_confirm_and_sign_a_grid_which_then_locks()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);

        var (response, page) = await evaluator.GetAsync(f.Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(f.CandidateName, page.Body!.TextContent);
        Assert.Contains("C.1.1", page.Body.TextContent);
        Assert.Contains("Critères d'évaluation", page.Body.TextContent);
        Assert.NotNull(page.QuerySelector("form[data-grid-autosave]"));
        var competences = f.Competences.OrderBy(c => c.UnitNumber).ToList();

        await FillAndConfirmAsync(evaluator, coEvaluator, f, competences);
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>()), f.Page));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>()), f.Page));

        var grid = Assert.Single(await GridsAsync(portal, f.EnrolmentId));
        Assert.True(grid.IsLocked);
        Assert.Equal(competences.Count, grid.Entries.Count);
        Assert.False(grid.Entries.Single(e => e.CompetenceId == competences[0].Id).Acquired);
        Assert.All(grid.Entries, e => Assert.True(e.CoEvaluatorAgrees));

        var text = (await coEvaluator.GetAsync(f.Page)).Document.Body!.TextContent;
        Assert.Contains($"signé par {f.EvaluatorName}", text);
        Assert.Contains($"signé par {f.CoEvaluatorName}", text);
        Assert.Contains("unité non acquise", text);
        Assert.Contains("unité acquise", text);
        Assert.Contains("Corriger (nouvelle version)", text);
    }

    [Fact]
    public async Task The_autosave_handler_saves_one_competence_as_it_is_typed()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        var c = f.Code("C.1.1");
        var saved = await PostAsync(evaluator, f, "Autosave", Mark(c, false, "Hésite sur la prise de message"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var entry = (await GridsAsync(portal, f.EnrolmentId)).Single().Entries.Single(e => e.CompetenceId == c.Id);
        Assert.Equal("Hésite sur la prise de message", entry.Observation);

        var refused = await PostAsync(evaluator, f, "Autosave", Mark(f.Code("C.1.2"), false));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("C.1.2 : une observation est obligatoire", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disagreement_blocks_signing_and_names_the_competences_to_settle()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        var competences = f.Competences.ToList();
        await FillAndConfirmAsync(evaluator, coEvaluator, f, competences);
        var contested = f.Code("C.2.1");
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Save", Respond(contested, false, "Accueil en anglais hésitant, acquise selon moi ? non")), f.Page));

        var page = await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var error = await ErrorOf(page);
        Assert.Contains("ne peut pas encore être signée", error);
        Assert.Contains("C.2.1 (désaccord à régler)", error);
        var html = await PortalClient.ParseAsync(page);
        Assert.Contains("désaccord entre évaluateurs", html.QuerySelector($"fieldset[data-entry='{contested.Id}'] legend")!.TextContent);
        Assert.Null((await GridsAsync(portal, f.EnrolmentId)).Single().EvaluatorSignedAt);
    }

    [Fact]
    public async Task A_changed_mark_clears_the_co_evaluator_response_and_the_signatures()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        await FillAndConfirmAsync(evaluator, coEvaluator, f, f.Competences);
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>()), f.Page));
        var c = f.Code("C.3.1");
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(evaluator, f, "Save", Mark(c, false, "Relais d'équipe non assuré")), f.Page));

        var grid = (await GridsAsync(portal, f.EnrolmentId)).Single();
        Assert.Null(grid.CoEvaluatorSignedAt);
        Assert.Null(grid.Entries.Single(e => e.CompetenceId == c.Id).CoEvaluatorAgrees);
    }

    [Fact]
    public async Task A_correction_makes_version_2_which_supersedes_version_1_once_signed()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        await FillAndConfirmAsync(evaluator, coEvaluator, f, f.Competences);
        await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>());
        await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>());

        var noReason = await PostAsync(evaluator, f, "Correct", new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.Contains("Indiquez le motif de la correction.", await ErrorOf(noReason));
        Assert.Single(await GridsAsync(portal, f.EnrolmentId));

        Assert.True(PortalClient.IsRedirectTo(await PostAsync(evaluator, f, "Correct",
            new Dictionary<string, string> { ["Input.Reason"] = "Erreur de saisie sur C.1.1" }), f.Page));
        var grids = await GridsAsync(portal, f.EnrolmentId);
        Assert.Equal([1, 2], grids.Select(g => g.Version));
        Assert.Equal(grids[0].Id, grids[1].SupersedesId);
        Assert.False(grids[1].IsLocked);
        Assert.Null(grids[0].SupersededAt);

        var c = f.Code("C.1.1");
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(evaluator, f, "Save", Mark(c, true, "Corrigé après relecture")), f.Page));
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Save", Respond(c, true)), f.Page));
        await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>()), f.Page));

        grids = await GridsAsync(portal, f.EnrolmentId);
        Assert.True(grids[1].IsLocked);
        Assert.NotNull(grids[0].SupersededAt);
        Assert.False(grids[0].Entries.Single(e => e.CompetenceId == c.Id).Acquired);
        Assert.True(grids[1].Entries.Single(e => e.CompetenceId == c.Id).Acquired);
        var text = (await evaluator.GetAsync(f.Page)).Document.Body!.TextContent;
        Assert.Contains("Erreur de saisie sur C.1.1", text);
        Assert.Contains("remplacée le", text);
    }

    [Fact]
    public async Task After_a_partial_validation_the_grid_holds_only_the_missing_units()
    {
        var f = await CreateAsync(portal, validatedUnitNumbers: [1, 3]);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        var text = (await evaluator.GetAsync(f.Page)).Document.Body!.TextContent;
        Assert.DoesNotContain("Unité 1 :", text);
        Assert.Contains("Unité 2 :", text);

        var grid = Assert.Single(await GridsAsync(portal, f.EnrolmentId));
        var expected = f.Competences.Where(c => c.UnitNumber is 2 or 4).Select(c => c.Id).Order();
        Assert.Equal(expected, grid.Entries.Select(e => e.CompetenceId).Order());

        var refused = await PostAsync(evaluator, f, "Save", Mark(f.Code("C.1.1"), true));
        Assert.Contains("ne fait pas partie des unités évaluées", await ErrorOf(refused));
    }

    [Fact]
    public async Task A_grid_does_not_open_for_an_absent_candidate_nor_before_the_session_day()
    {
        var absent = await CreateAsync(portal, present: false);
        using var evaluator = await SignInAsync(portal, absent.EvaluatorEmail);
        var (response, page) = await evaluator.GetAsync(absent.Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("noté présent", page.Body!.TextContent);

        var early = await CreateAsync(portal, startedDaysAgo: -3);
        using var earlyEvaluator = await SignInAsync(portal, early.EvaluatorEmail);
        Assert.Contains("le jour de la session", (await earlyEvaluator.GetAsync(early.Page)).Document.Body!.TextContent);
        Assert.Empty(await GridsAsync(portal, absent.EnrolmentId));
        Assert.Empty(await GridsAsync(portal, early.EnrolmentId));
    }
}
