using System.Text.RegularExpressions;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>
/// The whole certification journey of a trainee in the browser: evaluators assigned, grid marked and signed, a jury's
/// partial validation, the re-evaluation of the missing units only, a second jury's total validation, the certificate
/// signed by SIST, downloaded by the holder and verified by an anonymous visitor. The portal runs on real time: time
/// passes by moving a session's start into the past in the database (<see cref="HoldSessionAsync"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public class CertificationJourneyTests(BrowserPortal portal)
{
    private sealed record Unit(int Id, int Number, string Title, List<string> Codes);

    private async Task<T> DbAsync<T>(Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    /// <summary>
    /// The session is held: it started <paramref name="ago"/> before now. Sessions are held days apart, as in life: a
    /// re-evaluation counts for a jury only when held after the day of the candidate's last jury.
    /// </summary>
    private Task HoldSessionAsync(int sessionId, TimeSpan ago) => DbAsync(async db =>
    {
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        session.StartsAt = DateTimeOffset.UtcNow - ago;
        session.RegistrationDeadline = DayInParis.Of(session.StartsAt).AddDays(-7);
        return await db.SaveChangesAsync();
    });

    /// <summary>A coming session of the demo certification in a unique place; returns its id.</summary>
    private Task<int> ComingSessionAsync(SessionKind kind, string placeName, TimeSpan startsIn) => DbAsync(async db =>
    {
        var startsAt = DateTimeOffset.UtcNow + startsIn;
        var session = new Session
        {
            CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = startsAt, DurationMinutes = 240,
            PlaceName = placeName, Address = "3 quai de la Fosse", PostalCode = "44000", City = "Nantes", Region = Region.Ouest, Capacity = 10,
            RegistrationDeadline = DayInParis.Of(startsAt).AddDays(-3),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    private async Task<IPage> PageAsAsync(string email)
    {
        var context = await portal.SignedInAsync(email);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_trainee_is_evaluated_partially_validated_re_evaluated_on_the_missing_units_certified_and_verified()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var lastName = $"Parcours{tag}";
        var rowName = $"{lastName.ToUpperInvariant()} Inès";
        var holderName = $"Inès {lastName}";
        var email = $"parcours-{tag}@exemple.fr";
        var today = DayInParis.Today(TimeProvider.System);
        var admissibleOn = today.AddMonths(-2);

        // An admissible trainee with an account, enrolled in a coming evaluation session.
        int registrationId, firstEvaluation;
        string certificationName;
        int limitMonths;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = holderName };
            Assert.True((await users.CreateAsync(user, PortalClient.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Candidate);
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certification = await db.Certifications.OrderBy(c => c.Id).FirstAsync();
            (certificationName, limitMonths) = (certification.Name, certification.JourneyLimitMonths);
            var registration = new Registration
            {
                CertificationId = certification.Id, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EducationLevel = 4,
                EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = admissibleOn.AddDays(-10), AdmissibilityDecidedOn = admissibleOn,
                PrivacyConsentAt = DateTimeOffset.UtcNow.AddMonths(-3),
            };
            db.Candidates.Add(new Candidate
            {
                UserId = user.Id, Email = email, FirstName = "Inès", LastName = lastName, BirthDate = new DateOnly(1991, 2, 3), Sex = Sex.Female,
                Region = Region.Ouest, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }
        firstEvaluation = await ComingSessionAsync(SessionKind.Evaluation, $"Centre d'examen Graslin {tag}", TimeSpan.FromDays(20));
        await DbAsync(async db =>
        {
            db.SessionEnrolments.Add(new SessionEnrolment { SessionId = firstEvaluation, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var units = await DbAsync(async db => (await db.CertificationUnits.Where(u => db.Registrations.Any(r => r.Id == registrationId && r.CertificationId == u.CertificationId))
                .OrderBy(u => u.Number).Select(u => new { u.Id, u.Number, u.Title, Codes = u.Competences.OrderBy(c => c.Id).Select(c => c.Code).ToList() }).ToListAsync())
            .Select(u => new Unit(u.Id, u.Number, u.Title, u.Codes)).ToList());
        Assert.Equal([1, 2, 3, 4], units.Select(u => u.Number));

        // 1. Staff assign the evaluator and the remote co-evaluator.
        var staff = await PageAsAsync("staff@cqp.test");
        await staff.GotoAsync($"/Staff/Sessions/Evaluateurs/{firstEvaluation}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = rowName })).ToBeVisibleAsync();
        await staff.Locator("#evaluator-id").SelectOptionAsync(new SelectOptionValue { Label = "Hélène Roux (Permanence Roux Conseil (télésecrétariat))" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Affecter comme évaluateur" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Évaluateur affecté");
        await staff.Locator("#coevaluator-id").SelectOptionAsync(new SelectOptionValue { Label = "Karim Benali (Centre de formation des métiers du téléphone)" });
        await staff.GetByLabel("À distance").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Affecter comme co-évaluateur" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Co-évaluateur affecté");
        await Assertions.Expect(staff.Locator("section[aria-labelledby='role-coevaluator']")).ToContainTextAsync("Karim Benali (Centre de formation des métiers du téléphone), à distance");
        await Assertions.Expect(staff.Locator("section[aria-labelledby='role-evaluator']")).ToContainTextAsync("Hélène Roux");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        // 2. The session is held: units 2 and 4 not acquired.
        await HoldSessionAsync(firstEvaluation, TimeSpan.FromDays(20));
        var evaluator = await PageAsAsync("evaluateur@cqp.test");
        var coEvaluator = await PageAsAsync("evaluateur2@cqp.test");
        await EvaluateAsync(evaluator, coEvaluator, firstEvaluation, rowName, units, notAcquired: [2, 4], axe: true);

        // 3. A coming jury: staff convene the candidate, assign both members, designate the president; the jury is held.
        var firstJury = await ComingSessionAsync(SessionKind.Jury, $"Salle du jury Graslin {tag}", TimeSpan.FromDays(30));
        await staff.GotoAsync($"/Staff/Jurys/Session/{firstJury}");
        await staff.GetByRole(AriaRole.Button, new() { Name = $"Convoquer {rowName}" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Le candidat est convoqué");
        foreach (var member in new[] { "Patrick Fournier (jury@cqp.test)", "Martine Chevalier (jury2@cqp.test)" })
        {
            await staff.GetByLabel("Ajouter un membre du jury").SelectOptionAsync(new SelectOptionValue { Label = member });
            await staff.GetByRole(AriaRole.Button, new() { Name = "Affecter à ce jury" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Le membre est affecté à ce jury");
        }
        await staff.GetByRole(AriaRole.Button, new() { Name = "Désigner président Patrick Fournier" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Le président du jury est désigné");
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "jury@cqp.test" })).ToContainTextAsync("Président(e)");
        await HoldSessionAsync(firstJury, TimeSpan.FromDays(15));

        var president = await PageAsAsync("jury@cqp.test");
        var member2 = await PageAsAsync("jury2@cqp.test");
        await president.GotoAsync($"/Jury/Session/{firstJury}");
        var card = president.Locator($"section[aria-labelledby='cand-{registrationId}']");
        var file = await president.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = $"Dossier d'évaluation de {rowName}" }).ClickAsync());
        var fileBytes = await File.ReadAllBytesAsync(await file.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(fileBytes, 0, 4));
        Assert.Contains($"Inès {lastName}", PdfText.Of(fileBytes));
        await Accessibility.AssertNoSeriousViolationsAsync(president);
        await card.GetByLabel(new Regex($"^Unité 1 :")).CheckAsync();
        await card.GetByLabel(new Regex($"^Unité 3 :")).CheckAsync();
        await card.GetByRole(AriaRole.Radio, new() { Name = "Validation partielle", Exact = true }).CheckAsync();
        await card.GetByLabel("Observations du jury", new() { Exact = false }).FillAsync("Unités 2 et 4 à repasser : prise de messages et gestion des appels difficiles.");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer la délibération de {rowName}" }).ClickAsync();
        await Assertions.Expect(president.GetByRole(AriaRole.Status)).ToContainTextAsync("Délibération enregistrée");
        await SignMinutesAsync(president, member2, firstJury);
        await Accessibility.AssertNoSeriousViolationsAsync(president);

        // 4. The candidate sees what is acquired, what remains and until when; signs up for a later evaluation.
        var deadline = JourneyDeadline.From(admissibleOn, limitMonths).Deadline;
        var candidate = await PageAsAsync(email);
        await candidate.GotoAsync("/Candidat");
        var dashboard = candidate.Locator($"section[aria-labelledby='reg-{registrationId}']");
        await Assertions.Expect(dashboard).ToContainTextAsync("Décision du jury : Validation partielle");
        await Assertions.Expect(dashboard).ToContainTextAsync($"Vous avez jusqu'au {FrenchFormat.Date(deadline)}");
        var acquired = dashboard.Locator("p:has-text('Unités acquises') + ul");
        var remaining = dashboard.Locator("p:has-text('Unités restant à valider') + ul");
        await Assertions.Expect(acquired).ToContainTextAsync($"Unité 1 – {units[0].Title}");
        await Assertions.Expect(acquired).ToContainTextAsync($"Unité 3 – {units[2].Title}");
        await Assertions.Expect(remaining).ToContainTextAsync($"Unité 2 – {units[1].Title}");
        await Assertions.Expect(remaining).ToContainTextAsync($"Unité 4 – {units[3].Title}");
        await Assertions.Expect(dashboard).ToContainTextAsync($"Unités restant à valider avant le {FrenchFormat.Date(deadline)}");

        var secondPlace = $"Centre d'examen Talensac {tag}";
        var secondEvaluation = await ComingSessionAsync(SessionKind.Evaluation, secondPlace, TimeSpan.FromDays(12));
        await candidate.GotoAsync("/Candidat/Sessions");
        await candidate.GetByRole(AriaRole.Row).Filter(new() { HasText = secondPlace }).GetByRole(AriaRole.Button, new() { Name = "M'inscrire", Exact = false }).ClickAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous êtes inscrit(e)");

        // 5. The re-evaluation (evaluators assigned in the database, the page was covered above): units 2 and 4 only.
        await DbAsync(async db =>
        {
            var roux = await db.Evaluators.Where(e => e.Email == "evaluateur@cqp.test").Select(e => e.Id).SingleAsync();
            var benali = await db.Evaluators.Where(e => e.Email == "evaluateur2@cqp.test").Select(e => e.Id).SingleAsync();
            db.SessionEvaluators.AddRange(
                new SessionEvaluator { SessionId = secondEvaluation, EvaluatorId = roux, Role = EvaluatorRole.Evaluator, AssignedAt = DateTimeOffset.UtcNow },
                new SessionEvaluator { SessionId = secondEvaluation, EvaluatorId = benali, Role = EvaluatorRole.CoEvaluator, Remote = true, AssignedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await HoldSessionAsync(secondEvaluation, TimeSpan.FromDays(5));
        await EvaluateAsync(evaluator, coEvaluator, secondEvaluation, rowName, units.Where(u => u.Number is 2 or 4).ToList(), notAcquired: [], axe: false,
            absent: units.Where(u => u.Number is 1 or 3).ToList());

        // 6. A second jury (members in the database): total validation, minutes signed, certificate issued.
        var secondJury = await ComingSessionAsync(SessionKind.Jury, $"Salle du jury Talensac {tag}", TimeSpan.FromDays(30));
        await DbAsync(async db =>
        {
            foreach (var (memberEmail, isPresident) in new[] { ("jury@cqp.test", true), ("jury2@cqp.test", false) })
                db.JurySessionMembers.Add(new JurySessionMember
                {
                    SessionId = secondJury, UserId = await db.Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync(),
                    IsPresident = isPresident, AssignedAt = DateTimeOffset.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        await staff.GotoAsync($"/Staff/Jurys/Session/{secondJury}");
        await staff.GetByRole(AriaRole.Button, new() { Name = $"Convoquer {rowName}" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Le candidat est convoqué");
        await HoldSessionAsync(secondJury, TimeSpan.FromHours(1));
        await president.GotoAsync($"/Jury/Session/{secondJury}");
        card = president.Locator($"section[aria-labelledby='cand-{registrationId}']");
        await Assertions.Expect(card.GetByLabel(new Regex("^Unité 1 :"))).ToBeDisabledAsync(); // validated by the first jury
        await card.GetByLabel(new Regex("^Unité 2 :")).CheckAsync();
        await card.GetByLabel(new Regex("^Unité 4 :")).CheckAsync();
        await card.GetByRole(AriaRole.Radio, new() { Name = "Validation totale", Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer la délibération de {rowName}" }).ClickAsync();
        await Assertions.Expect(president.GetByRole(AriaRole.Status)).ToContainTextAsync("Délibération enregistrée");
        await SignMinutesAsync(president, member2, secondJury);
        var number = await DbAsync(db => db.Certificates.Where(c => c.RegistrationId == registrationId).Select(c => c.Number).SingleAsync());

        // 7. SIST marks the certificate signed; the holder downloads it; a visitor verifies it.
        var sist = await PageAsAsync("sist@cqp.test");
        await sist.GotoAsync("/Analyse/Certificats");
        var holderRow = sist.GetByRole(AriaRole.Row).Filter(new() { HasText = holderName });
        await Assertions.Expect(holderRow).ToContainTextAsync(number);
        await holderRow.GetByRole(AriaRole.Button, new() { Name = $"Marquer signé le certificat de {holderName}" }).ClickAsync();
        await Assertions.Expect(sist.GetByRole(AriaRole.Status)).ToContainTextAsync("Certificat marqué signé");
        await Assertions.Expect(holderRow.GetByRole(AriaRole.Button, new() { Name = $"Marquer envoyé le certificat de {holderName}" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(sist);

        await candidate.GotoAsync("/Candidat");
        var certificate = await candidate.RunAndWaitForDownloadAsync(() =>
            candidate.Locator("#documents + ul").GetByRole(AriaRole.Link, new() { Name = $"Certificat – {certificationName}" }).ClickAsync());
        var certificateBytes = await File.ReadAllBytesAsync(await certificate.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(certificateBytes, 0, 4));
        Assert.Contains(holderName, PdfText.Of(certificateBytes));

        await using var visitorContext = await portal.NewVisitorAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/Verifier-un-certificat");
        await visitor.GetByLabel("Numéro du certificat").FillAsync(number);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        var found = visitor.GetByRole(AriaRole.Status);
        await Assertions.Expect(found).ToContainTextAsync("Certificat authentique");
        await Assertions.Expect(found).ToContainTextAsync(holderName);
        await Assertions.Expect(found).ToContainTextAsync(certificationName);
        await Assertions.Expect(found).ToContainTextAsync(FrenchFormat.Date(DayInParis.Of(DateTimeOffset.UtcNow.AddHours(-1))));
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);

        foreach (var page in new[] { staff, evaluator, coEvaluator, president, member2, candidate, sist }) await page.Context.CloseAsync();
    }

    /// <summary>
    /// At a held session: the evaluator marks the candidate present and opens the grid, marks every competence (those of
    /// <paramref name="notAcquired"/> units « non acquise » with an observation) and saves; the co-evaluator agrees with
    /// each and signs; the evaluator signs.
    /// </summary>
    private static async Task EvaluateAsync(IPage evaluator, IPage coEvaluator, int sessionId, string rowName, List<Unit> units, int[] notAcquired,
        bool axe, List<Unit>? absent = null)
    {
        await evaluator.GotoAsync($"/Evaluation/Session/{sessionId}");
        await evaluator.GetByLabel($"Présence de {rowName}").SelectOptionAsync(new SelectOptionValue { Label = "Présent" });
        await evaluator.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer la présence de {rowName}" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Status)).ToContainTextAsync("Présence enregistrée");
        await evaluator.GetByRole(AriaRole.Link, new() { Name = $"Grille d'évaluation de {rowName}" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = "Grille d'évaluation", Exact = true })).ToBeVisibleAsync();
        var gridUrl = evaluator.Url;

        var unitHeadings = evaluator.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { HasTextRegex = new Regex("^Unité \\d") });
        await Assertions.Expect(unitHeadings).ToHaveCountAsync(units.Count);
        foreach (var unit in units)
            await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = $"Unité {unit.Number} : {unit.Title}" })).ToBeVisibleAsync();
        foreach (var unit in absent ?? [])
            await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = $"Unité {unit.Number} : {unit.Title}" })).ToHaveCountAsync(0);

        foreach (var unit in units)
            foreach (var code in unit.Codes)
            {
                if (notAcquired.Contains(unit.Number))
                {
                    await evaluator.GetByLabel($"Non acquise ({code})", new() { Exact = true }).CheckAsync();
                    await evaluator.GetByLabel($"Observation ({code})", new() { Exact = false }).FillAsync($"{code} : consignes de prise de message incomplètes.");
                }
                else await evaluator.GetByLabel($"Acquise ({code})", new() { Exact = true }).CheckAsync();
            }
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Grille enregistrée" })).ToBeVisibleAsync();
        if (axe) await Accessibility.AssertNoSeriousViolationsAsync(evaluator);

        await coEvaluator.GotoAsync(gridUrl);
        foreach (var code in units.SelectMany(u => u.Codes))
            await coEvaluator.GetByLabel($"D'accord ({code})", new() { Exact = true }).CheckAsync();
        await coEvaluator.GetByRole(AriaRole.Button, new() { Name = "Signer la grille" }).ClickAsync();
        await Assertions.Expect(coEvaluator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre signature est enregistrée" })).ToBeVisibleAsync();

        await evaluator.GotoAsync(gridUrl);
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Signer la grille" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre signature est enregistrée" })).ToBeVisibleAsync();
        await Assertions.Expect(evaluator.GetByText("signée et verrouillée")).ToBeVisibleAsync();
        foreach (var unit in units)
            await Assertions.Expect(evaluator.Locator($"section[aria-labelledby='unit-{unit.Id}']"))
                .ToContainTextAsync(notAcquired.Contains(unit.Number) ? "unité non acquise" : "unité acquise");
    }

    /// <summary>The president signs the minutes, then the other member: the minutes lock.</summary>
    private static async Task SignMinutesAsync(IPage president, IPage member, int juryId)
    {
        await president.GotoAsync($"/Jury/Session/{juryId}");
        await president.GetByRole(AriaRole.Button, new() { Name = "Signer le procès-verbal" }).ClickAsync();
        await Assertions.Expect(president.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous avez signé le procès-verbal");
        await member.GotoAsync($"/Jury/Session/{juryId}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Signer le procès-verbal" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous avez signé le procès-verbal");
        await Assertions.Expect(member.GetByText("Signé par tous les membres et verrouillé", new() { Exact = false })).ToBeVisibleAsync();
    }
}
