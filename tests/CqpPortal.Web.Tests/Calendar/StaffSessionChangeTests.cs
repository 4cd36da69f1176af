using CqpPortal.Domain.Time;
using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Calendar;

/// <summary>What changing or cancelling a session does to the people already enrolled or waiting, and how juries read to candidates.</summary>
[Collection(PortalCollection.Name)]
public class StaffSessionChangeTests(DemoPortal portal)
{
    private static readonly int Year = DateTime.UtcNow.Year + 1;

    private static Dictionary<string, string> Form(string date, string place, string capacity = "10", string start = "09:30", string city = "Lille") => new()
    {
        ["Input.Kind"] = "Evaluation", ["Input.Date"] = date, ["Input.Start"] = start, ["Input.DurationMinutes"] = "220",
        ["Input.PlaceName"] = place, ["Input.Address"] = "5 rue de la Paix", ["Input.PostalCode"] = "59000", ["Input.City"] = city,
        ["Input.Region"] = "Nord", ["Input.Capacity"] = capacity, ["Input.RegistrationDeadline"] = $"{Year}-03-01",
    };

    private sealed record Setup(int SessionId, string Place, List<string> Emails);

    /// <summary>A session on 10 March next year at 09:30 in Paris with people enrolled, waiting and withdrawn, in that order.</summary>
    private async Task<Setup> SessionWithPeopleAsync(int enrolled, int waiting = 0, int withdrawn = 0, SessionKind kind = SessionKind.Evaluation)
    {
        var place = $"Salle {Guid.NewGuid():N}"[..14];
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = DayInParis.At(new DateOnly(Year, 3, 10), new TimeOnly(9, 30)).ToUniversalTime(),
            DurationMinutes = 220, PlaceName = place, Address = "5 rue de la Paix", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 5,
            RegistrationDeadline = new DateOnly(Year, 3, 1),
        };
        var registrations = await db.Registrations.Where(r => r.State == RegistrationState.Admissible).OrderByDescending(r => r.Id)
            .Take(enrolled + waiting + withdrawn).Include(r => r.Candidate).ToListAsync();
        var states = Enumerable.Repeat(EnrolmentState.Enrolled, enrolled).Concat(Enumerable.Repeat(EnrolmentState.Waiting, waiting)).Concat(Enumerable.Repeat(EnrolmentState.Cancelled, withdrawn)).ToList();
        for (var i = 0; i < states.Count; i++)
            session.Enrolments.Add(new SessionEnrolment
            {
                RegistrationId = registrations[i].Id, State = states[i], EnrolledAt = DateTimeOffset.UtcNow,
                Reminder14SentAt = states[i] == EnrolmentState.Enrolled ? DateTimeOffset.UtcNow : null,
            });
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return new Setup(session.Id, place, registrations.Select(r => r.Candidate!.Email).ToList());
    }

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    private static async Task<HttpResponseMessage> EditAsync(PortalClient staff, int id, Dictionary<string, string> fields)
    {
        var (_, edit) = await staff.GetAsync($"/Staff/Sessions/Edition/{id}");
        var form = edit.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Date"));
        return await staff.PostFormAsync(form, $"/Staff/Sessions/Edition/{id}", fields);
    }

    private async Task<Session> StoredAsync(int id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AsNoTracking().Include(s => s.Enrolments).SingleAsync(s => s.Id == id);
    }

    private int MailsTo(string email, string subject) =>
        portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase) && m.Contains(subject));

    [Fact]
    public async Task The_capacity_cannot_go_below_the_candidates_already_enrolled()
    {
        var setup = await SessionWithPeopleAsync(enrolled: 3, waiting: 1);
        using var staff = await StaffAsync();

        var refused = await EditAsync(staff, setup.SessionId, Form($"{Year}-03-10", setup.Place, capacity: "2"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("3 candidat(s) sont déjà inscrits : la capacité ne peut pas être inférieure à 3.", page.QuerySelector("#capacity-error")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#Input_Capacity")!.GetAttribute("value")); // what staff typed stays
        Assert.Equal(5, (await StoredAsync(setup.SessionId)).Capacity);

        Assert.True(PortalClient.IsRedirectTo(await EditAsync(staff, setup.SessionId, Form($"{Year}-03-10", setup.Place, capacity: "3")), "/Staff/Sessions"));
        Assert.Equal(3, (await StoredAsync(setup.SessionId)).Capacity);
    }

    [Fact]
    public async Task Moving_a_session_emails_the_people_enrolled_or_waiting_with_the_old_and_new_date_and_renews_the_convocation()
    {
        var setup = await SessionWithPeopleAsync(enrolled: 1, waiting: 1, withdrawn: 1);
        var withdrawnBefore = MailsTo(setup.Emails[2], "Changement de votre session");
        using var staff = await StaffAsync();

        var moved = await EditAsync(staff, setup.SessionId, Form($"{Year}-03-12", setup.Place, start: "14:00"));
        Assert.True(PortalClient.IsRedirectTo(moved, "/Staff/Sessions"), $"{moved.StatusCode}");
        var (_, list) = await staff.GetAsync("/Staff/Sessions");
        Assert.Contains("Session modifiée ; 2 candidat(s) prévenu(s) par e-mail du changement.", list.Body!.TextContent);

        foreach (var email in setup.Emails.Take(2))
        {
            var mail = portal.Mail.LatestTo(email);
            Assert.Contains("Changement de votre session", mail);
            Assert.Contains($"10 mars {Year} à 9 h 30, {setup.Place}", mail.Split("Avant : ")[1]);
            Assert.Contains($"12 mars {Year} à 14 h, {setup.Place}", mail.Split("Désormais : ")[1]);
        }
        Assert.Equal(withdrawnBefore, MailsTo(setup.Emails[2], "Changement de votre session"));

        var stored = await StoredAsync(setup.SessionId);
        var enrolled = stored.Enrolments.Single(e => e.State == EnrolmentState.Enrolled);
        Assert.Null(enrolled.Reminder14SentAt); // the reminders will count from the new date
        await using var scope = portal.Services.CreateAsyncScope();
        var convocation = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().CandidateDocuments
            .Where(d => d.RegistrationId == enrolled.RegistrationId).OrderByDescending(d => d.Id).FirstAsync();
        Assert.Contains("(modifiée)", convocation.Title);
        Assert.Contains($"12 mars {Year} à 14 h", PdfText.Of(convocation.Content));
    }

    [Fact]
    public async Task Changing_the_place_emails_too_but_changing_only_the_capacity_emails_no_one()
    {
        var setup = await SessionWithPeopleAsync(enrolled: 1);
        using var staff = await StaffAsync();
        var before = MailsTo(setup.Emails[0], "Changement de votre session");

        Assert.True(PortalClient.IsRedirectTo(await EditAsync(staff, setup.SessionId, Form($"{Year}-03-10", setup.Place, capacity: "8")), "/Staff/Sessions"));
        Assert.Equal(before, MailsTo(setup.Emails[0], "Changement de votre session"));

        Assert.True(PortalClient.IsRedirectTo(await EditAsync(staff, setup.SessionId, Form($"{Year}-03-10", setup.Place, city: "Roubaix")), "/Staff/Sessions"));
        Assert.Equal(before + 1, MailsTo(setup.Emails[0], "Changement de votre session"));
        Assert.Contains("59000 Roubaix", portal.Mail.LatestTo(setup.Emails[0]));
    }

    [Fact]
    public async Task Cancelling_a_session_cancels_the_enrolments_of_the_people_it_emails()
    {
        var setup = await SessionWithPeopleAsync(enrolled: 2, waiting: 1);
        using var staff = await StaffAsync();
        var cancelled = await staff.SubmitAsync($"/Staff/Sessions/Edition/{setup.SessionId}", new Dictionary<string, string> { ["CancellationReason"] = "Évaluateur indisponible." });
        Assert.True(PortalClient.IsRedirectTo(cancelled, "/Staff/Sessions"));

        var stored = await StoredAsync(setup.SessionId);
        Assert.All(stored.Enrolments, e =>
        {
            Assert.Equal(EnrolmentState.Cancelled, e.State);
            Assert.Equal(stored.CancelledAt, e.CancelledAt);
        });
        foreach (var email in setup.Emails) Assert.Contains("Motif : Évaluateur indisponible.", portal.Mail.LatestTo(email));
    }

    [Fact]
    public async Task A_jury_shows_candidates_that_they_are_convened_and_never_open_or_a_sign_up_link()
    {
        var setup = await SessionWithPeopleAsync(enrolled: 0, kind: SessionKind.Jury);
        using var visitor = PortalClient.For(portal);
        var (_, page) = await visitor.GetAsync($"/calendrier/{setup.SessionId}");
        Assert.Equal("Sur convocation (pas d'inscription en ligne)", page.QuerySelector("#availability")!.TextContent);
        Assert.Contains("Les candidats ne s'inscrivent pas au jury", page.QuerySelector("#jury-convocation")!.TextContent);
        Assert.DoesNotContain("Ouverte", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main a[href='/Candidat/Sessions']"));
        Assert.DoesNotContain("restante(s)", page.QuerySelector("main")!.TextContent);

        var (_, calendar) = await visitor.GetAsync("/calendrier?type=Jury&region=Nord");
        var row = calendar.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(setup.Place));
        Assert.Contains("Sur convocation", row.TextContent);
        Assert.DoesNotContain("Ouverte", row.TextContent);
        Assert.All(calendar.QuerySelectorAll("tbody tr"), r => Assert.DoesNotContain("Ouverte", r.TextContent));
    }
}
