using System.Net;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>
/// The company manager's training pages (/Entreprise/Salarie/Positionnement|Parcours|Formation/{id}): the pre-positioning
/// kept as a draft then sent, the path signed for the company, the planning, attendance and hours, and who may open them.
/// </summary>
[Collection(PortalCollection.Name)]
public class ManagerTrainingPagesTests(DemoPortal portal)
{
    private static async Task<PortalClient> AsAsync(DemoPortal portal, string email, string password = TestAccounts.Password)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, password);
        return client;
    }

    /// <summary>The competences of the employee's certification, in the order the page lists them.</summary>
    private Task<List<(int Id, string Code)>> CompetencesAsync(int registrationId) => DbAsync(portal, async db =>
        (await db.Competences.Where(c => c.Unit!.CertificationId == db.Registrations.Single(r => r.Id == registrationId).CertificationId)
            .OrderBy(c => c.Unit!.Number).ThenBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync())
        .Select(c => (c.Id, c.Code)).ToList());

    /// <summary>A path proposed by staff for the employee: version 1 superseded (signed by the trainee), version 2 current and signed by nobody.</summary>
    private Task<int> ProposedPathAsync(int registrationId) => DbAsync(portal, async db =>
    {
        var unitIds = await db.CertificationUnits.Where(u => u.CertificationId == db.Registrations.Single(r => r.Id == registrationId).CertificationId)
            .OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
        var staffId = await db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync();
        var first = new TrainingPath
        {
            RegistrationId = registrationId, Version = 1, CreatedByUserId = staffId, CandidateSignedAt = DateTimeOffset.UtcNow.AddDays(-3),
            SupersededAt = DateTimeOffset.UtcNow.AddDays(-2), Units = [new TrainingPathUnit { UnitId = unitIds[0], PlannedHours = 63, Modules = ["Accueil téléphonique"] }],
        };
        var current = new TrainingPath
        {
            RegistrationId = registrationId, Version = 2, CreatedByUserId = staffId, Objectives = "Gérer les appels urgents en autonomie.",
            Units = [new TrainingPathUnit { UnitId = unitIds[0], PlannedHours = 70, Modules = ["Accueil téléphonique", "Appels urgents"] }],
        };
        db.TrainingPaths.AddRange(first, current);
        await db.SaveChangesAsync();
        return current.Version;
    });

    /// <summary>A training day (9:00–17:00 in Paris) of the path's first unit <paramref name="inDays"/> from today, with the half-days recorded.</summary>
    private Task<int> TrainingDayAsync(int registrationId, int inDays, params (HalfDay HalfDay, Attendance Attendance, decimal Hours)[] recorded) => DbAsync(portal, async db =>
    {
        var registration = await db.Registrations.SingleAsync(r => r.Id == registrationId);
        var unitId = await db.CertificationUnits.Where(u => u.CertificationId == registration.CertificationId).OrderBy(u => u.Number).Select(u => u.Id).FirstAsync();
        var staffId = await db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync();
        var day = DayInParis.Today(TimeProvider.System).AddDays(inDays);
        var session = new Session
        {
            CertificationId = registration.CertificationId, Kind = SessionKind.Training, StartsAt = DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime(), DurationMinutes = 480,
            PlaceName = "Centre Horizon", Address = "12 rue des Tests", PostalCode = "35000", City = "Rennes", Region = Region.Ouest, Capacity = 10,
            RegistrationDeadline = day, UnitId = unitId, ModuleTitle = "Appels urgents " + Guid.NewGuid().ToString("N")[..4], TrainerUserId = staffId, Room = "Salle 7",
        };
        var enrolment = new SessionEnrolment { RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-40), EnrolledByUserId = staffId };
        foreach (var (halfDay, attendance, hours) in recorded)
            enrolment.HalfDays.Add(new TrainingAttendance { HalfDay = halfDay, Attendance = attendance, Hours = hours, RecordedAt = DateTimeOffset.UtcNow, RecordedByUserId = staffId });
        session.Enrolments.Add(enrolment);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    [Fact]
    public async Task A_manager_keeps_a_draft_of_the_pre_positioning_then_sends_it_and_it_becomes_read_only()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var competences = await CompetencesAsync(employee.RegistrationId);
        var url = $"/Entreprise/Salarie/Positionnement/{employee.RegistrationId}";
        using var manager = await AsAsync(portal, company.ManagerEmail);

        var draft = await manager.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.TutorName"] = "Nathalie Caron, cheffe de plateau", [$"Input.Marks[{competences[0].Id}].Level"] = nameof(PositioningLevel.Mastered),
            [$"Input.Marks[{competences[0].Id}].Comment"] = "Autonome sur l'accueil.", ["send"] = "false",
        });

        Assert.True(PortalClient.IsRedirectTo(draft, url));
        var kept = await DbAsync(portal, db => db.Positionings.Include(p => p.Entries).SingleAsync(p => p.RegistrationId == employee.RegistrationId && p.Side == PositioningSide.Company));
        Assert.Null(kept.SubmittedAt);
        Assert.Equal("Nathalie Caron, cheffe de plateau", kept.TutorName);
        Assert.Equal((competences[0].Id, PositioningLevel.Mastered, "Autonome sur l'accueil."), Assert.Single(kept.Entries.Select(e => (e.CompetenceId, e.Level, e.Comment))));
        var (_, reopened) = await manager.GetAsync(url);
        Assert.NotNull(reopened.QuerySelector($"input[name='Input.Marks[{competences[0].Id}].Level'][value=Mastered][checked]"));
        Assert.Equal("Nathalie Caron, cheffe de plateau", reopened.QuerySelector("input[name='Input.TutorName']")!.GetAttribute("value"));

        var fields = competences.ToDictionary(c => $"Input.Marks[{c.Id}].Level", _ => nameof(PositioningLevel.Partly));
        fields["Input.TutorName"] = "Nathalie Caron, cheffe de plateau";
        fields["Input.Comment"] = "Salariée fiable ; priorité aux urgences.";
        fields["send"] = "true";
        var sent = await manager.SubmitAsync(url, fields);

        Assert.True(PortalClient.IsRedirectTo(sent, url));
        var recorded = await DbAsync(portal, db => db.Positionings.Include(p => p.Entries).SingleAsync(p => p.RegistrationId == employee.RegistrationId && p.Side == PositioningSide.Company));
        Assert.NotNull(recorded.SubmittedAt);
        Assert.Equal(competences.Count, recorded.Entries.Count);
        Assert.All(recorded.Entries, e => Assert.Equal(PositioningLevel.Partly, e.Level));
        var (_, page) = await manager.GetAsync(url);
        Assert.Contains("Pré-positionnement transmis à l'organisme de formation le", page.Body!.TextContent);
        Assert.Contains("Salariée fiable ; priorité aux urgences.", page.Body.TextContent);
        Assert.Empty(page.QuerySelectorAll("form[method=post] input[type=radio]"));
        Assert.Null(page.QuerySelector("button[name=send]"));

        // The draft's form, still open in another tab, cannot change what was sent.
        var form = reopened.Forms.Single(f => f.QuerySelector("button[name=send]") is not null);
        var late = await manager.PostFormAsync(form, url, new Dictionary<string, string> { ["Input.TutorName"] = "Autre tuteur", ["send"] = "false" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("il ne peut plus être modifié", (await PortalClient.ParseAsync(late)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Nathalie Caron, cheffe de plateau", await DbAsync(portal, db => db.Positionings
            .Where(p => p.RegistrationId == employee.RegistrationId && p.Side == PositioningSide.Company).Select(p => p.TutorName).SingleAsync()));
    }

    [Fact]
    public async Task Sending_the_pre_positioning_with_a_competence_unmarked_is_refused_in_french_nothing_is_sent_and_what_was_typed_stays()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var competences = await CompetencesAsync(employee.RegistrationId);
        var unmarked = competences[^1];
        using var manager = await AsAsync(portal, company.ManagerEmail);
        var fields = competences.SkipLast(1).ToDictionary(c => $"Input.Marks[{c.Id}].Level", _ => nameof(PositioningLevel.NotYet));
        fields[$"Input.Marks[{competences[0].Id}].Comment"] = "Découvre encore les appels simultanés.";
        fields["Input.TutorName"] = "Karim Benali";
        fields["Input.Comment"] = "Première année sur le plateau.";
        fields["send"] = "true";

        var response = await manager.SubmitAsync($"/Entreprise/Salarie/Positionnement/{employee.RegistrationId}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var error = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Rien n'a été enregistré", error);
        Assert.Contains("Indiquez un niveau pour chaque compétence avant d'envoyer", error);
        Assert.Contains(unmarked.Code, error);
        Assert.False(await DbAsync(portal, db => db.Positionings.AnyAsync(p => p.RegistrationId == employee.RegistrationId)));
        Assert.Equal("Karim Benali", page.QuerySelector("input[name='Input.TutorName']")!.GetAttribute("value"));
        Assert.Equal("Première année sur le plateau.", page.QuerySelector("textarea[name='Input.Comment']")!.TextContent);
        Assert.Equal("Découvre encore les appels simultanés.", page.QuerySelector($"textarea[name='Input.Marks[{competences[0].Id}].Comment']")!.TextContent);
        Assert.All(competences.SkipLast(1), c => Assert.NotNull(page.QuerySelector($"input[name='Input.Marks[{c.Id}].Level'][value=NotYet][checked]")));
        Assert.Null(page.QuerySelector($"input[name='Input.Marks[{unmarked.Id}].Level'][checked]"));
    }

    [Fact]
    public async Task A_manager_signs_for_the_company_the_path_staff_proposed_and_sees_the_earlier_version()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var version = await ProposedPathAsync(employee.RegistrationId);
        var url = $"/Entreprise/Salarie/Parcours/{employee.RegistrationId}";
        using var manager = await AsAsync(portal, company.ManagerEmail);

        var (_, before) = await manager.GetAsync(url);
        Assert.Contains("Gérer les appels urgents en autonomie.", before.Body!.TextContent);
        Assert.Contains("Appels urgents", before.Body.TextContent);
        Assert.Contains("Version 1 (63 h)", before.QuerySelector("details summary")!.TextContent);
        Assert.Equal("Signer le parcours pour l'entreprise", before.Forms.Single(f => f.QuerySelector("input[name=version]") is not null).QuerySelector("button")!.TextContent.Trim());

        var signed = await manager.SubmitAsync(url, new Dictionary<string, string> { ["version"] = version.ToString() });

        Assert.True(PortalClient.IsRedirectTo(signed, url));
        var path = await DbAsync(portal, db => db.TrainingPaths.SingleAsync(p => p.RegistrationId == employee.RegistrationId && p.Version == version));
        Assert.NotNull(path.CompanySignedAt);
        Assert.Equal(await DbAsync(portal, db => db.Users.Where(u => u.Email == company.ManagerEmail).Select(u => u.Id).SingleAsync()), path.CompanySignedByUserId);
        Assert.Null(path.CandidateSignedAt);
        var (_, after) = await manager.GetAsync(url);
        Assert.Contains("Parcours signé pour l'entreprise (version 2).", after.Body!.TextContent);
        Assert.Contains("L'entreprise a signé cette version le", after.Body.TextContent);
        Assert.DoesNotContain("Signer le parcours pour l'entreprise", after.Body.TextContent);
    }

    [Fact]
    public async Task Signing_a_version_the_company_already_signed_is_refused_in_french_and_the_first_signature_stays()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var version = await ProposedPathAsync(employee.RegistrationId);
        var url = $"/Entreprise/Salarie/Parcours/{employee.RegistrationId}";
        using var manager = await AsAsync(portal, company.ManagerEmail);
        var (_, page) = await manager.GetAsync(url);
        var form = page.Forms.Single(f => f.QuerySelector("input[name=version]") is not null);
        Assert.True(PortalClient.IsRedirectTo(await manager.PostFormAsync(form, url, new Dictionary<string, string>()), url));
        var first = await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId && p.Version == version).Select(p => p.CompanySignedAt).SingleAsync());

        var again = await manager.PostFormAsync(form, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Vous avez déjà signé cette version du parcours.", (await PortalClient.ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(first, await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId && p.Version == version).Select(p => p.CompanySignedAt).SingleAsync()));
    }

    [Fact]
    public async Task When_staff_propose_a_path_the_manager_is_emailed_a_link_to_the_company_path_page()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var units = await DbAsync(portal, async db =>
        {
            var registration = await db.Registrations.SingleAsync(r => r.Id == employee.RegistrationId);
            var competences = await db.Competences.Where(c => c.Unit!.CertificationId == registration.CertificationId).Select(c => c.Id).ToListAsync();
            db.Positionings.Add(new Positioning
            {
                RegistrationId = employee.RegistrationId, Side = PositioningSide.Centre, FilledByUserId = await db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync(),
                InterviewOn = DayInParis.Today(TimeProvider.System).AddDays(-2), SubmittedAt = DateTimeOffset.UtcNow,
                Entries = competences.Select(id => new PositioningEntry { CompetenceId = id, Level = PositioningLevel.Partly }).ToList(),
            });
            await db.SaveChangesAsync();
            return await db.CertificationUnits.Where(u => u.CertificationId == registration.CertificationId).Select(u => new { u.Id, u.MaximumTrainingHours }).ToListAsync();
        });
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var saved = await staff.SubmitAsync($"/Staff/Formation/Stagiaire/{employee.RegistrationId}",
            units.ToDictionary(u => $"Path.Units[{u.Id}].Hours", u => (u.MaximumTrainingHours ?? 35).ToString()));

        Assert.True(PortalClient.IsRedirectTo(saved, $"/Staff/Formation/Stagiaire/{employee.RegistrationId}"));
        var mail = portal.Mail.LatestTo(company.ManagerEmail);
        Assert.Contains($"Parcours de formation de {employee.Name} à signer", mail);
        Assert.Contains("Vous pouvez le lire et le signer pour l'entreprise", mail);
        Assert.DoesNotContain("vous le présentera", mail);
        Assert.EndsWith($"/Entreprise/Salarie/Parcours/{employee.RegistrationId}", MailFolder.FirstLink(mail, "/Entreprise/Salarie/"));
    }

    [Fact]
    public async Task The_manager_sees_the_coming_session_with_its_convocation_the_half_days_with_absences_highlighted_the_hours_and_the_statements()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        await ProposedPathAsync(employee.RegistrationId);
        await TrainingDayAsync(employee.RegistrationId, -21, (HalfDay.Morning, Attendance.Present, 3.5m), (HalfDay.Afternoon, Attendance.Present, 3.5m));
        await TrainingDayAsync(employee.RegistrationId, -14, (HalfDay.Morning, Attendance.Present, 3.5m), (HalfDay.Afternoon, Attendance.Absent, 0m));
        var coming = await TrainingDayAsync(employee.RegistrationId, 12);
        using var manager = await AsAsync(portal, company.ManagerEmail);

        var (response, page) = await manager.GetAsync($"/Entreprise/Salarie/Formation/{employee.RegistrationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("10,5 h sur 70 h", text);
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Convocation/{coming}/{employee.RegistrationId}?format=pdf']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Convocation/{coming}/{employee.RegistrationId}?format=ics']"));
        var absence = Assert.Single(page.QuerySelectorAll("tr.absence"));
        Assert.Contains("Après-midi", absence.TextContent);
        Assert.Contains("Absent", absence.TextContent);
        Assert.Contains("1 demi-journée(s) d'absence", text);
        Assert.Equal(4, page.QuerySelectorAll("#presences ~ .table-scroll tbody tr").Length);
        var month = DayInParis.Today(TimeProvider.System).AddDays(-14).ToString("yyyy-MM");
        Assert.NotNull(page.QuerySelector($"a[href='/Formation/Releve/{employee.RegistrationId}/{month}']"));
        Assert.Contains("L'attestation de fin de formation sera disponible après la dernière session de formation prévue.", text);
        Assert.Null(page.QuerySelector($"a[href='/Formation/Attestation/{employee.RegistrationId}']"));
    }

    [Fact]
    public async Task The_employee_page_links_the_three_training_pages_with_their_state_only_for_a_trainee_who_agreed_to_be_followed()
    {
        var company = await CompanyAsync(portal);
        var follows = await EmployeeAsync(portal, company, follows: true);
        var refuses = await EmployeeAsync(portal, company, follows: false);
        await ProposedPathAsync(follows.RegistrationId);
        await TrainingDayAsync(follows.RegistrationId, -7, (HalfDay.Morning, Attendance.Present, 3.5m), (HalfDay.Afternoon, Attendance.Present, 3.5m));
        using var manager = await AsAsync(portal, company.ManagerEmail);

        var (_, page) = await manager.GetAsync($"/Entreprise/Salarie/{follows.RegistrationId}");
        var training = page.QuerySelector("ul[aria-labelledby=formation]")!.TextContent;
        Assert.Contains("Positionnement à remplir", training);
        Assert.Contains("Parcours à signer", training);
        Assert.Contains("7 h sur 70 h", training);
        foreach (var route in new[] { "Positionnement", "Parcours", "Formation" })
            Assert.NotNull(page.QuerySelector($"a[href='/Entreprise/Salarie/{route}/{follows.RegistrationId}']"));

        var (_, other) = await manager.GetAsync($"/Entreprise/Salarie/{refuses.RegistrationId}");
        Assert.Null(other.QuerySelector("#formation"));
        Assert.Empty(other.QuerySelectorAll("a[href^='/Entreprise/Salarie/']"));
        Assert.DoesNotContain("Parcours à signer", other.Body!.TextContent);
    }

    [Fact]
    public async Task A_followed_employee_who_is_not_by_the_training_route_has_no_training_pages()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        await DbAsync(portal, db => db.Registrations.Where(r => r.Id == employee.RegistrationId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Route, CertificationRoute.Vae)));
        using var manager = await AsAsync(portal, company.ManagerEmail);

        var (_, page) = await manager.GetAsync($"/Entreprise/Salarie/{employee.RegistrationId}");

        Assert.Null(page.QuerySelector("#formation"));
        foreach (var route in new[] { "Positionnement", "Parcours", "Formation" })
            Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/Entreprise/Salarie/{route}/{employee.RegistrationId}")).StatusCode);
    }

    [Theory]
    [InlineData("Positionnement")]
    [InlineData("Parcours")]
    [InlineData("Formation")]
    public async Task Only_an_approved_manager_of_an_employee_who_agreed_opens_the_page_others_get_404_or_are_refused(string route)
    {
        var company = await CompanyAsync(portal);
        var other = await CompanyAsync(portal);
        var pending = await CompanyAsync(portal, approved: false);
        var follows = await EmployeeAsync(portal, company, follows: true);
        var refuses = await EmployeeAsync(portal, company, follows: false);
        var silent = await EmployeeAsync(portal, company, follows: null);
        await EmployeeAsync(portal, pending, follows: true);
        string Url(int id) => $"/Entreprise/Salarie/{route}/{id}";

        using (var manager = await AsAsync(portal, company.ManagerEmail))
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.Http.GetAsync(Url(follows.RegistrationId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(Url(refuses.RegistrationId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(Url(silent.RegistrationId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(Url(987654321))).StatusCode);
        }
        using (var otherManager = await AsAsync(portal, other.ManagerEmail))
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.Http.GetAsync(Url(follows.RegistrationId))).StatusCode);
        using (var notApproved = await AsAsync(portal, pending.ManagerEmail))
            Assert.Equal(HttpStatusCode.NotFound, (await notApproved.Http.GetAsync(Url(follows.RegistrationId))).StatusCode);
        using (var trainee = await AsAsync(portal, follows.Email))
            Assert.True(PortalClient.IsRedirectTo(await trainee.Http.GetAsync(Url(follows.RegistrationId)), "/Compte/AccesRefuse"));
        foreach (var role in new[] { Roles.Candidate, Roles.Evaluator, Roles.JuryMember, Roles.SistAnalyst, Roles.Staff })
        {
            using var client = await TestAccounts.SignedInAsync(portal, role);
            Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync(Url(follows.RegistrationId)), "/Compte/AccesRefuse"), role);
        }
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(Url(follows.RegistrationId)), "/Compte/Connexion?ReturnUrl="));
    }

    [Fact]
    public async Task Another_companys_manager_can_neither_save_a_pre_positioning_nor_sign_the_path()
    {
        var company = await CompanyAsync(portal);
        var other = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        var version = await ProposedPathAsync(employee.RegistrationId);
        using var manager = await AsAsync(portal, company.ManagerEmail);
        var (_, positioningPage) = await manager.GetAsync($"/Entreprise/Salarie/Positionnement/{employee.RegistrationId}");
        var (_, pathPage) = await manager.GetAsync($"/Entreprise/Salarie/Parcours/{employee.RegistrationId}");
        using var otherManager = await AsAsync(portal, other.ManagerEmail);
        // The other manager's own anti-forgery token, on the forms of a page they cannot open.
        var (_, ownPage) = await otherManager.GetAsync("/Entreprise/Inviter/" + other.Id);
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var saved = await otherManager.Http.PostAsync($"/Entreprise/Salarie/Positionnement/{employee.RegistrationId}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.TutorName"] = "Intrus", ["send"] = "false" }));
        var signed = await otherManager.Http.PostAsync($"/Entreprise/Salarie/Parcours/{employee.RegistrationId}?handler=Sign", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = version.ToString() }));

        Assert.NotNull(positioningPage.QuerySelector("button[name=send]"));
        Assert.NotNull(pathPage.QuerySelector("form[method=post]"));
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
        Assert.False(await DbAsync(portal, db => db.Positionings.AnyAsync(p => p.RegistrationId == employee.RegistrationId)));
        Assert.Null(await DbAsync(portal, db => db.TrainingPaths.Where(p => p.RegistrationId == employee.RegistrationId && p.Version == version).Select(p => p.CompanySignedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_manager_sees_camilles_positionings_her_signed_path_her_planning_and_her_hours()
    {
        var camille = await DbAsync(portal, db => db.Registrations.Where(r => r.Candidate!.Email == "candidat@cqp.test" && r.TrainingPaths.Any())
            .Select(r => new { r.Id, Total = r.TrainingPaths.Where(p => p.SupersededAt == null).SelectMany(p => p.Units).Sum(u => u.PlannedHours) }).SingleAsync());
        using var manager = await AsAsync(portal, "manager@cqp.test", PortalClient.DemoPassword);

        var (_, file) = await manager.GetAsync($"/Entreprise/Salarie/{camille.Id}");
        var states = file.QuerySelector("ul[aria-labelledby=formation]")!.TextContent;
        Assert.Contains("Transmis le", states);
        Assert.Contains("Signé (version 2)", states);
        Assert.Contains($"sur {camille.Total} h", states);

        var (positioningResponse, positioning) = await manager.GetAsync($"/Entreprise/Salarie/Positionnement/{camille.Id}");
        Assert.Equal(HttpStatusCode.OK, positioningResponse.StatusCode);
        Assert.Contains("Pré-positionnement transmis à l'organisme de formation le", positioning.Body!.TextContent);
        Assert.Contains("Nathalie Caron", positioning.Body.TextContent);
        Assert.Contains("entretien du", positioning.Body.TextContent); // the centre's positioning beside the company's
        Assert.Null(positioning.QuerySelector("button[name=send]"));

        var (_, path) = await manager.GetAsync($"/Entreprise/Salarie/Parcours/{camille.Id}");
        Assert.Contains("L'entreprise a signé cette version le", path.Body!.TextContent);
        Assert.Contains("Toutes les signatures sont réunies.", path.Body.TextContent);
        Assert.Contains("Version 1", path.QuerySelector("details summary")!.TextContent);
        Assert.Contains("CPF", path.Body.TextContent);

        var (_, training) = await manager.GetAsync($"/Entreprise/Salarie/Formation/{camille.Id}");
        Assert.Contains($"sur {camille.Total} h", training.Body!.TextContent);
        Assert.NotEmpty(training.QuerySelectorAll($"a[href^='/Formation/Convocation/'][href$='/{camille.Id}?format=pdf']"));
        Assert.NotEmpty(training.QuerySelectorAll($"a[href^='/Formation/Releve/{camille.Id}/']"));
        Assert.Contains("Absent justifié", Assert.Single(training.QuerySelectorAll("tr.absence")).TextContent, StringComparison.OrdinalIgnoreCase);
    }
}
