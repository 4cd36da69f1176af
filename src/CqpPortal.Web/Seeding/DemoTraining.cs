using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// The training route of the demo, laid over the journeys <see cref="DemoDataSeeder"/> made. Camille Martin
/// (candidat@): her company's pre-positioning sent by her manager, the centre's positioning, a first path superseded by
/// a second one signed by her, her company and the organisation, and her training days in her region — past ones with
/// their half-day attendance (one afternoon « absent justifié »), coming ones — at most three a month, mid-month, never
/// at a month end nor in the last three weeks of December. Three generated trainees just admitted get the centre's
/// positioning and a path staff still have to sign; one of them is enrolled in a coming training day.
/// Deterministic: everything follows from the day and the journeys already seeded.
/// </summary>
public sealed class DemoTraining(CqpDbContext db, TimeProvider clock)
{
    public const string Room = "Salle 2";
    private const int DayStartsAt = 9;
    private const int DaySpanMinutes = 8 * 60; // 9:00–17:00, so 7 hours taught (TrainingDay)

    /// <summary>The organisation's modules, one training day each, per unit number.</summary>
    private static readonly Dictionary<int, string[]> Modules = new()
    {
        [1] =
        [
            "Accueil téléphonique et identification de la demande",
            "Appels simultanés, priorités et urgences",
            "Prise et restitution des messages multicanal",
            "Dossiers multiples et consignes des donneurs d'ordres",
            "Gestion des agendas et prise de rendez-vous",
            "Gestion des situations difficiles au téléphone",
        ],
        [2] = ["Accueil téléphonique en anglais", "Messages et rendez-vous en anglais"],
        [3] = ["Communication et relais au sein de l'équipe"],
        [4] =
        [
            "Image de l'entreprise et du donneur d'ordres",
            "Démarche qualité et conformité CNIL",
            "Conseil au donneur d'ordres sur les outils de télésecrétariat",
        ],
    };

    /// <summary>Camille's hours per unit number: version 1, then version 2 after the company's remarks (more calls, less English).</summary>
    private static readonly Dictionary<int, int> FirstPathHours = new() { [1] = 35, [2] = 21, [3] = 7, [4] = 14 };
    private static readonly Dictionary<int, int> PathHours = new() { [1] = 42, [2] = 14, [3] = 7, [4] = 21 };

    /// <summary>Per competence code: the manager's pre-positioning and the centre's positioning of Camille, in their words.</summary>
    private static readonly Dictionary<string, (PositioningLevel Company, string CompanyComment, PositioningLevel Centre, string CentreComment)> Camille = new()
    {
        ["C.1.1"] = (PositioningLevel.Mastered, "Décroche avec la formule d'accueil de chaque donneur d'ordres, sans hésitation.", PositioningLevel.Mastered, "Accueil personnalisé et nominatif, conforme aux consignes."),
        ["C.1.2"] = (PositioningLevel.Partly, "Se laisse déborder quand plus de trois lignes sonnent en même temps.", PositioningLevel.Partly, "Met en attente correctement mais sans annoncer le délai."),
        ["C.1.3"] = (PositioningLevel.Partly, "Confond parfois les consignes temporaires des médecins.", PositioningLevel.Partly, "Lit les fiches des donneurs d'ordres mais oublie les consignes datées."),
        ["C.1.4"] = (PositioningLevel.Mastered, "Très à l'aise avec les cabinets médicaux.", PositioningLevel.Partly, "Vocabulaire médical sûr ; secteur juridique à travailler."),
        ["C.1.5"] = (PositioningLevel.Mastered, "Comprend vite ce que veut l'appelant.", PositioningLevel.Mastered, "Questions ouvertes puis fermées, reformulation systématique."),
        ["C.1.6"] = (PositioningLevel.Partly, "Repère les appels prioritaires des donneurs d'ordres habituels.", PositioningLevel.Partly, "Hiérarchise bien les appels connus, hésite sur les autres."),
        ["C.1.7"] = (PositioningLevel.Partly, "A bien réagi à un appel urgent, mais a demandé de l'aide.", PositioningLevel.NotYet, "Ne connaît pas encore la procédure d'urgence ni les numéros d'astreinte."),
        ["C.1.8"] = (PositioningLevel.Mastered, "Messages complets et lisibles.", PositioningLevel.Mastered, "Message complet : identité, coordonnées, objet, degré d'urgence."),
        ["C.1.9"] = (PositioningLevel.Partly, "Restitution par mail correcte, par tchat trop longue.", PositioningLevel.Partly, "Tchat : messages trop longs, à rendre plus concis."),
        ["C.1.10"] = (PositioningLevel.Partly, "Gère les demandes simples, transmet les autres.", PositioningLevel.Partly, "Cherche une solution mais sort parfois du cadre fixé."),
        ["C.1.11"] = (PositioningLevel.Mastered, "Tient à jour les agendas des médecins sans erreur.", PositioningLevel.Partly, "Saisie juste mais lente dans le logiciel d'agenda."),
        ["C.1.12"] = (PositioningLevel.Mastered, "Prise de rendez-vous fiable.", PositioningLevel.Mastered, "Propose deux créneaux, fait répéter et confirme."),
        ["C.1.13"] = (PositioningLevel.Partly, "Peu d'expérience du service client des entreprises.", PositioningLevel.Partly, "Bonne écoute ; prise de congé à soigner."),
        ["C.1.14"] = (PositioningLevel.NotYet, "Appréhende les appelants agressifs.", PositioningLevel.NotYet, "Perd ses moyens face à un correspondant agressif : méthode à acquérir."),
        ["C.2.1"] = (PositioningLevel.NotYet, "Passe la main à une collègue pour les appels en anglais.", PositioningLevel.Partly, "Épelle en anglais avec difficulté ; comprend l'objet global du message."),
        ["C.3.1"] = (PositioningLevel.Mastered, "Bonne communication avec l'équipe du plateau.", PositioningLevel.Mastered, "Transmissions claires, ton adapté."),
        ["C.3.2"] = (PositioningLevel.Partly, "Oublie parfois de noter les transmissions en fin de journée.", PositioningLevel.Partly, "Relève d'équipe à structurer (cahier de liaison)."),
        ["C.4.1"] = (PositioningLevel.Mastered, "Présente bien l'entreprise.", PositioningLevel.Partly, "Sourire dans la voix ; formules de l'entreprise à harmoniser."),
        ["C.4.2"] = (PositioningLevel.Partly, "Respecte la charte de la plupart des donneurs d'ordres.", PositioningLevel.Partly, "Connaît la charte des principaux donneurs d'ordres seulement."),
        ["C.4.3"] = (PositioningLevel.NotYet, "N'a pas encore suivi la démarche qualité interne.", PositioningLevel.NotYet, "Ne connaît pas encore la démarche qualité ni ses indicateurs."),
        ["C.4.4"] = (PositioningLevel.Partly, "Respecte la confidentialité, connaît peu le RGPD.", PositioningLevel.NotYet, "Confidentialité respectée ; règles de la CNIL et RGPD à apprendre."),
        ["C.4.5"] = (PositioningLevel.Partly, "Accepte les retours, s'évalue peu d'elle-même.", PositioningLevel.Partly, "S'auto-évalue avec la grille quand on le lui demande."),
        ["C.4.6"] = (PositioningLevel.NotYet, "Pas encore en contact direct avec les donneurs d'ordres.", PositioningLevel.NotYet, "Connaît le logiciel en utilisatrice, pas encore pour conseiller."),
        ["C.4.7"] = (PositioningLevel.Partly, "Accueille bien au téléphone, peu de face-à-face.", PositioningLevel.Partly, "Accueil téléphonique sûr ; face-à-face à travailler."),
    };

    public async Task SeedAsync(IReadOnlyDictionary<string, PortalUser> accounts, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DayInParis.Today(clock);
        var staffId = accounts["staff@cqp.test"].Id;
        var certification = await db.Certifications.Include(c => c.Units).ThenInclude(u => u.Competences).OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var units = certification.Units.OrderBy(u => u.Number).ToList();

        var camille = await db.Registrations.Include(r => r.Candidate!).ThenInclude(c => c.Company!).ThenInclude(c => c.Managers)
            .Include(r => r.Enrolments).ThenInclude(e => e.Session)
            .SingleAsync(r => r.Candidate!.Email == "candidat@cqp.test" && r.CertificationId == certification.Id, cancellationToken);
        var sessions = SeedCamille(camille, units, accounts, now, today);

        var trainees = await db.Registrations.Include(r => r.Candidate).Include(r => r.Enrolments)
            .Where(r => r.CertificationId == certification.Id && r.Route == CertificationRoute.Training && r.State == RegistrationState.Admissible
                        && r.AdmissibilityDecidedOn != null && r.CertifiedOn == null && r.Candidate!.UserId == null
                        && !r.Enrolments.Any(e => e.Session!.StartsAt < now)) // admitted lately: their evaluation, if booked, is months away
            .OrderByDescending(r => r.AdmissibilityDecidedOn).ThenBy(r => r.Id).Take(3).ToListAsync(cancellationToken);
        foreach (var trainee in trainees) SeedNewTrainee(trainee, units, certification.MinimumTrainingHours ?? 0, staffId, now, today);

        // One of them (from Camille's region if one is) joins her next training day, enrolled by staff.
        var coming = sessions.Where(s => s.StartsAt > now).MinBy(s => s.StartsAt);
        var joining = trainees.OrderBy(t => t.Region == camille.Region ? 0 : 1).FirstOrDefault();
        if (coming is not null && joining is not null)
            coming.Enrolments.Add(new SessionEnrolment
            {
                Registration = joining, State = EnrolmentState.Enrolled, EnrolledByUserId = staffId, EnrolledAt = Min(coming.StartsAt.AddDays(-10), now.AddHours(-2)),
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Camille's positionings, paths and training days; returns her training sessions.</summary>
    private List<Session> SeedCamille(Registration registration, List<CertificationUnit> units, IReadOnlyDictionary<string, PortalUser> accounts, DateTimeOffset now, DateOnly today)
    {
        var staffId = accounts["staff@cqp.test"].Id;
        var managerId = accounts["manager@cqp.test"].Id;
        var admitted = registration.AdmissibilityDecidedOn ?? today.AddDays(-110);
        // Her company has a say only if she agreed to be followed and manager@ manages it (as README promises).
        var followed = registration.CompanyMayFollow == true
                       && registration.Candidate!.Company?.Managers.Any(m => m.UserId == managerId && m.ApprovedAt != null) == true;
        var competences = units.SelectMany(u => u.Competences.OrderBy(c => c.Code, StringComparer.Ordinal)).ToList();

        if (followed)
        {
            var sentAt = Paris(Weekday(admitted.AddDays(4)), 11);
            registration.Positionings.Add(new Positioning
            {
                Side = PositioningSide.Company, FilledByUserId = managerId, TutorName = "Nathalie Caron, cheffe de plateau",
                Comment = "Camille est une salariée fiable, appréciée des donneurs d'ordres médicaux. Priorités pour nous : les urgences, les appelants difficiles et l'anglais.",
                SubmittedAt = sentAt, CreatedAt = sentAt.AddDays(-2), UpdatedAt = sentAt,
                Entries = competences.Select(c => Camille.TryGetValue(c.Code, out var p)
                    ? new PositioningEntry { CompetenceId = c.Id, Level = p.Company, Comment = p.CompanyComment }
                    : new PositioningEntry { CompetenceId = c.Id, Level = PositioningLevel.Partly, Comment = "Observée au poste, à consolider." }).ToList(),
            });
        }

        var interview = Weekday(admitted.AddDays(10));
        var recorded = Paris(interview, 16);
        registration.Positionings.Add(new Positioning
        {
            Side = PositioningSide.Centre, FilledByUserId = staffId, InterviewOn = interview, SubmittedAt = recorded, CreatedAt = Paris(interview, 14), UpdatedAt = recorded,
            Comment = "Accueil et prise de messages solides. À travailler : urgences, situations difficiles, anglais, démarche qualité et CNIL.",
            Entries = competences.Select(c => Camille.TryGetValue(c.Code, out var p)
                ? new PositioningEntry { CompetenceId = c.Id, Level = p.Centre, Comment = p.CentreComment }
                : new PositioningEntry { CompetenceId = c.Id, Level = PositioningLevel.Partly, Comment = "Acquis partiels constatés en mise en situation." }).ToList(),
        });

        // Version 1, signed by Camille, then revised after her company's remarks: version 2 signed by all three.
        const string objectives = "Sécuriser la gestion des appels urgents et des situations difficiles, accueillir un correspondant en anglais, "
                                  + "et s'approprier la démarche qualité et les règles de la CNIL, pour exercer en autonomie sur le plateau de télésecrétariat médical.";
        var first = Path(1, units, FirstPathHours, staffId, objectives, Paris(interview.AddDays(1), 10));
        first.CandidateSignedAt = Paris(interview.AddDays(2), 19);
        var revisedAt = Paris(interview.AddDays(5), 10);
        first.SupersededAt = revisedAt;
        var path = Path(2, units, PathHours, staffId, objectives, revisedAt);
        path.CandidateSignedAt = Paris(interview.AddDays(6), 20);
        if (followed) (path.CompanySignedAt, path.CompanySignedByUserId) = (Paris(interview.AddDays(7), 9), managerId);
        (path.OrganisationSignedAt, path.OrganisationSignedByUserId) = (Paris(interview.AddDays(8), 11), staffId);
        registration.TrainingPaths.Add(first);
        registration.TrainingPaths.Add(path);

        // Her training days in her region's centre, module by module, after the path is signed; her evaluation day stays free.
        var centre = DemoDataSeeder.Centres.FirstOrDefault(c => c.Region == registration.Region, DemoDataSeeder.Centres[0]);
        var busy = registration.Enrolments.Where(e => e.State == EnrolmentState.Enrolled).Select(e => DayInParis.Of(e.Session!.StartsAt)).ToHashSet();
        var plan = units.SelectMany(u => Enumerable.Range(0, PathHours.GetValueOrDefault(u.Number) / 7).Select(i => (Unit: u, Module: ModulesOf(u)[i % ModulesOf(u).Length]))).ToList();
        var order = Interleave(plan);
        var days = TrainingDays(interview.AddDays(14), order.Count, busy);
        var sessions = days.Select((day, i) => TrainingSession(registration.CertificationId, order[i].Unit, order[i].Module, day, centre, staffId)).ToList();
        var past = sessions.Where(s => s.StartsAt.AddMinutes(s.DurationMinutes) < now).ToList();
        // The afternoon of her third day (or her last one so far): a medical appointment, justified; her manager was told that evening.
        var excusedDay = past.Count == 0 ? null : past[Math.Min(2, past.Count - 1)];
        foreach (var session in sessions)
        {
            var enrolment = new SessionEnrolment
            {
                Registration = registration, State = EnrolmentState.Enrolled, EnrolledByUserId = staffId,
                EnrolledAt = Max(path.OrganisationSignedAt!.Value.AddHours(1), Min(session.StartsAt.AddDays(-30), now.AddHours(-1))),
            };
            session.Enrolments.Add(enrolment);
            if (!past.Contains(session)) continue;
            var recordedAt = session.StartsAt.AddMinutes(session.DurationMinutes + 15);
            foreach (var half in TrainingDay.HalfDays(session.StartsAt, session.DurationMinutes))
            {
                var excused = session == excusedDay && half.HalfDay == HalfDay.Afternoon;
                enrolment.HalfDays.Add(new TrainingAttendance
                {
                    HalfDay = half.HalfDay, Attendance = excused ? Attendance.Excused : Attendance.Present, Hours = excused ? 0 : half.Hours,
                    RecordedAt = recordedAt, RecordedByUserId = staffId, ManagerToldAt = excused && followed ? recordedAt.AddMinutes(5) : null,
                });
            }
        }
        db.Sessions.AddRange(sessions);

        // Her evaluation seat (README) comes before her last training days: staff recorded why she may still sit it.
        var evaluation = registration.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.Kind == SessionKind.Evaluation && e.Session.StartsAt > now)
            .MinBy(e => e.Session!.StartsAt);
        var remaining = sessions.Where(s => evaluation is not null && s.StartsAt >= evaluation.Session!.StartsAt).Sum(s => TrainingDay.Hours(s.StartsAt, s.DurationMinutes));
        if (evaluation is not null && remaining > 0)
        {
            path.EvaluationWaiverReason = $"Évaluation avancée à la session du {DayInParis.Of(evaluation.Session!.StartsAt):dd/MM/yyyy} à la demande de l'entreprise, avant sa période de forte activité : "
                                          + $"les deux positionnements concordent et les blocs les plus travaillés sont achevés. Les {remaining:0.#} h restantes du parcours sont maintenues et suivies avant le jury.";
            path.EvaluationWaiverAt = Min(evaluation.EnrolledAt.AddMinutes(-30), now.AddMinutes(-30));
            path.EvaluationWaiverByUserId = staffId;
        }
        return sessions;
    }

    /// <summary>A trainee just admitted: the centre's positioning recorded, a path drawn from it waiting for the signatures.</summary>
    private static void SeedNewTrainee(Registration registration, List<CertificationUnit> units, int minimum, string staffId, DateTimeOffset now, DateOnly today)
    {
        var admitted = registration.AdmissibilityDecidedOn!.Value;
        var interview = Weekday(admitted.AddDays(7));
        if (interview >= today) interview = admitted < today.AddDays(-1) ? today.AddDays(-1) : admitted;
        var recorded = Min(Paris(interview, 16), now.AddHours(-2));
        var positioning = new Positioning
        {
            Side = PositioningSide.Centre, FilledByUserId = staffId, InterviewOn = interview, SubmittedAt = recorded, CreatedAt = recorded.AddHours(-2), UpdatedAt = recorded,
            Comment = "Positionnement réalisé en entretien et en mise en situation sur le plateau du centre.",
        };
        foreach (var unit in units)
            foreach (var competence in unit.Competences.OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                // The levels follow from the file (its id and the competence), so the demo stays the same from one run to the next.
                var level = ((registration.Id * 7 + competence.Id * 3) % 5) switch { 0 => PositioningLevel.Mastered, 1 or 2 => PositioningLevel.Partly, _ => PositioningLevel.NotYet };
                positioning.Entries.Add(new PositioningEntry
                {
                    CompetenceId = competence.Id, Level = level,
                    Comment = level switch
                    {
                        PositioningLevel.Mastered => "Maîtrise constatée en mise en situation.",
                        PositioningLevel.Partly => "Acquis partiels, à consolider en formation.",
                        _ => "À acquérir en formation.",
                    },
                });
            }
        registration.Positionings.Add(positioning);

        // Hours per unit from the levels (7-hour days, within the unit's maximum), raised to the certification's minimum.
        var hours = units.ToDictionary(u => u.Number, u =>
        {
            var entries = positioning.Entries.Where(e => u.Competences.Any(c => c.Id == e.CompetenceId)).ToList();
            var need = entries.Count == 0 ? 0 : entries.Sum(e => e.Level switch { PositioningLevel.NotYet => 1m, PositioningLevel.Partly => 0.6m, _ => 0m }) / entries.Count;
            return Math.Min(u.MaximumTrainingHours ?? 0, (int)Math.Ceiling((u.MaximumTrainingHours ?? 0) * need / 7) * 7);
        });
        foreach (var unit in units.OrderByDescending(u => u.MaximumTrainingHours))
            while (hours.Values.Sum() < minimum && hours[unit.Number] + 7 <= (unit.MaximumTrainingHours ?? 0)) hours[unit.Number] += 7;

        registration.TrainingPaths.Add(Path(1, units, hours, staffId,
            "Acquérir les compétences du référentiel non encore maîtrisées au positionnement, pour exercer en autonomie sur un plateau de télésecrétariat.",
            recorded.AddHours(1)));
    }

    private static TrainingPath Path(int version, List<CertificationUnit> units, IReadOnlyDictionary<int, int> hours, string staffId, string objectives, DateTimeOffset createdAt) => new()
    {
        Version = version, CreatedByUserId = staffId, Objectives = objectives, CreatedAt = createdAt, UpdatedAt = createdAt,
        Units = units.Select(u =>
        {
            var planned = Math.Min(hours.GetValueOrDefault(u.Number), u.MaximumTrainingHours ?? int.MaxValue);
            return new TrainingPathUnit { UnitId = u.Id, PlannedHours = planned, Modules = ModulesOf(u).Take(Math.Max(1, planned / 7)).Where(_ => planned > 0).ToList() };
        }).ToList(),
    };

    private static string[] ModulesOf(CertificationUnit unit) => Modules.TryGetValue(unit.Number, out var modules) ? modules : [$"Bloc {unit.Number} : {unit.Title}"];

    /// <summary>Unit 1 spread over the whole training, the other units slotted in between, so every month mixes blocks.</summary>
    private static List<(CertificationUnit Unit, string Module)> Interleave(List<(CertificationUnit Unit, string Module)> plan)
    {
        var main = plan.Where(p => p.Unit.Number == 1).ToList();
        var others = plan.Where(p => p.Unit.Number != 1).ToList();
        var order = new List<(CertificationUnit, string)>();
        for (var i = 0; i < Math.Max(main.Count, others.Count); i++)
        {
            if (i < main.Count) order.Add(main[i]);
            if (i < others.Count) order.Add(others[i]);
        }
        return order;
    }

    /// <summary>
    /// <paramref name="count"/> training days from <paramref name="from"/>: at most three a month, around the 7th, 14th
    /// and 21st (the 1st, 4th and 8th in December), on a weekday that is not a public holiday nor a day in
    /// <paramref name="busy"/>, never at a month end nor from 11 December (<see cref="SessionDateAdvice"/>).
    /// </summary>
    internal static List<DateOnly> TrainingDays(DateOnly from, int count, IReadOnlySet<DateOnly> busy)
    {
        var days = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); days.Count < count; month = month.AddMonths(1))
            foreach (var slot in month.Month == 12 ? new[] { 1, 4, 8 } : [7, 14, 21])
            {
                var day = new DateOnly(month.Year, month.Month, slot);
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || busy.Contains(day) || IsPublicHoliday(day)) day = day.AddDays(1);
                if (day < from || day.Month != month.Month || SessionDateAdvice.Warnings(day).Count > 0 || days.Contains(day)) continue;
                if (days.Count < count) days.Add(day);
            }
        return days;
    }

    private static bool IsPublicHoliday(DateOnly day) => (day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25);

    private static Session TrainingSession(int certificationId, CertificationUnit unit, string module, DateOnly day, (Region Region, string City, string PostalCode, string Place, string Address) centre, string trainerId) => new()
    {
        CertificationId = certificationId, Kind = SessionKind.Training, StartsAt = Paris(day, DayStartsAt), DurationMinutes = DaySpanMinutes,
        PlaceName = centre.Place, Address = centre.Address, PostalCode = centre.PostalCode, City = centre.City, Region = centre.Region,
        Capacity = 10, RegistrationDeadline = day.AddDays(-7), UnitId = unit.Id, ModuleTitle = module, TrainerUserId = trainerId, Room = Room,
    };

    private static DateOnly Weekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private static DateTimeOffset Paris(DateOnly day, int hour) => DayInParis.At(day, new TimeOnly(hour, 0)).ToUniversalTime();
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
