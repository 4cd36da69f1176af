using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Juries.JurySessions;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>Staff assign jury members to a jury session and remove them; refusals leave nothing saved; only staff may.</summary>
[Collection(PortalCollection.Name)]
public class JuryMembersTests(DemoPortal portal)
{
    private static string Page(int id) => $"/Staff/Jurys/Session/{id}";

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    /// <summary>Posts to a handler of the session page with the page's anti-forgery token, whatever form the page shows.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, int sessionId, string handler, string? memberId, int? tokenFrom = null)
    {
        var (_, page) = await client.GetAsync(Page(tokenFrom ?? sessionId));
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (memberId is not null) fields["memberId"] = memberId;
        return await client.Http.PostAsync($"{Page(sessionId)}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await JurySessions.UserIdAsync(scope.ServiceProvider.GetRequiredService<CqpDbContext>(), email);
    }

    [Fact]
    public async Task Staff_assign_a_jury_member_who_is_told_by_email_then_remove_them()
    {
        var email = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Odile Vasseur");
        var juryId = await CreateAsync(portal, 25, [], []);
        using var staff = await StaffAsync();

        var (_, page) = await staff.GetAsync(Page(juryId));
        Assert.Contains("Aucun membre n'est affecté à ce jury.", page.Body!.TextContent);
        var form = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Assign']")!;
        var option = form.QuerySelectorAll("select[name='memberId'] option").Single(o => o.TextContent.Contains("Odile Vasseur"));
        Assert.DoesNotContain(form.QuerySelectorAll("select[name='memberId'] option"), o => o.TextContent.Contains("staff@cqp.test") || o.TextContent.Contains("candidat@cqp.test"));
        var assigned = await staff.PostFormAsync(form, Page(juryId), new Dictionary<string, string> { ["memberId"] = option.GetAttribute("value")! });
        Assert.True(PortalClient.IsRedirectTo(assigned, Page(juryId)), $"{assigned.StatusCode}");

        var (_, after) = await staff.GetAsync(Page(juryId));
        Assert.Contains("Le membre est affecté à ce jury", after.QuerySelector("[role='status']")!.TextContent);
        var row = after.QuerySelectorAll("table[aria-describedby='members'] tr").Single(r => r.TextContent.Contains("Odile Vasseur"));
        Assert.Contains(email, row.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("select[name='memberId'] option"), o => o.TextContent.Contains("Odile Vasseur"));
        Assert.Equal([email], await MemberEmailsAsync(portal, juryId));
        var mail = portal.Mail.LatestTo(email);
        Assert.Contains("membre du jury", mail);
        Assert.Contains("Salle des jurys, 7 rue du Jury, 44000 Nantes", mail);
        Assert.Contains("/Jury", MailFolder.FirstLink(mail, "/Jury"));
        // The minutes name the members, with a line for each signature.
        var minutes = PdfText.Of(await (await staff.Http.GetAsync($"{Page(juryId)}?handler=Minutes")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Membres du jury", minutes);
        Assert.Contains("Odile Vasseur : en attente de signature", minutes);

        var removed = await staff.PostFormAsync((IHtmlFormElement)row.QuerySelector("form[action*='handler=Remove']")!, Page(juryId), new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(removed, Page(juryId)));
        Assert.Contains("Le membre est retiré de ce jury", (await staff.GetAsync(Page(juryId))).Document.QuerySelector("[role='status']")!.TextContent);
        Assert.Empty(await MemberEmailsAsync(portal, juryId));
    }

    [Fact]
    public async Task Assigning_someone_not_in_the_jury_role_twice_or_to_a_cancelled_jury_is_refused_in_French_and_nothing_is_saved()
    {
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Rémi Caron");
        var juryId = await CreateAsync(portal, 26, [], [member]);
        using var staff = await StaffAsync();

        // An account that is not a jury member (a candidate), an unknown id, nothing chosen, the same member twice.
        var candidateId = await UserIdAsync("candidat@cqp.test");
        foreach (var (posted, message) in new[] { (candidateId, "Choisissez un membre du jury"), ("inconnu", "Choisissez un membre du jury"), ("", "Choisissez un membre du jury"),
                     (await UserIdAsync(member), "Rémi Caron est déjà membre de ce jury") })
        {
            var refused = await PostAsync(staff, juryId, "Assign", posted);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = await PortalClient.ParseAsync(refused);
            Assert.Contains(message, page.QuerySelector("#memberId-error")!.TextContent);
            Assert.Equal("memberId-error", page.QuerySelector("#memberId")!.GetAttribute("aria-describedby"));
            Assert.Equal([member], await MemberEmailsAsync(portal, juryId));
        }

        // A cancelled jury offers no form and refuses a forged post.
        var other = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Inès Perrin");
        var cancelledId = await CreateAsync(portal, 27, [], [], cancelled: true);
        Assert.Null((await staff.GetAsync(Page(cancelledId))).Document.QuerySelector("form[action*='handler=Assign']"));
        var toCancelled = await PostAsync(staff, cancelledId, "Assign", await UserIdAsync(other));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toCancelled.StatusCode);
        Assert.Contains("Ce jury est annulé", (await PortalClient.ParseAsync(toCancelled)).QuerySelector("#memberId-error")!.TextContent);
        Assert.Empty(await MemberEmailsAsync(portal, cancelledId));

        // A session that is not a jury: the page does not exist, and the service says why.
        var evaluationId = await CreateAsync(portal, 28, [], [], kind: SessionKind.Evaluation);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, evaluationId, "Assign", await UserIdAsync(other), tokenFrom: juryId)).StatusCode);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var members = scope.ServiceProvider.GetRequiredService<JuryMembers>();
            Assert.Equal("Cette session n'est pas un jury.", await members.AssignAsync(evaluationId, await UserIdAsync(other), await UserIdAsync("staff@cqp.test"), "http://localhost/Jury"));
        }
        Assert.Empty(await MemberEmailsAsync(portal, evaluationId));

        // Removing someone who is not a member says so.
        var removed = await PostAsync(staff, juryId, "Remove", await UserIdAsync(other));
        Assert.True(PortalClient.IsRedirectTo(removed, Page(juryId)));
        Assert.Contains("n'est pas affecté à ce jury", (await staff.GetAsync(Page(juryId))).Document.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal([member], await MemberEmailsAsync(portal, juryId));
    }

    [Fact]
    public async Task Only_staff_may_see_or_change_a_jurys_members()
    {
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Hugo Marchal");
        var juryId = await CreateAsync(portal, 29, [], [member]);
        var memberId = await UserIdAsync(member);
        using var jury = PortalClient.For(portal);
        await jury.LoginAsync(member, TestAccounts.Password);
        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync("candidat@cqp.test");
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        using var anonymous = PortalClient.For(portal);

        foreach (var (client, expected) in new[] { (jury, "/Compte/AccesRefuse"), (candidate, "/Compte/AccesRefuse"), (manager, "/Compte/AccesRefuse"), (anonymous, "/Compte/Connexion") })
        {
            Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(Page(juryId)), expected));
            // A forged post without a valid token never reaches the handler either.
            foreach (var handler in new[] { "Assign", "Remove" })
            {
                var post = await client.Http.PostAsync($"{Page(juryId)}?handler={handler}", new FormUrlEncodedContent([KeyValuePair.Create("memberId", memberId)]));
                Assert.True(post.StatusCode == HttpStatusCode.BadRequest || PortalClient.IsRedirectTo(post, expected), $"{handler}: {post.StatusCode}");
            }
        }
        Assert.Equal([member], await MemberEmailsAsync(portal, juryId));
    }
}
