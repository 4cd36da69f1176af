using System.Globalization;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>
/// The training route in the browser, from the company's pre-positioning to the evaluation sign-up: the manager
/// pre-positions his employee, staff position her and propose a path of three units, she and the manager sign it, staff
/// plan two training sessions (one at a month end, kept after confirming the warning), enrol her and record attendance;
/// she downloads her attendance statement, the manager sees the hours, and after the last session the end-of-training
/// certificate downloads and the evaluation sign-up opens. The portal runs on real time: sessions are planned in the
/// future, then moved into the past in the database (the days go by) before attendance is recorded.
/// </summary>
[Collection(BrowserCollection.Name)]
public class TrainingRouteTests(BrowserPortal portal)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private async Task<T> DbAsync<T>(Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private async Task<IPage> PageAsAsync(string email) => await (await portal.SignedInAsync(email)).NewPageAsync();

    /// <summary>Ticks one level for every competence of the form whose radio ids start with <paramref name="prefix"/>.</summary>
    private static async Task MarkAsync(IPage page, string prefix, IEnumerable<(int CompetenceId, PositioningLevel Level)> marks)
    {
        foreach (var (id, level) in marks) await page.Locator($"#{prefix}-{id}-{level}").CheckAsync();
    }

    [Fact]
    public async Task A_trainee_is_positioned_signs_her_path_is_trained_and_recorded_then_gets_her_certificate_and_may_sign_up_for_the_evaluation()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var lastName = $"Formation{tag}";
        var name = $"Maëlle {lastName}";
        var email = $"formation-{tag}@exemple.fr";
        var place = $"Centre de formation Vauban {tag}";
        var evaluationPlace = $"Centre d'examen Vauban {tag}";
        var today = DayInParis.Today(TimeProvider.System);

        // An admissible trainee of manager@'s company who agreed to be followed; a coming evaluation to sign up for at the end.
        int registrationId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, PortalClient.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Candidate);
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var company = await db.CompanyManagers.Where(m => m.User!.Email == "manager@cqp.test").Select(m => m.Company!).FirstAsync();
            var registration = new Registration
            {
                CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training,
                State = RegistrationState.Admissible, Funding = Funding.ProfessionalisationContract, EmploymentStatus = EmploymentStatus.Employee,
                EmployerName = company.Name, EducationLevel = 4, TeleSecretaryMonths = 8, Region = Region.Nord, RegisteredOn = today.AddMonths(-2),
                AdmissibilityDecidedOn = today.AddMonths(-1), PrivacyConsentAt = DateTimeOffset.UtcNow.AddMonths(-2),
                CompanyMayFollow = true, CompanyConsentAt = DateTimeOffset.UtcNow.AddMonths(-2),
            };
            db.Candidates.Add(new Candidate
            {
                UserId = user.Id, Email = email, FirstName = "Maëlle", LastName = lastName, BirthDate = new DateOnly(1998, 4, 12), Sex = Sex.Female,
                Region = Region.Nord, CompanyId = company.Id, Registrations = [registration],
            });
            var evaluationStarts = DateTimeOffset.UtcNow.AddDays(40);
            db.Sessions.Add(new Session
            {
                CertificationId = registration.CertificationId, Kind = SessionKind.Evaluation, StartsAt = evaluationStarts, DurationMinutes = 240,
                PlaceName = evaluationPlace, Address = "2 rue Nationale", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 8,
                RegistrationDeadline = DayInParis.Of(evaluationStarts).AddDays(-7),
            });
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }
        var units = await DbAsync(db => db.CertificationUnits.Where(u => db.Registrations.Any(r => r.Id == registrationId && r.CertificationId == u.CertificationId))
            .OrderBy(u => u.Number).Select(u => new { u.Id, u.Number, u.MaximumTrainingHours, Competences = u.Competences.OrderBy(c => c.Id).Select(c => c.Id).ToList() }).ToListAsync());
        Assert.Equal([1, 2, 3, 4], units.Select(u => u.Number));
        // Unit 4 is mastered already: the path has three units.
        var marks = units.SelectMany(u => u.Competences.Select(c => (c, u.Number == 4 ? PositioningLevel.Mastered : PositioningLevel.Partly))).ToList();

        // 1. The manager pre-positions his employee and sends it.
        var manager = await PageAsAsync("manager@cqp.test");
        await manager.GotoAsync($"/Entreprise/Salarie/{registrationId}");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Pré-positionnement" }).ClickAsync();
        await manager.GetByLabel("Tuteur ou tutrice qui remplit ce pré-positionnement avec vous").FillAsync("Julien Caron, responsable d'équipe");
        await MarkAsync(manager, "Input-Marks", marks);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Transmettre à l'organisme" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("transmis");
        await Accessibility.AssertNoSeriousViolationsAsync(manager);

        // 2. Staff position her beside the company's view, then propose the path the positioning suggests (units 1 to 3).
        var staff = await PageAsAsync("staff@cqp.test");
        await staff.GotoAsync($"/Staff/Formation/Stagiaire/{registrationId}");
        await Assertions.Expect(staff.GetByText("Julien Caron, responsable d'équipe", new() { Exact = false }).First).ToBeVisibleAsync();
        await staff.GetByLabel("Date de l'entretien de positionnement").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await MarkAsync(staff, "Centre-Marks", marks);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le positionnement du centre" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        var hours = units.ToDictionary(u => u.Number, u => u.Number == 4 ? 0 : u.MaximumTrainingHours!.Value);
        foreach (var unit in units)
            await Assertions.Expect(staff.GetByLabel($"Heures prévues (unité {unit.Number})")).ToHaveValueAsync(hours[unit.Number].ToString(CultureInfo.InvariantCulture));
        await staff.GetByLabel("Modules à suivre (unité 3)").FillAsync("Accueil téléphonique et prise de messages");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et proposer à la signature" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Signer pour l'organisme de formation" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("En attente de signatures.")).ToBeVisibleAsync();

        // 3. The candidate and the manager sign it.
        var candidate = await PageAsAsync(email);
        await candidate.GotoAsync("/Candidat/Formation");
        await Assertions.Expect(candidate.GetByText("Accueil téléphonique et prise de messages")).ToBeVisibleAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Signer mon parcours" }).ClickAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        await manager.GotoAsync($"/Entreprise/Salarie/Parcours/{registrationId}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Signer le parcours pour l'entreprise" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        await staff.GotoAsync($"/Staff/Formation/Stagiaire/{registrationId}");
        await Assertions.Expect(staff.GetByText("Toutes les signatures sont réunies.")).ToBeVisibleAsync();

        // Units 1 and 2 were trained earlier (not this test's journey: straight into the database, 7 hours a day, all present).
        await DbAsync(async db =>
        {
            var trainer = await db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync();
            var day = today.AddMonths(-3);
            foreach (var unit in units.Where(u => u.Number is 1 or 2))
                for (var done = 0; done < hours[unit.Number]; done += 7, day = day.AddDays(7))
                {
                    var startsAt = DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime();
                    var enrolment = new SessionEnrolment { RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = startsAt.AddDays(-20) };
                    foreach (var half in TrainingDay.HalfDays(startsAt, 480))
                        enrolment.HalfDays.Add(new TrainingAttendance { HalfDay = half.HalfDay, Attendance = Attendance.Present, Hours = half.Hours, RecordedAt = startsAt.AddHours(8), RecordedByUserId = trainer });
                    db.Sessions.Add(new Session
                    {
                        CertificationId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => r.CertificationId).SingleAsync(), Kind = SessionKind.Training,
                        UnitId = unit.Id, ModuleTitle = $"Unité {unit.Number}", TrainerUserId = trainer, StartsAt = startsAt, DurationMinutes = 480, PlaceName = place + " (avant)",
                        Address = "1 rue Vauban", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 8, RegistrationDeadline = day.AddDays(-1),
                        Enrolments = [enrolment],
                    });
                }
            return await db.SaveChangesAsync();
        });

        // 4. Staff plan the two days of unit 3: an ordinary day, then a month end kept after confirming the warning.
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Month == 11 ? 3 : 2);
        var days = new[] { month.AddDays(9), month.AddMonths(1).AddDays(-3) };
        var sessionIds = new List<int>();
        foreach (var (day, index) in days.Select((d, i) => (d, i)))
        {
            await staff.GotoAsync("/Staff/Formation/Sessions/Edition");
            await staff.GetByLabel("Unité (bloc de compétences)").SelectOptionAsync(units.Single(u => u.Number == 3).Id.ToString(CultureInfo.InvariantCulture));
            await staff.GetByLabel("Titre du module").FillAsync($"Accueil téléphonique – jour {index + 1}");
            await staff.GetByLabel("Formateur").SelectOptionAsync(new SelectOptionValue { Label = "Claire Dubois" });
            await staff.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await staff.GetByLabel("Heure de début").FillAsync("09:00");
            await staff.GetByLabel("Heure de fin", new() { Exact = false }).FillAsync("17:00");
            await staff.GetByLabel("Région").SelectOptionAsync("HautsDeFrance");
            await staff.GetByLabel("Nom du lieu").FillAsync(place);
            await staff.GetByLabel("Salle", new() { Exact = false }).FillAsync($"Salle {index + 1}");
            await staff.GetByLabel("Adresse", new() { Exact = true }).FillAsync("1 rue Vauban");
            await staff.GetByLabel("Code postal").FillAsync("59000");
            await staff.GetByLabel("Ville").FillAsync("Lille");
            await staff.GetByLabel("Nombre de places").FillAsync("8");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la session" }).ClickAsync();
            if (index == 1)
            {
                // Nothing saved until the warning is confirmed; what was typed is still there.
                var warning = staff.GetByLabel("derniers jours du mois", new() { Exact = false });
                await Assertions.Expect(warning).ToBeVisibleAsync();
                await Assertions.Expect(staff.GetByLabel("Nom du lieu")).ToHaveValueAsync(place);
                await warning.CheckAsync();
                await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la session" }).ClickAsync();
            }
            var id = await DbAsync(db => db.Sessions.Where(s => s.PlaceName == place && s.ModuleTitle == $"Accueil téléphonique – jour {index + 1}").Select(s => s.Id).SingleOrDefaultAsync());
            Assert.NotEqual(0, id);
            sessionIds.Add(id);

            // 5. …and enrol her: she gets the convocation.
            await staff.GotoAsync($"/Staff/Formation/Sessions/Inscrits/{id}");
            await staff.Locator("#RegistrationId").SelectOptionAsync(registrationId.ToString(CultureInfo.InvariantCulture));
            await staff.GetByRole(AriaRole.Button, new() { Name = "Inscrire et envoyer la convocation" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToBeVisibleAsync();
        }
        Assert.Equal(2, portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase) && m.Contains("Convocation", StringComparison.Ordinal)));

        // She and her manager see the planning.
        await candidate.GotoAsync("/Candidat/Formation/Planning");
        await Assertions.Expect(candidate.GetByText("Accueil téléphonique – jour 2")).ToBeVisibleAsync();
        await manager.GotoAsync($"/Entreprise/Salarie/Formation/{registrationId}");
        await Assertions.Expect(manager.GetByText("Accueil téléphonique – jour 1")).ToBeVisibleAsync();

        // 6. The days go by; staff record attendance on each sheet (the hours come from the half-days).
        await DbAsync(async db =>
        {
            foreach (var (id, ago) in sessionIds.Zip(new[] { 9, 8 }))
            {
                var session = await db.Sessions.SingleAsync(s => s.Id == id);
                session.StartsAt = DayInParis.At(today.AddDays(-ago), new TimeOnly(9, 0)).ToUniversalTime();
                session.RegistrationDeadline = today.AddDays(-ago - 1);
            }
            return await db.SaveChangesAsync();
        });
        foreach (var id in sessionIds)
        {
            await staff.GotoAsync($"/Staff/Formation/Presences/{id}");
            foreach (var select in await staff.Locator("select[name$='.Attendance']").AllAsync()) await select.SelectOptionAsync("Present");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("Présences enregistrées");
        }

        // 7. She downloads her attendance statement of the month and, the training over, her end-of-training certificate.
        await candidate.GotoAsync("/Candidat/Formation/Heures");
        var statementMonth = today.AddDays(-8).ToString("MMMM yyyy", French);
        var statement = await candidate.RunAndWaitForDownloadAsync(() =>
            candidate.GetByRole(AriaRole.Link, new() { Name = statementMonth, Exact = false }).First.ClickAsync());
        var statementText = PdfText.Of(await File.ReadAllBytesAsync((await statement.PathAsync())!));
        Assert.Contains(name, statementText);
        Assert.Contains("U3 – Accueil téléphonique", statementText);
        var certificate = await candidate.RunAndWaitForDownloadAsync(() =>
            candidate.GetByRole(AriaRole.Link, new() { Name = "Attestation de fin de formation", Exact = false }).ClickAsync());
        var certificateText = PdfText.Of(await File.ReadAllBytesAsync((await certificate.PathAsync())!));
        Assert.Contains("Attestation de fin de formation", certificateText);
        Assert.Contains(name, certificateText);
        Assert.Contains("91", certificateText);
        await Accessibility.AssertNoSeriousViolationsAsync(candidate);

        // The manager sees the hours: 14 of 14 in unit 3, 91 in all.
        await manager.GotoAsync($"/Entreprise/Salarie/Formation/{registrationId}");
        var unit3 = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "Unité 3" }).First;
        await Assertions.Expect(unit3).ToContainTextAsync("14 h");
        await Accessibility.AssertNoSeriousViolationsAsync(manager);

        // 8. The path's hours are done: the evaluation sign-up opens.
        await candidate.GotoAsync("/Candidat/Sessions");
        await candidate.GetByRole(AriaRole.Button, new() { Name = evaluationPlace, Exact = false }).ClickAsync();
        await Assertions.Expect(candidate.GetByText("Vous êtes inscrit(e)")).ToBeVisibleAsync();
    }
}
