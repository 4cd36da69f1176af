using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>Staff convene candidates whose evaluation is signed to a jury, read the decisions the president recorded, and download the minutes.</summary>
[Collection(PortalCollection.Name)]
public class JuryProceedingsTests(DemoPortal portal)
{
    private static string Page(int id) => $"/Staff/Jurys/Session/{id}";

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    private async Task<string?> ConveneAsync(int juryId, int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JuryProceedings>().ConveneAsync(juryId, registrationId);
    }

    private async Task<int> EnrolmentsAsync(int juryId, int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments.CountAsync(e => e.SessionId == juryId && e.RegistrationId == registrationId);
    }

    [Fact]
    public async Task Staff_convene_a_candidate_with_a_signed_evaluation_who_gets_the_convocation_and_others_are_told_why_not()
    {
        var ready = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 10);
        var notEvaluated = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: null);
        var juryId = await JurySessions.CreateAsync(portal, 20, [], []);
        using var staff = await StaffAsync();

        // « Convoquer un candidat » pages the shared portal's many candidates: each is found by the list's search.
        var (_, others) = await staff.GetAsync($"{Page(juryId)}?q={Uri.EscapeDataString(notEvaluated.Email)}");
        var otherRow = others.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(notEvaluated.Shown));
        Assert.Contains("grille d'évaluation signée par les deux évaluateurs", otherRow.TextContent);
        Assert.Empty(otherRow.QuerySelectorAll("button"));

        var (_, page) = await staff.GetAsync($"{Page(juryId)}?q={Uri.EscapeDataString(ready.Email)}");
        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(ready.Shown));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        var convened = await staff.PostFormAsync(form, Page(juryId), new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(convened, Page(juryId)), $"{convened.StatusCode}");
        Assert.Contains("convoqué(e) au jury", portal.Mail.LatestTo(ready.Email));

        var (_, after) = await staff.GetAsync(Page(juryId));
        Assert.Contains("Le candidat est convoqué", after.Body!.TextContent);
        Assert.Contains(ready.Shown, after.QuerySelector("table[aria-describedby='convened']")!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var document = await db.CandidateDocuments.SingleAsync(d => d.RegistrationId == ready.RegistrationId);
        Assert.Contains("Jury", PdfText.Of(document.Content));

        // Convening twice is refused; the seat count does not move.
        var again = await staff.PostFormAsync(form, Page(juryId), new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(again, Page(juryId)));
        var (_, refusal) = await staff.GetAsync(Page(juryId));
        Assert.Contains("ne peut pas être convoqué", refusal.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal(1, await db.SessionEnrolments.CountAsync(e => e.SessionId == juryId));
    }

    [Fact]
    public async Task A_candidate_is_not_convened_without_an_evaluation_signed_by_both_evaluators_after_their_last_jury()
    {
        var juryId = await JurySessions.CreateAsync(portal, 20, [], []);
        var oneSignature = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 10, signatures: 1);
        var noGrid = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 10, signatures: 0);
        // Partially validated 30 days ago, evaluated 60 days ago: nothing new since that jury.
        var beforeLastJury = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 60, lastJuryDaysAgo: 30);
        foreach (var candidate in new[] { oneSignature, noGrid })
        {
            Assert.Contains("grille d'évaluation signée", await ConveneAsync(juryId, candidate.RegistrationId));
            Assert.Equal(0, await EnrolmentsAsync(juryId, candidate.RegistrationId));
        }
        Assert.Contains("depuis le dernier jury", await ConveneAsync(juryId, beforeLastJury.RegistrationId));
        Assert.Equal(0, await EnrolmentsAsync(juryId, beforeLastJury.RegistrationId));

        // Evaluated again after that jury: convened.
        var reEvaluated = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 5, lastJuryDaysAgo: 30);
        Assert.Null(await ConveneAsync(juryId, reEvaluated.RegistrationId));
        Assert.Equal(1, await EnrolmentsAsync(juryId, reEvaluated.RegistrationId));
    }

    [Fact]
    public async Task A_vae_candidate_is_convened_with_booklet_2_accepted_and_a_signed_situation_only()
    {
        var juryId = await JurySessions.CreateAsync(portal, 20, [], []);
        var noBooklet = await JuryCandidates.CreateAsync(portal, CertificationRoute.Vae, evaluatedDaysAgo: 10);
        var noSituation = await JuryCandidates.CreateAsync(portal, CertificationRoute.Vae, evaluatedDaysAgo: null, experienceBookletAccepted: true);
        var ready = await JuryCandidates.CreateAsync(portal, CertificationRoute.Vae, evaluatedDaysAgo: 10, experienceBookletAccepted: true);

        Assert.Contains("livret 2", await ConveneAsync(juryId, noBooklet.RegistrationId));
        Assert.Contains("grille de mise en situation professionnelle signée", await ConveneAsync(juryId, noSituation.RegistrationId));
        Assert.Equal(0, await EnrolmentsAsync(juryId, noBooklet.RegistrationId) + await EnrolmentsAsync(juryId, noSituation.RegistrationId));
        Assert.Null(await ConveneAsync(juryId, ready.RegistrationId));
        Assert.Equal(1, await EnrolmentsAsync(juryId, ready.RegistrationId));
    }

    [Fact]
    public async Task Staff_designate_the_president_among_members_and_read_the_decisions_without_recording_them()
    {
        var president = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Paule Président");
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Marc Membre");
        var outsider = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Omar Dehors");
        var candidate = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 20);
        var juryId = await JurySessions.CreateAsync(portal, -1, [candidate.RegistrationId], [president, member]);
        using var staff = await StaffAsync();

        var (_, page) = await staff.GetAsync(Page(juryId));
        Assert.Contains("Aucun président n'est désigné", page.Body!.TextContent);
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Decide"));
        Assert.Contains("décision non enregistrée", page.QuerySelector("table[aria-describedby='convened']")!.TextContent);
        var row = page.QuerySelectorAll("table[aria-describedby='members'] tr").Single(r => r.TextContent.Contains("Paule Président"));
        var designated = await staff.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form[action*='handler=President']")!, Page(juryId), new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(designated, Page(juryId)));
        var (_, after) = await staff.GetAsync(Page(juryId));
        Assert.Contains("Président(e)", after.QuerySelectorAll("table[aria-describedby='members'] tr").Single(r => r.TextContent.Contains("Paule Président")).TextContent);

        // Someone who is not a member cannot be made president; the president stays.
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var members = scope.ServiceProvider.GetRequiredService<JuryMembers>();
        Assert.Contains("parmi les membres", await members.DesignatePresidentAsync(juryId, await JurySessions.UserIdAsync(db, outsider)));
        Assert.Equal([await JurySessions.UserIdAsync(db, president)],
            await db.JurySessionMembers.Where(m => m.SessionId == juryId && m.IsPresident).Select(m => m.UserId).ToListAsync());

        var minutes = PdfText.Of(await (await staff.Http.GetAsync($"{Page(juryId)}?handler=Minutes")).Content.ReadAsByteArrayAsync());
        Assert.Contains("décision non enregistrée", minutes);
        Assert.Contains("Paule Président (président) : en attente de signature", minutes);
        Assert.DoesNotContain("non validée", minutes);
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("jury@cqp.test")]
    [InlineData("manager@cqp.test")]
    public async Task Only_staff_open_the_jury_pages(string email)
    {
        var candidate = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 20);
        var juryId = await JurySessions.CreateAsync(portal, -3, [candidate.RegistrationId], []);
        using var user = PortalClient.For(portal);
        await user.LoginAsync(email);
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync(Page(juryId)), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync($"{Page(juryId)}?handler=Minutes"), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Staff/Jurys"), "/Compte/Connexion"));
    }

    [Fact]
    public async Task An_unknown_or_non_jury_session_is_not_found()
    {
        using var staff = await StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Jurys/Session/999999")).StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var evaluationId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.Kind == SessionKind.Evaluation).Select(s => s.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Staff/Jurys/Session/{evaluationId}")).StatusCode);
        var (_, list) = await staff.GetAsync("/Staff/Jurys");
        Assert.Contains("Jurys à venir", list.Body!.TextContent);
    }
}
