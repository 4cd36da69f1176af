using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Tests.Juries;
using static CqpPortal.Web.Tests.Evaluations.GridBuilders;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>The evaluation file PDF for the jury, and who may open the grid and the file by each route.</summary>
[Collection(PortalCollection.Name)]
public class EvaluationFileTests(DemoPortal portal)
{
    private sealed record Readers(GridFixture Fixture, string OtherEvaluator, string JuryMember, string OtherJuryMember, string CompanyManager);

    private async Task<Readers> ArrangeAsync()
    {
        var f = await CreateAsync(portal);
        var jury = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Juliette Jury");
        var otherJury = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Jules Ailleurs");
        await JurySessions.CreateAsync(portal, 20, [f.RegistrationId], [jury]);
        await JurySessions.CreateAsync(portal, 25, [], [otherJury]);
        return new Readers(f, await OtherEvaluatorAsync(portal), jury, otherJury, await TestAccounts.CreateAsync(portal, Roles.CompanyManager, "Marc Manager"));
    }

    [Fact]
    public async Task The_evaluation_file_has_the_marks_observations_and_signatures()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        using var coEvaluator = await SignInAsync(portal, f.CoEvaluatorEmail);
        var first = f.Code("C.1.1");
        await PostAsync(evaluator, f, "Save", Merge(f.Competences.Select(c => c == first ? Mark(c, false, "Message incomplet") : Mark(c, true))));
        await PostAsync(coEvaluator, f, "Save", Merge(f.Competences.Select(c => c == first ? Respond(c, true, "Constat partagé") : Respond(c, true))));

        var unsigned = PdfText.Of(await (await evaluator.Http.GetAsync($"/Evaluation/Dossier/{f.RegistrationId}")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Grille non signée", unsigned);

        await PostAsync(evaluator, f, "Sign", new Dictionary<string, string>());
        await PostAsync(coEvaluator, f, "Sign", new Dictionary<string, string>());
        using var staff = await SignInAsync(portal, "staff@cqp.test");
        var response = await staff.Http.GetAsync($"/Staff/Evaluations/Dossier/{f.RegistrationId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Dossier d'évaluation", text);
        Assert.Contains(f.CandidateName, text);
        Assert.Contains("Télésecrétaire", text); // the certification's name, from the data
        Assert.Contains("Centre d'examen Grille", text);
        Assert.Contains("non acquise", text);
        Assert.Contains("Message incomplet", text);
        Assert.Contains("Constat partagé", text);
        Assert.Contains("unité non acquise", text);
        Assert.Contains($"signé par {f.EvaluatorName}", text);
        Assert.Contains($"signé par {f.CoEvaluatorName}", text);
        Assert.Contains("version 1", text);
        Assert.DoesNotContain("Grille non signée", text);
    }

    [Fact]
    public async Task Each_route_opens_only_for_its_readers()
    {
        var r = await ArrangeAsync();
        var f = r.Fixture;
        string[] files = [$"/Evaluation/Dossier/{f.RegistrationId}", $"/Jury/Evaluation/{f.RegistrationId}", $"/Staff/Evaluations/Dossier/{f.RegistrationId}"];
        var readers = new (string Email, string[] Opens)[]
        {
            (f.EvaluatorEmail, [f.Page, files[0]]),
            (f.CoEvaluatorEmail, [f.Page, files[0]]),
            (r.OtherEvaluator, []),
            ("staff@cqp.test", [files[2]]),
            (r.JuryMember, [files[1]]),
            (r.OtherJuryMember, []),
            (f.CandidateEmail, []),
            (r.CompanyManager, []),
        };
        foreach (var (email, opens) in readers)
        {
            using var client = await SignInAsync(portal, email);
            foreach (var url in files.Prepend(f.Page))
            {
                var status = (await client.Http.GetAsync(url)).StatusCode;
                if (opens.Contains(url)) Assert.True(status == HttpStatusCode.OK, $"{email} should open {url} ({status})");
                else Assert.True(status != HttpStatusCode.OK, $"{email} should not open {url}");
            }
        }
        // Within their own area, a reader who may not see the candidate gets 404, as for an id that does not exist.
        using (var other = await SignInAsync(portal, r.OtherEvaluator))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(f.Page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(files[0])).StatusCode);
        }
        using (var otherJury = await SignInAsync(portal, r.OtherJuryMember))
            Assert.Equal(HttpStatusCode.NotFound, (await otherJury.Http.GetAsync(files[1])).StatusCode);
        using var visitor = PortalClient.For(portal);
        foreach (var url in files.Prepend(f.Page))
            Assert.True(PortalClient.IsRedirectTo(await visitor.Http.GetAsync(url), "/Compte/Connexion"), url);
    }

    [Fact]
    public async Task Another_evaluator_cannot_post_to_a_grid_they_do_not_evaluate()
    {
        var f = await CreateAsync(portal);
        using var evaluator = await SignInAsync(portal, f.EvaluatorEmail);
        await evaluator.GetAsync(f.Page); // opens the grid
        using var other = await SignInAsync(portal, await OtherEvaluatorAsync(portal));
        var (_, home) = await other.GetAsync("/Evaluation");
        var token = home.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        var response = await other.Http.PostAsync($"{f.Page}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>(Mark(f.Code("C.1.1"), true))
            { ["__RequestVerificationToken"] = token }));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        Assert.All((await GridsAsync(portal, f.EnrolmentId)).Single().Entries, e => Assert.Null(e.Acquired));
    }
}
