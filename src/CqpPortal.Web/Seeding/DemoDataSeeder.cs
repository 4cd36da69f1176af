using Bogus;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Registrations;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// A believable three years of activity, always the same for the same day (fixed random seed): companies, about a
/// hundred registrations a year across the regions and routes, sessions past and future, juries, holders and their
/// survey answers, and the demo accounts wired into it.
/// </summary>
public sealed class DemoDataSeeder(CqpDbContext db, UserManager<PortalUser> users, TimeProvider clock, DemoEvaluations evaluations, DemoDocuments documents, DemoTraining training, DemoPromises promises, DemoBooklets booklets, ILogger<DemoDataSeeder> logger)
{
    public const int Seed = 2098;
    private const int CandidatesPerYear = 100;

    internal static readonly (Region Region, string City, string PostalCode, string Place, string Address)[] Centres =
    [
        (Region.HautsDeFrance, "Lille", "59000", "Centre de formation Lille Europe", "12 rue de Tournai"),
        (Region.Bretagne, "Rennes", "35000", "Espace formation Rennes Colombier", "4 place du Colombier"),
        (Region.GrandEst, "Strasbourg", "67000", "Centre de formation Strasbourg Gare", "21 boulevard de Nancy"),
        (Region.AuvergneRhoneAlpes, "Lyon", "69003", "Centre de formation Lyon Part-Dieu", "88 rue de la Villette"),
        (Region.ProvenceAlpesCoteDAzur, "Marseille", "13002", "Centre de formation Marseille Joliette", "15 quai d'Arenc"),
        (Region.IleDeFrance, "Paris", "75012", "Centre de formation Paris Gare de Lyon", "210 rue de Bercy"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(DemoAccounts.All[0].Email) is not null) return;
        var certification = await db.Certifications.Include(c => c.Units).OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var today = DayInParis.Today(clock);
        var faker = new Faker("fr") { Random = new Randomizer(Seed) };

        var accounts = await CreateAccountsAsync();
        var companies = MakeCompanies(faker);
        db.Companies.AddRange(companies);
        db.CompanyManagers.AddRange(
            new CompanyManager { UserId = accounts["manager@cqp.test"].Id, Company = companies[0], ApprovedAt = clock.GetUtcNow(), ApprovedByUserId = accounts["staff@cqp.test"].Id },
            new CompanyManager { UserId = accounts["manager2@cqp.test"].Id, Company = companies[1], ApprovedAt = clock.GetUtcNow(), ApprovedByUserId = accounts["staff@cqp.test"].Id });

        var sessions = MakeSessions(faker, certification, today);
        db.Sessions.AddRange(sessions);

        var staffId = accounts["staff@cqp.test"].Id;
        // The demo jury member sits on every jury, so that /Jury shows its candidates and their booklets.
        db.JurySessionMembers.AddRange(sessions.Where(s => s.Kind == SessionKind.Jury).Select(s => new JurySessionMember
        {
            Session = s, UserId = accounts["jury@cqp.test"].Id, AssignedAt = s.StartsAt.AddDays(-30), AssignedByUserId = staffId,
        }));
        var candidates = new List<Candidate>();
        for (var year = today.Year - 2; year <= today.Year; year++)
        {
            var lastDay = year == today.Year ? today.AddDays(-1) : new DateOnly(year, 12, 31);
            var count = year == today.Year ? CandidatesPerYear * lastDay.DayOfYear / 365 : CandidatesPerYear;
            for (var i = 0; i < count; i++)
            {
                var registeredOn = new DateOnly(year, 1, 1).AddDays(faker.Random.Int(0, lastDay.DayNumber - new DateOnly(year, 1, 1).DayNumber));
                candidates.Add(MakeCandidate(faker, certification, companies, sessions, registeredOn, today, staffId));
            }
        }
        candidates.AddRange(DemoCandidates(accounts, certification, companies, sessions, today, staffId));
        db.Candidates.AddRange(candidates);
        await db.SaveChangesAsync(cancellationToken);
        await evaluations.SeedAsync(accounts, cancellationToken);
        await documents.SeedAsync(accounts, cancellationToken);
        await promises.SeedAsync(cancellationToken);
        await CloseExpiredJourneysAsync(certification, today, cancellationToken);
        // Last: the evaluation side must not take training days for evaluations, and closed files get no training.
        await training.SeedAsync(accounts, cancellationToken);
        // After everything else: the draft service reloads from the store (it clears the tracked entities).
        await booklets.SeedAsync(accounts, cancellationToken);
        logger.LogInformation("Demo data seeded: {Candidates} candidates, {Sessions} sessions", candidates.Count, sessions.Count);
    }

    /// <summary>
    /// The files whose journey ended without the certificate are closed as the deadline job closes them (« Délai dépassé »,
    /// the day after the deadline, coming seats given back), its e-mails long sent.
    /// </summary>
    private async Task CloseExpiredJourneysAsync(Certification certification, DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Registrations.Include(r => r.Enrolments).ThenInclude(e => e.Session)
            .Where(r => r.CertificationId == certification.Id && r.State == RegistrationState.Admissible && r.CertifiedOn == null && r.AdmissibilityDecidedOn != null)
            .ToListAsync(cancellationToken);
        foreach (var registration in open)
        {
            var deadline = JourneyDeadline.From(registration.AdmissibilityDecidedOn!.Value, certification.JourneyLimitMonths);
            if (!deadline.IsExpired(today)) continue;
            var closedAt = DayInParis.At(deadline.Deadline.AddDays(1), new TimeOnly(7, 30)).ToUniversalTime();
            db.RegistrationStatusChanges.Add(new RegistrationStatusChange
            {
                RegistrationId = registration.Id, From = registration.State, To = RegistrationState.Expired, At = closedAt, Comment = JourneyClosures.ExpiredComment(deadline),
            });
            registration.State = RegistrationState.Expired;
            foreach (var enrolment in registration.Enrolments.Where(e => e.State != EnrolmentState.Cancelled && e.Session!.StartsAt > closedAt))
                (enrolment.State, enrolment.CancelledAt) = (EnrolmentState.Cancelled, closedAt);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, PortalUser>> CreateAccountsAsync()
    {
        var created = new Dictionary<string, PortalUser>();
        foreach (var (email, role, name) in DemoAccounts.All)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            created[email] = user;
        }
        return created;
    }

    private static List<Company> MakeCompanies(Faker faker)
    {
        var names = new[] { "Allo Secrétariat Services", "Permanence Plus", "Télé-Accueil Conseil", "Secrétariat à Distance", "Médi-Appel", "Juris Accueil", "Atout Standard", "Office Relais" };
        return names.Select((name, i) => new Company
        {
            Name = name,
            Siret = Siret(faker),
            City = Centres[i % Centres.Length].City,
            Region = Centres[i % Centres.Length].Region,
        }).ToList();
    }

    private static string Siret(Faker faker) =>
        Domain.Vocabulary.Siret.WithCheckDigit(string.Concat(Enumerable.Range(0, 13).Select(_ => faker.Random.Int(0, 9))));

    /// <summary>
    /// Sessions from three years back to six months ahead. Dates follow the cahier des charges' advice: mid-month,
    /// never in the last three weeks of December.
    /// </summary>
    private static List<Session> MakeSessions(Faker faker, Certification certification, DateOnly today)
    {
        var sessions = new List<Session>();
        var first = new DateOnly(today.Year - 2, 1, 1);
        for (var month = first; month <= today.AddMonths(6); month = month.AddMonths(1))
        {
            var centre = Centres[(month.Month + month.Year) % Centres.Length];
            sessions.Add(MakeSession(faker, certification, SessionKind.Evaluation, month, centre, capacity: 12, hour: 9, minutes: 220));
            if (month.Month % 3 == 1)
                sessions.Add(MakeSession(faker, certification, SessionKind.VaeSituation, month, Centres[(month.Month + 2) % Centres.Length], capacity: 6, hour: 9, minutes: 220));
            if (month.Month % 2 == 0)
                sessions.Add(MakeSession(faker, certification, SessionKind.Jury, month, Centres[5], capacity: 20, hour: 14, minutes: 180));
        }
        return sessions;
    }

    private static Session MakeSession(Faker faker, Certification certification, SessionKind kind, DateOnly month, (Region Region, string City, string PostalCode, string Place, string Address) centre, int capacity, int hour, int minutes)
    {
        var day = month.Month == 12 ? faker.Random.Int(2, 9) : faker.Random.Int(6, 22);
        var date = new DateOnly(month.Year, month.Month, day);
        if (date.DayOfWeek == DayOfWeek.Saturday) date = date.AddDays(2);
        if (date.DayOfWeek == DayOfWeek.Sunday) date = date.AddDays(1);
        return new Session
        {
            Certification = certification,
            Kind = kind,
            StartsAt = DayInParis.At(date, new TimeOnly(hour, 0)).ToUniversalTime(),
            DurationMinutes = minutes,
            PlaceName = centre.Place,
            Address = centre.Address,
            PostalCode = centre.PostalCode,
            City = centre.City,
            Region = centre.Region,
            Capacity = capacity,
            RegistrationDeadline = date.AddDays(-21),
        };
    }

    private static Candidate MakeCandidate(Faker faker, Certification certification, List<Company> companies, List<Session> sessions, DateOnly registeredOn, DateOnly today, string staffId)
    {
        var sex = faker.Random.WeightedRandom([Sex.Female, Sex.Male], [0.82f, 0.18f]);
        var first = faker.Name.FirstName(sex == Sex.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        // Bogus writes « Da silva », « Le gall »: cased as French writes them, without another draw.
        var last = Domain.Accounts.PersonNames.Cased(faker.Name.LastName());
        var route = faker.Random.WeightedRandom([CertificationRoute.Training, CertificationRoute.Vae, CertificationRoute.Free], [0.62f, 0.23f, 0.15f]);
        var status = faker.Random.WeightedRandom([EmploymentStatus.Employee, EmploymentStatus.JobSeeker, EmploymentStatus.Other], [0.7f, 0.25f, 0.05f]);
        var region = faker.PickRandom(Regions.Offered.ToArray()); // one draw, as before
        var company = status == EmploymentStatus.Employee ? faker.PickRandom(companies) : null;
        var candidate = new Candidate
        {
            FirstName = first,
            LastName = last,
            Email = faker.Internet.Email(first, last, "exemple.fr").ToLowerInvariant(),
            Phone = faker.Phone.PhoneNumber("06 ## ## ## ##"),
            BirthDate = registeredOn.AddYears(-faker.Random.Int(19, 60)).AddDays(-faker.Random.Int(0, 364)),
            Sex = sex,
            Region = region,
            Company = company,
        };
        var education = faker.Random.WeightedRandom([0, 3, 4, 5, 6, 7], [0.08f, 0.3f, 0.35f, 0.17f, 0.08f, 0.02f]);
        var registration = new Registration
        {
            Certification = certification,
            Route = route,
            Funding = route switch
            {
                CertificationRoute.Training => faker.PickRandom(Funding.ProfessionalisationContract, Funding.ProA, Funding.Cpf, Funding.SkillsDevelopmentPlan),
                CertificationRoute.Vae => faker.PickRandom(Funding.Cpf, Funding.CpfTransition, Funding.Personal),
                _ => faker.PickRandom(Funding.Personal, Funding.Cpf, Funding.Other),
            },
            EmploymentStatus = status,
            EmployerName = company?.Name,
            EmployerSiret = company?.Siret,
            EducationLevel = education,
            HighestDiploma = education switch { 0 => null, 3 => "CAP agent administratif", 4 => "Baccalauréat professionnel gestion-administration", 5 => "BTS support à l'action managériale", _ => "Licence" },
            DiplomaGroup = education switch
            {
                0 => DiplomaGroup.None, 3 => DiplomaGroup.CapBep, 4 => DiplomaGroup.ProfessionalBaccalaureate, 5 => DiplomaGroup.TwoYearsAfterBaccalaureate,
                _ => DiplomaGroup.ThreeYearsOrMoreAfterBaccalaureate,
            },
            TeleSecretaryMonths = route == CertificationRoute.Vae ? faker.Random.Int(36, 120) : faker.Random.Int(0, 48),
            PhoneJobMonths = faker.Random.Int(0, 60),
            PhoneTimeShare = faker.Random.Int(30, 100),
            PhoneJobKind = faker.PickRandom<PhoneJobKind>(),
            // Codes of the form's list; as many choices as before, so the rest of the generated data stays the same.
            Sectors = [faker.PickRandom("medical-secretariat", "legal-secretariat", "call-centre", "business-services", "hospitality")],
            Region = region,
            RegisteredOn = registeredOn,
            PrivacyConsentAt = At(registeredOn, 10),
            // Three employees in four let their company follow the file; derived from the date, not drawn, so the
            // rest of the generated data stays the same.
            CompanyMayFollow = company is null ? null : registeredOn.DayNumber % 4 != 0,
            CompanyConsentAt = company is null ? null : At(registeredOn, 10),
        };
        candidate.Registrations.Add(registration);
        Advance(faker, registration, sessions, today, staffId);
        return candidate;
    }

    /// <summary>Moves a submitted registration along the journey as far as its age allows.</summary>
    private static void Advance(Faker faker, Registration registration, List<Session> sessions, DateOnly today, string staffId)
    {
        var registeredOn = registration.RegisteredOn!.Value;
        registration.State = RegistrationState.Submitted;
        registration.History.Add(new RegistrationStatusChange { From = RegistrationState.Draft, To = RegistrationState.Submitted, At = At(registeredOn, 10), ByUserId = null });

        var decidedOn = registeredOn.AddDays(faker.Random.Int(5, 20));
        if (decidedOn >= today) return; // still waiting for the admissibility decision
        var outcome = faker.Random.WeightedRandom([RegistrationState.Admissible, RegistrationState.NotAdmissible, RegistrationState.Incomplete], [0.86f, 0.08f, 0.06f]);
        registration.State = outcome;
        registration.AdmissibilityDecidedOn = decidedOn;
        registration.DecisionMotive = outcome switch
        {
            RegistrationState.NotAdmissible => "L'expérience déclarée ne remplit pas les conditions de l'article 3 de l'accord.",
            RegistrationState.Incomplete => "Attestation d'employeur manquante.",
            _ => null,
        };
        registration.History.Add(new RegistrationStatusChange { From = RegistrationState.Submitted, To = outcome, At = At(decidedOn, 14), ByUserId = staffId, Comment = registration.DecisionMotive });
        if (outcome != RegistrationState.Admissible) return;

        // Trainees follow at least 70 hours over a few months; VAE candidates write booklet 2; free candidates go straight on.
        var readyOn = decidedOn.AddDays(registration.Route switch { CertificationRoute.Training => faker.Random.Int(120, 240), CertificationRoute.Vae => faker.Random.Int(90, 200), _ => faker.Random.Int(20, 60) });
        var evaluationKind = registration.Route == CertificationRoute.Vae ? SessionKind.VaeSituation : SessionKind.Evaluation;
        var evaluation = NextSession(sessions, evaluationKind, readyOn);
        if (evaluation is null) return;
        var evaluationDay = DayInParis.Of(evaluation.StartsAt);
        registration.Enrolments.Add(new SessionEnrolment { Session = evaluation, State = EnrolmentState.Enrolled, EnrolledAt = At(readyOn.AddDays(-30), 9) });
        evaluation.Enrolments.Add(registration.Enrolments[^1]);
        if (evaluationDay >= today) return;

        var jury = NextSession(sessions, SessionKind.Jury, evaluationDay.AddDays(14));
        if (jury is null) return;
        var juryDay = DayInParis.Of(jury.StartsAt);
        registration.Enrolments.Add(new SessionEnrolment { Session = jury, State = EnrolmentState.Enrolled, EnrolledAt = At(evaluationDay.AddDays(2), 9) });
        jury.Enrolments.Add(registration.Enrolments[^1]);
        if (juryDay >= today) return;

        var result = faker.Random.WeightedRandom([JuryResult.TotalValidation, JuryResult.PartialValidation, JuryResult.NotValidated], [0.72f, 0.2f, 0.08f]);
        var decision = new JuryDecision { Session = jury, DecidedOn = juryDay, Result = result };
        var units = registration.Certification!.Units.OrderBy(u => u.Number).ToList();
        var failed = result switch
        {
            JuryResult.TotalValidation => new HashSet<int>(),
            JuryResult.PartialValidation => faker.PickRandom(units, faker.Random.Int(1, 2)).Select(u => u.Number).ToHashSet(),
            _ => units.Select(u => u.Number).Where(_ => faker.Random.Bool(0.7f)).Append(1).ToHashSet(),
        };
        decision.UnitResults.AddRange(units.Select(u => new JuryUnitResult { Unit = u, Validated = !failed.Contains(u.Number) }));
        registration.JuryDecisions.Add(decision);
        if (result != JuryResult.TotalValidation) return;
        registration.CertifiedOn = juryDay;

        foreach (var wave in HolderSurveySchedule.WavesDue(juryDay, today))
            registration.Surveys.Add(MakeSurvey(faker, wave, HolderSurveySchedule.DueOn(juryDay, wave), today));
    }

    private static HolderSurvey MakeSurvey(Faker faker, SurveyWave wave, DateOnly dueOn, DateOnly today)
    {
        var survey = new HolderSurvey { Wave = wave, DueOn = dueOn, InvitedAt = At(dueOn, 8) };
        var respondedOn = dueOn.AddDays(faker.Random.Int(1, 40));
        if (respondedOn >= today || faker.Random.Bool(0.35f)) return survey; // not answered (yet)
        survey.RespondedOn = respondedOn;
        survey.Situation = faker.Random.WeightedRandom([HolderSituation.Employed, HolderSituation.JobSeeker, HolderSituation.InTraining, HolderSituation.Other], [0.78f, 0.12f, 0.06f, 0.04f]);
        if (survey.Situation == HolderSituation.Employed)
        {
            survey.Contract = faker.Random.WeightedRandom([EmploymentContract.Cdi, EmploymentContract.Cdd, EmploymentContract.SelfEmployed, EmploymentContract.Temporary], [0.64f, 0.24f, 0.06f, 0.06f]);
            survey.Sector = faker.Random.WeightedRandom([EmploymentSector.Branch, EmploymentSector.OtherBranch], [0.7f, 0.3f]);
            survey.JobTitle = survey.Sector == EmploymentSector.Branch ? faker.PickRandom("Télésecrétaire qualifiée", "Télésecrétaire médicale", "Chargée d'accueil téléphonique") : "Assistante administrative";
        }
        else if (survey.Situation == HolderSituation.InTraining)
        {
            survey.TrainingLevel = faker.PickRandom(4, 5);
            survey.NsfCode = "324";
        }
        return survey;
    }

    private static Session? NextSession(List<Session> sessions, SessionKind kind, DateOnly from) =>
        sessions.Where(s => s.Kind == kind && DayInParis.Of(s.StartsAt) >= from && s.Enrolments.Count < s.Capacity)
            .OrderBy(s => s.StartsAt).FirstOrDefault();

    /// <summary>The candidates behind the demo candidate accounts, in the states README describes.</summary>
    private static IEnumerable<Candidate> DemoCandidates(Dictionary<string, PortalUser> accounts, Certification certification, List<Company> companies, List<Session> sessions, DateOnly today, string staffId)
    {
        Candidate Make(string email, string first, string last, Sex sex, Company? company, CertificationRoute route, int daysAgo, RegistrationState state, int education, int teleMonths, bool companyMayFollow = true)
        {
            var registeredOn = today.AddDays(-daysAgo);
            var registration = new Registration
            {
                Certification = certification, Route = route, EducationLevel = education, TeleSecretaryMonths = teleMonths,
                Funding = route == CertificationRoute.Vae ? Funding.Cpf : Funding.ProA,
                EmploymentStatus = company is null ? EmploymentStatus.JobSeeker : EmploymentStatus.Employee,
                EmployerName = company?.Name, EmployerSiret = company?.Siret,
                Region = company?.Region ?? Region.IleDeFrance, RegisteredOn = registeredOn, State = state,
                PrivacyConsentAt = At(registeredOn, 9), Sectors = ["medical-secretariat"],
                DiplomaGroup = DiplomaGroups.Infer(null, education) ?? DiplomaGroup.ProfessionalBaccalaureate,
                CompanyMayFollow = company is null ? null : companyMayFollow, CompanyConsentAt = company is null ? null : At(registeredOn, 9),
            };
            registration.History.Add(new RegistrationStatusChange { From = RegistrationState.Draft, To = RegistrationState.Submitted, At = At(registeredOn, 9) });
            if (state == RegistrationState.Admissible)
            {
                registration.AdmissibilityDecidedOn = registeredOn.AddDays(10);
                registration.History.Add(new RegistrationStatusChange { From = RegistrationState.Submitted, To = state, At = At(registeredOn.AddDays(10), 14), ByUserId = staffId });
            }
            var candidate = new Candidate
            {
                UserId = accounts[email].Id, FirstName = first, LastName = last, Email = email, BirthDate = new DateOnly(1994, 5, 17),
                Sex = sex, Region = registration.Region, Company = company, Phone = "06 12 34 56 78",
            };
            candidate.Registrations.Add(registration);
            return candidate;
        }

        var camille = Make("candidat@cqp.test", "Camille", "Martin", Sex.Female, companies[0], CertificationRoute.Training, 120, RegistrationState.Admissible, 4, 14);
        var upcoming = NextSession(sessions, SessionKind.Evaluation, today.AddDays(7));
        if (upcoming is not null)
        {
            var enrolment = new SessionEnrolment { Session = upcoming, State = EnrolmentState.Enrolled, EnrolledAt = At(today.AddDays(-5), 10) };
            camille.Registrations[0].Enrolments.Add(enrolment);
            upcoming.Enrolments.Add(enrolment);
        }
        yield return camille;
        yield return Make("candidat2@cqp.test", "Julien", "Bernard", Sex.Male, companies[1], CertificationRoute.Training, 3, RegistrationState.Submitted, 3, 8, companyMayFollow: false);
        yield return Make("vae@cqp.test", "Nadia", "Moreau", Sex.Female, null, CertificationRoute.Vae, 60, RegistrationState.Admissible, 4, 52);

        // The demo holder: evaluated about nine months ago, validated by the next jury; her certificate is signed (DemoEvaluations).
        var lucie = Make("titulaire@cqp.test", "Lucie", "Petit", Sex.Female, companies[0], CertificationRoute.Training, 420, RegistrationState.Admissible, 4, 30);
        var evaluated = NextSession(sessions, SessionKind.Evaluation, today.AddDays(-300));
        var validatedBy = evaluated is null ? null : NextSession(sessions, SessionKind.Jury, DayInParis.Of(evaluated.StartsAt).AddDays(14));
        if (evaluated is not null && validatedBy is not null && validatedBy.StartsAt < At(today, 0))
        {
            var registration = lucie.Registrations[0];
            foreach (var session in new[] { evaluated, validatedBy })
            {
                var enrolment = new SessionEnrolment { Session = session, State = EnrolmentState.Enrolled, EnrolledAt = session.StartsAt.AddDays(-30) };
                registration.Enrolments.Add(enrolment);
                session.Enrolments.Add(enrolment);
            }
            var juryDay = DayInParis.Of(validatedBy.StartsAt);
            var decision = new JuryDecision { Session = validatedBy, DecidedOn = juryDay, Result = JuryResult.TotalValidation };
            decision.UnitResults.AddRange(certification.Units.OrderBy(u => u.Number).Select(u => new JuryUnitResult { Unit = u, Validated = true }));
            registration.JuryDecisions.Add(decision);
            registration.CertifiedOn = juryDay;
        }
        yield return lucie;

        // A holder from the organisation's records (no login), certified six months ago today: the survey job's catch-up
        // run at start opens her 6-month survey and leaves the invitation in the outbox.
        var ines = new Candidate { FirstName = "Inès", LastName = "Garnier", Email = "ines.garnier@exemple.fr", BirthDate = new DateOnly(1991, 2, 8), Sex = Sex.Female, Region = Region.PaysDeLaLoire };
        ines.Registrations.Add(new Registration
        {
            Certification = certification, Route = CertificationRoute.Vae, EducationLevel = 4, EmploymentStatus = EmploymentStatus.Employee, Region = Region.PaysDeLaLoire,
            RegisteredOn = today.AddMonths(-14), State = RegistrationState.Admissible, AdmissibilityDecidedOn = today.AddMonths(-14).AddDays(10), CertifiedOn = today.AddMonths(-6),
        });
        yield return ines;

        // A holder from the records with a phone number and no e-mail address, certified six months and ten days ago:
        // the catch-up run opens her survey without sending anything, and staff find her among the holders to phone.
        var yvonne = new Candidate { FirstName = "Yvonne", LastName = "Marchand", Email = "", Phone = "06 12 34 56 78", BirthDate = new DateOnly(1979, 11, 23), Sex = Sex.Female, Region = Region.Nord };
        yvonne.Registrations.Add(new Registration
        {
            Certification = certification, Route = CertificationRoute.Vae, EducationLevel = 3, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Nord,
            RegisteredOn = today.AddMonths(-14), State = RegistrationState.Admissible, AdmissibilityDecidedOn = today.AddMonths(-14).AddDays(10), CertifiedOn = today.AddMonths(-6).AddDays(-10),
        });
        yield return yvonne;
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
