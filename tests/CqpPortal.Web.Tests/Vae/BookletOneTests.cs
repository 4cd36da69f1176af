using System.Net;
using CqpPortal.Domain.Vae;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Vae.VaeBooklet;

namespace CqpPortal.Web.Tests.Vae;

[Collection(PortalCollection.Name)]
public class BookletOneTests(DemoPortal portal)
{
    private static Dictionary<string, string> Decision(string decision, string motive = "", params string[] items)
    {
        var fields = new Dictionary<string, string> { ["Input.Decision"] = decision, ["Input.Motive"] = motive };
        for (var i = 0; i < items.Length; i++) fields[$"Input.MissingItems[{i}]"] = items[i];
        return fields;
    }

    [Fact]
    public async Task A_candidate_writes_booklet_one_staff_return_it_incomplete_then_declare_it_admissible()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Aller-Retour");
        var (_, page) = await candidate.GetAsync(One);
        Assert.Contains("Nora Aller-Retour", page.QuerySelector("dl.summary")!.TextContent); // identity from the registration, not retyped

        var jobs = Merge(Job(0, "Allo Services", "2019-01-01", "2020-12-31", VaeJobKind.TeleSecretary),
            Job(1, "Hôtel du Port", "2021-01-01", "2021-12-31", VaeJobKind.ReservationCentre, phone: 70, title: "Réceptionniste"));
        var saved = await PostAsync(candidate, One, "Save", jobs);
        Assert.True(PortalClient.IsRedirectTo(saved, One), $"{saved.StatusCode}");
        var (_, draft) = await candidate.GetAsync(One);
        Assert.Contains("36 mois", draft.QuerySelector("#experience")!.ParentElement!.TextContent);
        Assert.Contains("Article 3", draft.QuerySelector("#experience")!.ParentElement!.TextContent);

        var upload = await PostAsync(candidate, One, "Upload", Merge(jobs, new Dictionary<string, string> { ["Input.DocumentKind"] = "PayslipOrContract" }), ("contrat.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var afterUpload = await PortalClient.ParseAsync(upload);
        Assert.Contains("contrat.pdf", afterUpload.Body!.TextContent);

        var unsworn = await PostAsync(candidate, One, "Submit", jobs);
        Assert.Equal(HttpStatusCode.OK, unsworn.StatusCode);
        Assert.Contains("déclaration sur l'honneur", (await PortalClient.ParseAsync(unsworn)).QuerySelector(".validation-summary-errors")!.TextContent);

        var sent = await PostAsync(candidate, One, "Submit", Merge(jobs, new Dictionary<string, string> { ["Input.Sworn"] = "true" }));
        Assert.True(PortalClient.IsRedirectTo(sent, One));
        Assert.Contains("bien été envoyé", portal.Mail.LatestTo(candidate.Email!));
        Assert.Contains("Nora Aller-Retour", portal.Mail.LatestTo("staff@cqp.test"));
        var booklet = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!;
        Assert.Equal(BookletState.Submitted, booklet.State);
        Assert.Equal(2, booklet.Jobs.Count);
        Assert.NotNull(booklet.SwornOn);

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, queue) = await staff.GetAsync("/Staff/Vae");
        var row = queue.QuerySelectorAll("table")[0].QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/Staff/Vae/Livret/{booklet.Id}']") is not null);
        Assert.Contains("Livret 1", row.TextContent);
        var refusedWithoutItems = await staff.SubmitAsync($"/Staff/Vae/Livret/{booklet.Id}", Decision("Incomplete"));
        Assert.Contains("au moins un élément", (await PortalClient.ParseAsync(refusedWithoutItems)).Body!.TextContent);
        var returned = await staff.SubmitAsync($"/Staff/Vae/Livret/{booklet.Id}", Decision("Incomplete", "", "Attestation de l'Hôtel du Port", "Pièce d'identité"));
        Assert.True(PortalClient.IsRedirectTo(returned, "/Staff/Vae"));
        var mail = portal.Mail.LatestTo(candidate.Email!);
        Assert.Contains("Attestation de l'Hôtel du Port", mail);
        Assert.Contains("Pièce d'identité", mail);

        var (_, toComplete) = await candidate.GetAsync(One);
        Assert.Contains("Attestation de l'Hôtel du Port", toComplete.QuerySelector("#a-completer")!.ParentElement!.TextContent);
        await PostAsync(candidate, One, "Upload", new Dictionary<string, string> { ["Input.DocumentKind"] = "IdentityDocument" }, ("identite.pdf", Pdf));
        var resent = await PostAsync(candidate, One, "Submit", Merge(jobs, new Dictionary<string, string> { ["Input.Sworn"] = "true" }));
        Assert.True(PortalClient.IsRedirectTo(resent, One));

        var admitted = await staff.SubmitAsync($"/Staff/Vae/Livret/{booklet.Id}", Decision("Admissible"));
        Assert.True(PortalClient.IsRedirectTo(admitted, "/Staff/Vae"));
        Assert.Contains("recevable", portal.Mail.LatestTo(candidate.Email!));

        booklet = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!;
        Assert.Equal(BookletState.Admissible, booklet.State);
        Assert.Equal([BookletState.Submitted, BookletState.Incomplete, BookletState.Submitted, BookletState.Admissible],
            booklet.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.To).ToList());
        Assert.Contains("identite.pdf", booklet.History.Where(h => h.To == BookletState.Submitted).MaxBy(h => h.Id)!.Snapshot);
        var (_, final) = await candidate.GetAsync(One);
        Assert.Equal(2, final.QuerySelectorAll("#historique + ol details").Length); // both versions sent, visible to the candidate
        Assert.Contains("Recevable", final.Body!.TextContent);
        candidate.Dispose();
    }

    [Fact]
    public async Task A_refusal_must_be_motivated()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Refusee");
        var id = await SubmitBookletOneAsync(portal, candidate, registrationId);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var unmotivated = await staff.SubmitAsync($"/Staff/Vae/Livret/{id}", Decision("NotAdmissible"));
        Assert.Contains("doit être motivée", (await PortalClient.ParseAsync(unmotivated)).QuerySelector("#motive-error")!.TextContent);
        var refused = await staff.SubmitAsync($"/Staff/Vae/Livret/{id}", Decision("NotAdmissible", "Expérience sans rapport avec le CQP."));
        Assert.True(PortalClient.IsRedirectTo(refused, "/Staff/Vae"));
        Assert.Contains("Expérience sans rapport avec le CQP.", portal.Mail.LatestTo(candidate.Email!));
        Assert.Equal(BookletState.NotAdmissible, (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.State);
        candidate.Dispose();
    }

    [Fact]
    public async Task A_submitted_booklet_refuses_changes_and_keeps_what_was_sent()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Verrou");
        var (_, before) = await candidate.GetAsync(One);
        var staleForm = before.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version"));
        await SubmitBookletOneAsync(portal, candidate, registrationId);

        var edit = await PostAsync(candidate, One, "Save", Job(0, "Autre employeur", "2010-01-01", "2012-12-31", VaeJobKind.Other), form: staleForm);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("il ne peut plus être modifié", (await PortalClient.ParseAsync(edit)).QuerySelector(".validation-summary-errors")!.TextContent);
        var upload = await PostAsync(candidate, One, "Upload", new Dictionary<string, string> { ["Input.DocumentKind"] = "Other" }, ("autre.pdf", Pdf), form: staleForm);
        Assert.Contains("ne peut plus être modifié", (await PortalClient.ParseAsync(upload)).Body!.TextContent);

        var booklet = (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!;
        Assert.Equal("Allo Services", booklet.Jobs.Single().Employer);
        Assert.Single(booklet.Documents);
        Assert.Equal(BookletState.Submitted, booklet.State);
        candidate.Dispose();
    }

    [Fact]
    public async Task Wrong_job_lines_are_refused_beside_their_fields_and_everything_typed_is_shown_back()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Lignes");
        var fields = Merge(Job(0, "Allo Services", "2021-01-01", "2020-12-31", VaeJobKind.TeleSecretary),
            Job(1, "Hôtel du Port", "2019-01-01", "2019-12-31", VaeJobKind.ReservationCentre), new Dictionary<string, string> { ["Input.Sworn"] = "true" });
        fields["Input.Jobs[1].FullTimeShare"] = "150";
        fields["Input.Jobs[1].JobTitle"] = "";

        var refused = await PostAsync(candidate, One, "Save", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("La date de fin doit suivre la date de début.", page.QuerySelector("#job-0-to-error")!.TextContent.Trim());
        Assert.Equal("Indiquez l'intitulé du poste.", page.QuerySelector("#job-1-title-error")!.TextContent.Trim());
        Assert.Equal("La quotité est comprise entre 1 et 100 %.", page.QuerySelector("#job-1-fte-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#job-1-fte")!.GetAttribute("aria-invalid"));
        Assert.Equal("150", page.QuerySelector("#job-1-fte")!.GetAttribute("value"));
        Assert.Equal("Hôtel du Port", page.QuerySelector("#job-1-employer")!.GetAttribute("value"));
        Assert.Equal("2020-12-31", page.QuerySelector("#job-0-to")!.GetAttribute("value"));
        Assert.Equal("Accueil téléphonique chez Allo Services", page.QuerySelector("#job-0-activities")!.TextContent);
        Assert.NotNull(page.QuerySelector("#sworn[checked]"));
        Assert.Empty((await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Jobs);
        candidate.Dispose();
    }

    [Fact]
    public async Task An_older_tab_cannot_save_over_a_newer_version_and_its_text_is_shown_back()
    {
        var (candidate, registrationId) = await AdmissibleCandidateAsync(portal, "Onglets");
        var oldTab = await FormAsync(candidate, One);
        var newer = await PostAsync(candidate, One, "Save", Job(0, "Version récente", "2018-01-01", "2022-12-31", VaeJobKind.TeleSecretary));
        Assert.True(PortalClient.IsRedirectTo(newer, One));

        var stale = await PostAsync(candidate, One, "Save", Job(0, "Texte de l'ancien onglet", "2015-01-01", "2016-12-31", VaeJobKind.Switchboard), form: oldTab);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await PortalClient.ParseAsync(stale);
        Assert.Contains("modifié entre-temps", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("Texte de l'ancien onglet", page.QuerySelector("#job-0-employer")!.GetAttribute("value"));
        Assert.Equal("Version récente", (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Jobs.Single().Employer);
        candidate.Dispose();
    }
}
