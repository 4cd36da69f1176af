using Bogus;
using CqpPortal.Domain.Certificates;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// The evaluation side of the demo, laid over the journeys <see cref="DemoDataSeeder"/> made: the evaluators' register
/// (the two demo evaluators, a name staff proposed, an expired and a withdrawn habilitation), both evaluators assigned
/// to every evaluation and VAE situation session, attendance and signed grids behind every jury convocation, the last
/// past evaluation's grids left to complete (its candidates are not convened yet), the juries' presidents and signed
/// minutes. Deterministic (its own random seed).
/// </summary>
public sealed class DemoEvaluations(CqpDbContext db, PaperCertificates paper, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, PortalUser> accounts, CancellationToken cancellationToken = default)
    {
        var faker = new Faker("fr") { Random = new Randomizer(DemoDataSeeder.Seed + 12) };
        var now = clock.GetUtcNow();
        var today = DayInParis.Today(clock);
        var certification = await db.Certifications.Include(c => c.Units).ThenInclude(u => u.Competences).OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var staffId = accounts["staff@cqp.test"].Id;
        var sistId = accounts["sist@cqp.test"].Id;

        Evaluator Habilitated(string name, string email, string organisation, string? userId, DateOnly from, DateOnly to, HabilitationState state = HabilitationState.Active, string? reason = null)
        {
            var evaluator = new Evaluator { FullName = name, Email = email, Organisation = organisation, UserId = userId, ProposedByUserId = staffId, Phone = "01 44 00 00 00" };
            var habilitation = new EvaluatorHabilitation { CertificationId = certification.Id, ValidFrom = from, ValidTo = to, State = state, Reason = reason };
            habilitation.History.Add(new EvaluatorHabilitationEvent { Action = HabilitationAction.Granted, ValidTo = to, At = DayInParis.At(from, new TimeOnly(10, 0)).ToUniversalTime(), ByUserId = sistId });
            if (state == HabilitationState.Withdrawn)
                habilitation.History.Add(new EvaluatorHabilitationEvent { Action = HabilitationAction.Withdrawn, Reason = reason, At = now.AddDays(-40), ByUserId = sistId });
            evaluator.Habilitations.Add(habilitation);
            return evaluator;
        }
        var first = Habilitated("Hélène Roux", "evaluateur@cqp.test", "Permanence Roux Conseil (télésecrétariat)", accounts["evaluateur@cqp.test"].Id, today.AddYears(-3), today.AddYears(1));
        var second = Habilitated("Karim Benali", "evaluateur2@cqp.test", "Centre de formation des métiers du téléphone", accounts["evaluateur2@cqp.test"].Id, today.AddYears(-3), today.AddYears(1));
        db.Evaluators.AddRange(first, second,
            Habilitated("Odile Marchand", "odile.marchand@exemple.fr", "Secrétariat Marchand", null, today.AddYears(-3), today.AddMonths(-2)),
            Habilitated("Thierry Vasseur", "thierry.vasseur@exemple.fr", "Accueil Vasseur SARL", null, today.AddYears(-2), today.AddYears(1), HabilitationState.Withdrawn,
                "Habilitation retirée à la demande de l'évaluateur (changement d'activité)."),
            new Evaluator { FullName = "Sandrine Colin", Email = "sandrine.colin@exemple.fr", Organisation = "Formatrice indépendante", ProposedByUserId = staffId });

        var sessions = await db.Sessions.Where(s => s.CertificationId == certification.Id).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        foreach (var session in sessions.Where(s => s.Kind != SessionKind.Jury))
        {
            db.SessionEvaluators.Add(new SessionEvaluator { Session = session, Evaluator = first, Role = EvaluatorRole.Evaluator, AssignedAt = session.StartsAt.AddDays(-30), AssignedByUserId = staffId });
            db.SessionEvaluators.Add(new SessionEvaluator { Session = session, Evaluator = second, Role = EvaluatorRole.CoEvaluator, Remote = session.Kind == SessionKind.VaeSituation,
                AssignedAt = session.StartsAt.AddDays(-30), AssignedByUserId = staffId });
        }

        // Juries: the demo jury member presides over every jury, the second member sits beside them.
        var juries = sessions.Where(s => s.Kind == SessionKind.Jury).ToList();
        var members = await db.JurySessionMembers.Where(m => m.Session!.CertificationId == certification.Id).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => m.UserId == accounts["jury@cqp.test"].Id)) member.IsPresident = true;
        foreach (var jury in juries)
            db.JurySessionMembers.Add(new JurySessionMember { SessionId = jury.Id, UserId = accounts["jury2@cqp.test"].Id, AssignedAt = jury.StartsAt.AddDays(-30), AssignedByUserId = staffId });

        var enrolments = await db.SessionEnrolments.Include(e => e.Session).Include(e => e.Registration).ThenInclude(r => r!.JuryDecisions).ThenInclude(j => j.UnitResults)
            .Where(e => e.State == EnrolmentState.Enrolled && e.Session!.CertificationId == certification.Id).ToListAsync(cancellationToken);
        var lastEvaluation = sessions.Where(s => s.Kind == SessionKind.Evaluation && s.StartsAt < now).MaxBy(s => s.StartsAt);
        foreach (var enrolment in enrolments.Where(e => e.Session!.Kind != SessionKind.Jury && e.Session.StartsAt < now))
        {
            enrolment.Attendance = Attendance.Present;
            enrolment.AttendanceRecordedAt = enrolment.Session!.StartsAt.AddHours(1);
            enrolment.AttendanceRecordedByUserId = first.UserId;
            var decision = enrolment.Registration!.JuryDecisions.OrderBy(j => j.DecidedOn).FirstOrDefault();
            var failedUnits = decision?.UnitResults.Where(u => !u.Validated).Select(u => u.UnitId).ToHashSet() ?? [];
            var toComplete = enrolment.Session.Id == lastEvaluation?.Id && decision is null;
            if (toComplete)
            {
                // Grids still to complete: the candidate cannot be convened before both evaluators sign.
                foreach (var juryEnrolment in enrolments.Where(j => j.RegistrationId == enrolment.RegistrationId && j.Session!.Kind == SessionKind.Jury && j.Session.StartsAt > now))
                    db.SessionEnrolments.Remove(juryEnrolment);
            }
            db.EvaluationGrids.Add(Grid(faker, enrolment, certification, failedUnits, toComplete, first.UserId!, second.UserId!));
        }

        // A VAE candidate is convened only once booklet 2 is accepted: the demo's journeys have no booklets, so their
        // coming convocations wait.
        var acceptedBooklets = await db.Booklets.Where(b => b.Kind == Domain.Vae.BookletKind.Experience && b.State == Domain.Vae.BookletState.Admissible)
            .Select(b => b.RegistrationId).ToListAsync(cancellationToken);
        foreach (var juryEnrolment in enrolments.Where(e => e.Session!.Kind == SessionKind.Jury && e.Session.StartsAt > now
                     && e.Registration!.Route == CertificationRoute.Vae && !acceptedBooklets.Contains(e.RegistrationId)))
            db.SessionEnrolments.Remove(juryEnrolment);

        // Past juries: decisions recorded by the president, minutes signed by both members, hence locked.
        var presidentId = accounts["jury@cqp.test"].Id;
        var decisions = await db.JuryDecisions.Include(j => j.Registration).ThenInclude(r => r!.Candidate)
            .Where(j => j.Session!.CertificationId == certification.Id).ToListAsync(cancellationToken);
        foreach (var jury in juries.Where(j => j.StartsAt < now))
        {
            var end = jury.StartsAt.AddMinutes(jury.DurationMinutes);
            foreach (var decision in decisions.Where(d => d.SessionId == jury.Id)) (decision.RecordedByUserId, decision.RecordedAt) = (presidentId, end.AddMinutes(-20));
            db.JuryMinutesSignatures.Add(new JuryMinutesSignature { SessionId = jury.Id, UserId = presidentId, SignedAt = end.AddMinutes(-10) });
            db.JuryMinutesSignatures.Add(new JuryMinutesSignature { SessionId = jury.Id, UserId = accounts["jury2@cqp.test"].Id, SignedAt = end.AddMinutes(-5) });
            jury.MinutesLockedAt = end.AddMinutes(-5);
        }

        // Holders' certificates: those of the last two months wait for SIST's signature, older ones are signed and sent.
        foreach (var decision in decisions.Where(d => d.Result == JuryResult.TotalValidation))
        {
            var signed = decision.DecidedOn < today.AddMonths(-2) && decision.Registration!.Candidate!.Email != "titulaire@cqp.test";
            var issuedAt = DayInParis.At(decision.DecidedOn, new TimeOnly(18, 0)).ToUniversalTime();
            db.Certificates.Add(new Certificate
            {
                Registration = decision.Registration, JuryDecision = decision, Number = CertificateNumber.New(), ObtainedOn = decision.DecidedOn,
                HolderName = decision.Registration!.Candidate!.FullName, IssuedAt = issuedAt,
                SignedAt = signed ? issuedAt.AddDays(20) : null, SentAt = signed ? issuedAt.AddDays(22) : null, SignedByUserId = signed ? sistId : null,
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        // The demo holder's certificate goes through SIST's own action, so that her documents hold the real PDF.
        var holderCertificate = await db.Certificates.Where(c => c.Registration!.Candidate!.Email == "titulaire@cqp.test").Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (holderCertificate is { } id && await paper.MarkSignedAsync(id, sistId) is null)
            await paper.MarkSentAsync(id);
    }

    /// <summary>A grid consistent with the jury's decision: the competences of the units the jury did not validate are not acquired.</summary>
    private static EvaluationGrid Grid(Faker faker, SessionEnrolment enrolment, Certification certification, HashSet<int> failedUnits, bool toComplete, string evaluatorId, string coEvaluatorId)
    {
        var session = enrolment.Session!;
        var grid = new EvaluationGrid { Enrolment = enrolment, CreatedAt = session.StartsAt.AddHours(1), UpdatedAt = session.StartsAt.AddHours(3) };
        var competences = certification.Units.OrderBy(u => u.Number).SelectMany(u => u.Competences.OrderBy(c => c.Code)).ToList();
        for (var i = 0; i < competences.Count; i++)
        {
            var competence = competences[i];
            var entry = new EvaluationGridEntry { CompetenceId = competence.Id };
            if (toComplete && i >= competences.Count / 2) { grid.Entries.Add(entry); continue; } // the evaluator stopped half way
            // A unit the jury did not validate has its first competence not acquired, the others as it fell.
            var firstOfUnit = i == 0 || competences[i - 1].UnitId != competence.UnitId;
            var acquired = !failedUnits.Contains(competence.UnitId) || (!firstOfUnit && faker.Random.Bool(0.5f));
            entry.Acquired = acquired;
            entry.Observation = acquired ? null : faker.PickRandom(
                "Compétence non démontrée lors de la mise en situation : consignes du donneur d'ordres incomplètement appliquées.",
                "Reformulation absente et message restitué avec des erreurs.",
                "Réponses imprécises lors de l'entretien ; à retravailler.");
            if (!toComplete) entry.CoEvaluatorAgrees = true;
            grid.Entries.Add(entry);
        }
        if (!toComplete)
        {
            (grid.EvaluatorSignedAt, grid.EvaluatorSignedByUserId) = (session.StartsAt.AddMinutes(session.DurationMinutes + 30), evaluatorId);
            (grid.CoEvaluatorSignedAt, grid.CoEvaluatorSignedByUserId) = (session.StartsAt.AddMinutes(session.DurationMinutes + 45), coEvaluatorId);
        }
        return grid;
    }
}
