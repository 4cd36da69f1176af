using System.Net;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Juries.JurySessions;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

/// <summary>
/// Every booklet and file route: the owner, staff and the jury members assigned to the candidate's jury get it; another
/// candidate, a company manager, a visitor, and a jury member of another jury, of a cancelled one or of a jury the
/// candidate was withdrawn from do not.
/// </summary>
[Collection(PortalCollection.Name)]
public class BookletOwnershipTests(DemoPortal portal)
{
    [Fact]
    public async Task Booklet_pages_and_files_are_served_to_the_owner_and_staff_only()
    {
        var (owner, registrationId) = await AdmissibleCandidateAsync(portal, "Proprietaire");
        var bookletId = await SubmitBookletOneAsync(portal, owner, registrationId);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // An accepted booklet 2 as well, so that its routes (jury PDF) answer for the allowed users.
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            (await db.Booklets.SingleAsync(b => b.Id == bookletId)).State = BookletState.Admissible;
            db.Booklets.Add(new Booklet { RegistrationId = registrationId, Kind = BookletKind.Experience, State = BookletState.Admissible });
            await db.SaveChangesAsync();
        }
        var booklet2 = (await BookletAsync(portal, registrationId, BookletKind.Experience))!.Id;
        var documentId = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Documents.Single().Id;

        var file = await owner.Http.GetAsync($"/Candidat/Vae/Fichier/{documentId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("Allo Services", (await owner.GetAsync(One)).Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync(Two)).StatusCode);

        string[] staffRoutes = ["/Staff/Vae", $"/Staff/Vae/Livret/{bookletId}", $"/Staff/Vae/Livret/{booklet2}", $"/Staff/Vae/Fichier/{documentId}", $"/Staff/Vae/Jury/{booklet2}"];
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        foreach (var route in staffRoutes)
            Assert.True((await staff.Http.GetAsync(route)).StatusCode == HttpStatusCode.OK, route);
        var staffFile = await staff.Http.GetAsync($"/Staff/Vae/Fichier/{documentId}");
        Assert.Equal("attachment", staffFile.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", staffFile.Headers.GetValues("X-Content-Type-Options").Single());

        // Another candidate: the file answers 404, their booklet pages show their own (empty) file, staff pages are refused.
        var (other, _) = await AdmissibleCandidateAsync(portal, "Curieuse");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Candidat/Vae/Fichier/{documentId}")).StatusCode);
        Assert.DoesNotContain("Allo Services", (await other.GetAsync(One)).Document.Body!.TextContent);
        Assert.DoesNotContain("Allo Services", (await other.GetAsync(Two)).Document.Body!.TextContent);
        foreach (var route in staffRoutes.Append($"/Candidat/Vae/Fichier/{documentId}").Where(r => r.StartsWith("/Staff")))
            Assert.True(PortalClient.IsRedirectTo(await other.Http.GetAsync(route), "/Compte/AccesRefuse"), route);
        // The owner is a candidate, not staff.
        foreach (var route in staffRoutes)
            Assert.True(PortalClient.IsRedirectTo(await owner.Http.GetAsync(route), "/Compte/AccesRefuse"), route);

        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        using var anonymous = PortalClient.For(portal);
        string[] candidateRoutes = [One, Two, $"/Candidat/Vae/Fichier/{documentId}"];
        foreach (var route in candidateRoutes.Concat(staffRoutes))
        {
            Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync(route), "/Compte/AccesRefuse"), route);
            Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(route), "/Compte/Connexion"), route);
        }
        // Posts are refused the same way (anti-forgery aside): a visitor cannot upload into anyone's booklet.
        var anonymousPost = await anonymous.Http.PostAsync($"{One}?handler=Save", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, anonymousPost.StatusCode);
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Booklet_files_and_the_jury_pdf_are_served_to_the_jury_members_of_the_candidates_jury_only()
    {
        var (owner, registrationId) = await AdmissibleCandidateAsync(portal, "Jurée");
        var booklet1 = await SubmitBookletOneAsync(portal, owner, registrationId);
        var (other, otherRegistrationId) = await AdmissibleCandidateAsync(portal, "Voisine");
        int booklet2, document1, document2;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // Booklet 1 admissible; booklet 2 accepted, with a situation and a piece of evidence of its own.
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            (await db.Booklets.SingleAsync(b => b.Id == booklet1)).State = BookletState.Admissible;
            var two = new Booklet { RegistrationId = registrationId, Kind = BookletKind.Experience, State = BookletState.Admissible };
            two.Situations.Add(new BookletSituation { ActivityId = await db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                Context = "Standard saturé d'un cabinet médical", Actions = "J'ai trié les appels urgents pour le jury" });
            two.Documents.Add(new BookletDocument { Kind = BookletDocumentKind.Other, FileName = "preuve.pdf", ContentType = "application/pdf",
                Length = Pdf.Length, Content = Pdf, UploadedAt = DateTimeOffset.UtcNow });
            db.Booklets.Add(two);
            await db.SaveChangesAsync();
            (booklet2, document2) = (two.Id, two.Documents[0].Id);
            document1 = await db.BookletDocuments.Where(d => d.BookletId == booklet1).Select(d => d.Id).SingleAsync();
        }

        // Jury members: assigned to the candidate's jury; to another jury; to a cancelled jury of the candidate; to a jury the candidate was withdrawn from.
        var assigned = await TestAccounts.SignedInAsync(portal, Roles.JuryMember, "Juré Affecté");
        var elsewhere = await TestAccounts.SignedInAsync(portal, Roles.JuryMember, "Juré Ailleurs");
        var cancelled = await TestAccounts.SignedInAsync(portal, Roles.JuryMember, "Juré Annulé");
        var withdrawn = await TestAccounts.SignedInAsync(portal, Roles.JuryMember, "Juré Désisté");
        var juryId = await CreateAsync(portal, 30, [registrationId, otherRegistrationId], [assigned.Email!]);
        await CreateAsync(portal, 31, [otherRegistrationId], [elsewhere.Email!]);
        await CreateAsync(portal, 32, [registrationId], [cancelled.Email!], cancelled: true);
        await CreateAsync(portal, 33, [registrationId], [withdrawn.Email!], enrolment: EnrolmentState.Cancelled);

        string[] candidateRoutes = [$"/Candidat/Vae/Fichier/{document1}", $"/Candidat/Vae/Fichier/{document2}"];
        string[] staffRoutes = [$"/Staff/Vae/Fichier/{document1}", $"/Staff/Vae/Fichier/{document2}", $"/Staff/Vae/Jury/{booklet2}"];
        string[] juryRoutes = [$"/Jury/Vae/Fichier/{document1}", $"/Jury/Vae/Fichier/{document2}", $"/Jury/Vae/Dossier/{booklet2}"];
        static async Task AllowedAsync(PortalClient client, string route)
        {
            var response = await client.Http.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode}");
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            if (route.Contains("Fichier")) Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
            else Assert.Contains("J'ai trié les appels urgents pour le jury", PdfText.Of(await response.Content.ReadAsByteArrayAsync()));
        }

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        foreach (var route in candidateRoutes) await AllowedAsync(owner, route);
        foreach (var route in staffRoutes) await AllowedAsync(staff, route);
        foreach (var route in juryRoutes) await AllowedAsync(assigned, route);

        // Other jury members get 404 on the jury routes, as for an id that does not exist; other audiences never reach them.
        foreach (var member in new[] { elsewhere, cancelled, withdrawn })
        {
            foreach (var route in juryRoutes)
                Assert.True((await member.Http.GetAsync(route)).StatusCode == HttpStatusCode.NotFound, $"{member.Email} {route}");
            foreach (var route in candidateRoutes.Concat(staffRoutes))
                Assert.True(PortalClient.IsRedirectTo(await member.Http.GetAsync(route), "/Compte/AccesRefuse"), $"{member.Email} {route}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await assigned.Http.GetAsync($"/Jury/Vae/Fichier/{int.MaxValue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assigned.Http.GetAsync($"/Jury/Vae/Dossier/{booklet1}")).StatusCode); // booklet 1 has no jury PDF
        foreach (var route in candidateRoutes.Concat(staffRoutes))
            Assert.True(PortalClient.IsRedirectTo(await assigned.Http.GetAsync(route), "/Compte/AccesRefuse"), route);
        foreach (var route in candidateRoutes)
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(route)).StatusCode);

        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        using var anonymous = PortalClient.For(portal);
        foreach (var route in juryRoutes.Concat(staffRoutes))
            Assert.True(PortalClient.IsRedirectTo(await other.Http.GetAsync(route), "/Compte/AccesRefuse"), route);
        foreach (var route in candidateRoutes.Concat(staffRoutes).Concat(juryRoutes))
        {
            Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync(route), "/Compte/AccesRefuse"), route);
            Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(route), "/Compte/Connexion"), route);
        }

        // « Mes jurys »: the assigned member sees the candidate with the links; the others see nothing of this candidate.
        var (_, home) = await assigned.GetAsync("/Jury");
        var card = home.QuerySelector($"section[aria-labelledby='jury-{juryId}']")!;
        Assert.Contains("JURÉE Nora", card.TextContent);
        Assert.Contains("VOISINE Nora", card.TextContent);
        Assert.NotNull(card.QuerySelector($"a[href='/Jury/Vae/Fichier/{document1}']"));
        Assert.NotNull(card.QuerySelector($"a[href='/Jury/Vae/Fichier/{document2}']"));
        Assert.NotNull(card.QuerySelector($"a[href='/Jury/Vae/Dossier/{booklet2}']"));
        foreach (var member in new[] { elsewhere, cancelled, withdrawn })
        {
            var (_, page) = await member.GetAsync("/Jury");
            Assert.DoesNotContain("JURÉE Nora", page.Body!.TextContent);
            var links = page.QuerySelectorAll("a[href^='/Jury/Vae/']").Select(a => a.GetAttribute("href")).ToList();
            Assert.DoesNotContain($"/Jury/Vae/Fichier/{document1}", links);
            Assert.DoesNotContain($"/Jury/Vae/Dossier/{booklet2}", links);
        }
        Assert.Contains("Ce jury est annulé", (await cancelled.GetAsync("/Jury")).Document.Body!.TextContent);

        // A booklet sent back for completion is the candidate's work again: the jury no longer sees it until it is accepted.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            (await db.Booklets.SingleAsync(b => b.Id == booklet2)).State = BookletState.Incomplete;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await assigned.Http.GetAsync($"/Jury/Vae/Fichier/{document2}")).StatusCode);
        await AllowedAsync(assigned, $"/Jury/Vae/Fichier/{document1}");
        await AllowedAsync(staff, $"/Staff/Vae/Fichier/{document2}");
        await AllowedAsync(owner, $"/Candidat/Vae/Fichier/{document2}");
        var (_, returned) = await assigned.GetAsync("/Jury");
        Assert.Null(returned.QuerySelector($"a[href='/Jury/Vae/Fichier/{document2}']"));

        // Once removed from the jury, the member reads nothing any more.
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CqpDbContext>().JurySessionMembers.Where(m => m.SessionId == juryId).ExecuteDeleteAsync();
        foreach (var route in juryRoutes.Append($"/Jury/Vae/Fichier/{document1}"))
            Assert.Equal(HttpStatusCode.NotFound, (await assigned.Http.GetAsync(route)).StatusCode);
        foreach (var client in new[] { owner, other, assigned, elsewhere, cancelled, withdrawn }) client.Dispose();
    }
}
