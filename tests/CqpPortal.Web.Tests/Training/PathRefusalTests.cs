using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The staff trainee page refuses a path below the minimum without the confirmed reason, and any edit of a signed version.</summary>
[Collection(PortalCollection.Name)]
public class PathRefusalTests(DemoPortal portal)
{
    private sealed record Referential(int RegistrationId, IReadOnlyList<(int Id, int Number)> Units, IReadOnlyList<int> Competences);

    /// <summary>A followed trainee whose centre positioning staff recorded through the page (every competence « partiellement »).</summary>
    private async Task<(PortalClient Staff, Referential Trainee)> PositionedTraineeAsync()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var referential = await DbAsync(portal, async db =>
        {
            var certification = await db.Registrations.Where(r => r.Id == employee.RegistrationId).Select(r => r.CertificationId).SingleAsync();
            var units = await db.CertificationUnits.Where(u => u.CertificationId == certification).OrderBy(u => u.Number).Select(u => new { u.Id, u.Number }).ToListAsync();
            var competences = await db.Competences.Where(c => c.Unit!.CertificationId == certification).Select(c => c.Id).ToListAsync();
            return new Referential(employee.RegistrationId, units.Select(u => (u.Id, u.Number)).ToList(), competences);
        });
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var fields = referential.Competences.ToDictionary(id => $"Centre.Marks[{id}].Level", _ => "Partly");
        fields["Centre.InterviewOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var recorded = await staff.SubmitAsync(Page(referential), fields);
        Assert.True(PortalClient.IsRedirectTo(recorded, Page(referential)), $"{recorded.StatusCode}");
        return (staff, referential);
    }

    private static string Page(Referential trainee) => $"/Staff/Formation/Stagiaire/{trainee.RegistrationId}";

    private static Dictionary<string, string> PathFields(Referential trainee, params int[] hours) =>
        trainee.Units.Select((u, i) => (u.Id, Hours: hours[i])).ToDictionary(u => $"Path.Units[{u.Id}].Hours", u => u.Hours.ToString());

    private Task<int> PathVersionsAsync(Referential trainee) => DbAsync(portal, db => db.TrainingPaths.CountAsync(p => p.RegistrationId == trainee.RegistrationId));

    [Fact]
    public async Task A_path_below_seventy_hours_without_the_confirmed_reason_is_refused_in_French_nothing_is_saved_and_the_hours_stay()
    {
        var (staff, trainee) = await PositionedTraineeAsync();
        using var _ = staff;

        var refused = await staff.SubmitAsync(Page(trainee), PathFields(trainee, 21, 14, 14, 14));

        Assert.Equal(0, await PathVersionsAsync(trainee));
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("Rien n'a été enregistré", page.Body!.TextContent);
        Assert.Contains("70", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("21", page.QuerySelector($"#hours-{trainee.Units[0].Id}")!.GetAttribute("value"));

        // The reason alone is not enough either: the centre's positioning does not show every competence mastered.
        var fields = PathFields(trainee, 21, 14, 14, 14);
        fields["Path.ConfirmReducedHours"] = "true";
        fields["Path.ReducedHoursReason"] = "Expérience déjà acquise en entreprise";
        await staff.SubmitAsync(Page(trainee), fields);
        Assert.Equal(0, await PathVersionsAsync(trainee));
    }

    [Fact]
    public async Task A_signed_version_is_never_edited_a_post_changing_it_is_refused_and_the_signed_hours_stay()
    {
        var (staff, trainee) = await PositionedTraineeAsync();
        using var _ = staff;
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync(Page(trainee), PathFields(trainee, 56, 21, 14, 35)), Page(trainee)));
        var (_, signing) = await staff.GetAsync(Page(trainee));
        var sign = signing.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=Sign"));
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(sign, Page(trainee), new Dictionary<string, string>()), Page(trainee)));

        // The edit form is gone once signed; a post made from the earlier form is refused.
        var (_, signed) = await staff.GetAsync(Page(trainee));
        Assert.Null(signed.QuerySelector($"#hours-{trainee.Units[0].Id}"));
        var fields = PathFields(trainee, 40, 21, 14, 35);
        fields["Path.Version"] = "1";
        // The signed page's own form (and its anti-forgery token), sent to the path handler as the earlier form would be.
        var crafted = signed.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=NewVersion"));
        crafted.SetAttribute("action", $"{Page(trainee)}?handler=Path");
        var refused = await staff.PostFormAsync(crafted, Page(trainee), fields);
        var text = (await PortalClient.ParseAsync(refused)).Body!.TextContent;

        Assert.True(refused.StatusCode != HttpStatusCode.Redirect && text.Contains("porte déjà une signature"), $"{refused.StatusCode}: {text[..Math.Min(text.Length, 3000)]}");
        var stored = await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == trainee.RegistrationId)
            .Select(p => new { p.Version, Hours = p.Units.Sum(u => u.PlannedHours) }).ToListAsync());
        Assert.Equal(126, Assert.Single(stored).Hours);
    }
}
