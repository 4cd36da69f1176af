using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Tests.Juries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Companies;

/// <summary>The approved managers of a followed employee get an e-mail at each convocation, the admissibility decision and the jury result; never for the others.</summary>
[Collection(PortalCollection.Name)]
public class CompanyFollowingEmailTests(DemoPortal portal)
{
    private static TService Service<TService>(AsyncServiceScope scope) where TService : notnull => scope.ServiceProvider.GetRequiredService<TService>();

    private static Dictionary<string, string> Decision(string decision, string motive) => new() { ["Input.Decision"] = decision, ["Input.Motive"] = motive };

    [Fact]
    public async Task The_managers_of_an_employee_who_agreed_get_the_admissibility_decision_and_those_of_one_who_did_not_get_nothing()
    {
        var company = await CompanyAsync(portal);
        var followed = await EmployeeAsync(portal, company, follows: true, RegistrationState.Submitted);
        var otherCompany = await CompanyAsync(portal);
        var notFollowed = await EmployeeAsync(portal, otherCompany, follows: false, RegistrationState.Submitted);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");

        const string motive = "Expérience au téléphone insuffisante pour le niveau déclaré.";
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{followed.RegistrationId}", Decision("NotAdmissible", motive)), "/Staff/Recevabilite"));
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{notFollowed.RegistrationId}", Decision("Admissible", "")), "/Staff/Recevabilite"));

        var mail = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Subject: Recevabilité de la candidature de {followed.Name}", mail);
        Assert.Contains("n'est pas recevable", mail);
        Assert.Contains(motive, mail);
        Assert.Contains("accepté que l'entreprise suive son dossier", mail);
        Assert.Contains("recevable", portal.Mail.LatestTo(notFollowed.Email)); // the candidate is told…
        Assert.Equal(0, MailsTo(portal, otherCompany.ManagerEmail)); // …their company is not
    }

    [Fact]
    public async Task The_managers_get_the_convocation_when_a_followed_employee_signs_up_for_an_evaluation()
    {
        var company = await CompanyAsync(portal);
        var followed = await EmployeeAsync(portal, company, follows: true);
        var notFollowed = await EmployeeAsync(portal, company, follows: null);
        var sessionId = await SessionAsync(portal, 20, [], place: "Centre Convocation");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var enrolments = Service<SessionEnrolments>(scope);
            foreach (var employee in new[] { notFollowed, followed })
            {
                var userId = await DbAsync(portal, db => db.Users.Where(u => u.Email == employee.Email).Select(u => u.Id).SingleAsync());
                Assert.Equal(Domain.Sessions.SignUpOutcome.Enrolled, (await enrolments.SignUpAsync(userId, sessionId)).Outcome);
            }
        }
        var mail = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Subject: Convocation de {followed.Name}", mail);
        Assert.Contains("Évaluation (mise en situation professionnelle simulée) le", mail);
        Assert.Contains("Centre Convocation, 12 rue des Tests, 35000 Rennes", mail);
        Assert.Equal(1, MailsTo(portal, company.ManagerEmail));
    }

    [Fact]
    public async Task The_managers_of_a_followed_employee_hear_when_the_organisation_moves_then_cancels_the_session()
    {
        var company = await CompanyAsync(portal);
        var followed = await EmployeeAsync(portal, company, follows: true);
        var sessionId = await SessionAsync(portal, 20, [], place: "Centre Déplacé");
        await using var scope = portal.Services.CreateAsyncScope();
        var userId = await DbAsync(portal, db => db.Users.Where(u => u.Email == followed.Email).Select(u => u.Id).SingleAsync());
        Assert.Equal(Domain.Sessions.SignUpOutcome.Enrolled, (await Service<SessionEnrolments>(scope).SignUpAsync(userId, sessionId)).Outcome);

        var session = await DbAsync(portal, db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        var day = Domain.Time.DayInParis.Of(session.StartsAt).AddDays(1);
        while (Domain.Sessions.SessionDateAdvice.Warnings(day).Count > 0) day = day.AddDays(1);
        var moved = await Service<SessionAdministration>(scope).SaveAsync(sessionId, new SessionDetails(session.Kind, day, new TimeOnly(14, 0), session.DurationMinutes,
            "Salle Nouvelle", session.Address, session.PostalCode, session.City, session.Region, session.Capacity, session.RegistrationDeadline), null);
        Assert.Empty(moved.Errors);
        var changed = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Subject: Convocation modifiée de {followed.Name}", changed);
        Assert.Contains("Salle Nouvelle", changed);

        Assert.True((await Service<SessionAdministration>(scope).CancelAsync(sessionId, "Salle indisponible")).Cancelled);
        Assert.Contains($"Subject: Session annulée : convocation de {followed.Name}", portal.Mail.LatestTo(company.ManagerEmail));
        Assert.Equal(3, MailsTo(portal, company.ManagerEmail)); // convened, moved, cancelled
    }

    /// <summary>A jury candidate (signed evaluation) made an employee of <paramref name="company"/> who agreed to be followed.</summary>
    private async Task<JuryCandidateFile> FollowedJuryCandidateAsync(FollowingCompany company)
    {
        var candidate = await JuryCandidates.CreateAsync(portal, evaluatedDaysAgo: 20);
        await DbAsync(portal, async db =>
        {
            var registration = await db.Registrations.Include(r => r.Candidate).SingleAsync(r => r.Id == candidate.RegistrationId);
            registration.Candidate!.CompanyId = company.Id;
            registration.EmployerName = company.Name;
            registration.CompanyMayFollow = true;
            return await db.SaveChangesAsync();
        });
        return candidate;
    }

    [Fact]
    public async Task The_managers_get_the_jury_convocation_and_the_result_once_the_minutes_are_locked_without_the_jurys_observations()
    {
        var company = await CompanyAsync(portal);
        var candidate = await FollowedJuryCandidateAsync(company);
        var coming = await JurySessions.CreateAsync(portal, 30, [], []);
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Null(await Service<JuryProceedings>(scope).ConveneAsync(coming, candidate.RegistrationId));
        var convocation = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Subject: Convocation de Alix {candidate.LastName}", convocation);
        Assert.Contains("Jury le", convocation);
        Assert.Contains("Salle des jurys, 7 rue du Jury, 44000 Nantes", convocation);

        // A jury held yesterday: the president's decision is told only when the last member signs the minutes.
        var president = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Paule Présidente");
        var member = await TestAccounts.CreateAsync(portal, Roles.JuryMember, "Marc Assesseur");
        var held = await JurySessions.CreateAsync(portal, -1, [candidate.RegistrationId], [president, member]);
        await JuryCandidates.PresideAsync(portal, held, president);
        var units = await JuryCandidates.UnitIdsAsync(portal);
        var presidentId = await DbAsync(portal, db => JurySessions.UserIdAsync(db, president));
        var memberId = await DbAsync(portal, db => JurySessions.UserIdAsync(db, member));
        await DbAsync(portal, async db =>
        {
            db.JuryDecisions.Add(new JuryDecision
            {
                RegistrationId = candidate.RegistrationId, SessionId = held, DecidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), Result = JuryResult.PartialValidation,
                Comment = "Observation pour le candidat seulement.", RecordedByUserId = presidentId, RecordedAt = DateTimeOffset.UtcNow,
                UnitResults = units.Select((u, i) => new JuryUnitResult { UnitId = u, Validated = i < 2 }).ToList(),
            });
            return await db.SaveChangesAsync();
        });
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Null(await Service<JuryMinutes>(scope).SignAsync(held, memberId));
        Assert.Equal(1, MailsTo(portal, company.ManagerEmail)); // not final yet
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Null(await Service<JuryMinutes>(scope).SignAsync(held, presidentId));

        var result = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Subject: Résultat du jury pour Alix {candidate.LastName}", result);
        Assert.Contains("Validation partielle", result);
        Assert.Contains("Unités validées : unité 1, unité 2.", result);
        Assert.DoesNotContain("Observation pour le candidat", result);
        Assert.Contains("Observation pour le candidat", portal.Mail.LatestTo(candidate.Email));
    }
}
