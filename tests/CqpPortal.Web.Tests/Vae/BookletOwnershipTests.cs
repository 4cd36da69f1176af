using System.Net;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

/// <summary>Every booklet and file route: the owner and staff get it; another candidate, a company manager and a visitor do not.</summary>
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
}
