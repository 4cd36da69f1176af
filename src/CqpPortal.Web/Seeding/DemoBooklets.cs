using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Vae;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// Nadia Moreau's booklets, as README promises (issue 17): booklet 1 written, sent and declared admissible by staff on
/// her registration's admissibility day, booklet 2 in progress with the first unit described. Written through the candidate's own draft
/// service, so the demo holds what the pages would have saved.
/// </summary>
public sealed class DemoBooklets(CqpDbContext db, VaeDrafts drafts, VaeReviews reviews, TimeProvider clock)
{
    public const string Candidate = "vae@cqp.test";

    public async Task SeedAsync(IReadOnlyDictionary<string, PortalUser> accounts, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.Where(r => r.Candidate!.Email == Candidate)
            .Select(r => new { r.Id, r.Candidate!.UserId, r.Candidate.FirstName, r.Candidate.LastName, r.RegisteredOn, r.AdmissibilityDecidedOn }).SingleAsync(cancellationToken);
        var today = DayInParis.Today(clock);
        // Sent four days after the registration, declared admissible on the registration's admissibility day.
        var (sentOn, decidedOn) = (registration.RegisteredOn!.Value.AddDays(4), registration.AdmissibilityDecidedOn!.Value);

        var first = await drafts.OpenAsync(registration.Id, BookletKind.Admissibility);
        Saved(await drafts.SaveJobsAsync(first, first.Version,
        [
            new BookletJob
            {
                Employer = "Clinique du Parc", JobTitle = "Standardiste", Kind = VaeJobKind.Switchboard, From = today.AddYears(-7).AddMonths(-2), To = today.AddYears(-4).AddMonths(-3),
                FullTimeShare = 100, PhoneTimeShare = 80, MainActivities = "Accueil téléphonique des patients, prise de rendez-vous, orientation des appels vers les services.",
            },
            new BookletJob
            {
                Employer = "Cabinet Morel Secrétariat", JobTitle = "Télésecrétaire", Kind = VaeJobKind.TeleSecretary, From = today.AddYears(-4).AddMonths(-2), To = today.AddMonths(-3),
                FullTimeShare = 80, PhoneTimeShare = 90, MainActivities = "Secrétariat à distance de cabinets médicaux : agendas, messages, relances et saisie de courriers.",
            },
        ], sworn: true));
        foreach (var (kind, file, title) in new[]
                 {
                     (BookletDocumentKind.EmployerAttestation, "attestation-clinique-du-parc.pdf", "Attestation d'employeur – Clinique du Parc"),
                     (BookletDocumentKind.EmployerAttestation, "attestation-cabinet-morel.pdf", "Attestation d'employeur – Cabinet Morel Secrétariat"),
                 })
            await AddAsync(first, kind, null, file, title, $"{registration.FirstName} {registration.LastName}");
        first = await drafts.OpenAsync(registration.Id, BookletKind.Admissibility);
        // Dated as she did it: statement ticked and files added the day she sent the booklet, not the day of the seed.
        first.SwornOn = sentOn;
        foreach (var document in await db.BookletDocuments.Where(d => d.BookletId == first.Id).ToListAsync(cancellationToken))
            document.UploadedAt = DayInParis.At(sentOn, new TimeOnly(18, 0)).ToUniversalTime();
        first.Submit(DayInParis.At(sentOn, new TimeOnly(18, 30)).ToUniversalTime(), registration.UserId!, await reviews.SnapshotAsync(first));
        first.Version++;
        first.Decide(BookletState.Admissible, null, [], DayInParis.At(decidedOn, new TimeOnly(14, 0)).ToUniversalTime(), accounts["staff@cqp.test"].Id);
        first.Version++;
        await db.SaveChangesAsync(cancellationToken);

        // Booklet 2: the first unit's activities described, the rest still to write.
        var second = await drafts.OpenAsync(registration.Id, BookletKind.Experience);
        var unitOne = (await db.VaeActivitiesAsync(registration.Id)).Where(a => a.UnitNumber == 1).ToList();
        Saved(await drafts.SaveSituationsAsync(second, second.Version, unitOne.Select(a => a.Id).ToList(), unitOne.Select(a => new BookletSituation
        {
            ActivityId = a.Id,
            Context = $"Au Cabinet Morel Secrétariat, pour un cabinet de trois médecins, un lundi matin de forte affluence ({a.Title.ToLowerInvariant()}).",
            Actions = "J'ai pris chaque appel dans les trois sonneries, identifié la demande, consulté l'agenda partagé et proposé un créneau ou transmis un message précis.",
            Tools = "Logiciel d'agenda médical, standard virtuel, messagerie sécurisée.",
            Result = "Aucun appel perdu sur la matinée ; les médecins ont retrouvé les messages classés par urgence.",
        }).ToList()));
        var evidenceFor = unitOne.FirstOrDefault();
        if (evidenceFor is not null)
            await AddAsync(await drafts.OpenAsync(registration.Id, BookletKind.Experience), BookletDocumentKind.WorkSample, evidenceFor.Id,
                "exemple-fiche-message.pdf", "Exemple de fiche de message", $"{registration.FirstName} {registration.LastName}");
    }

    private async Task AddAsync(Booklet booklet, BookletDocumentKind kind, int? activityId, string fileName, string title, string name)
    {
        var pdf = new PdfDocumentWriter(title, "Document de démonstration")
            .Title(title)
            .Paragraph($"Pièce versée au livret de {name} (document de démonstration).")
            .ToBytes();
        using var content = new MemoryStream(pdf);
        var refusal = await drafts.AddDocumentAsync(booklet, kind, activityId, fileName, pdf.Length, content);
        if (refusal is not null) throw new InvalidOperationException($"Demo booklet document refused: {refusal}");
    }

    private static void Saved(BookletSave result)
    {
        if (result != BookletSave.Saved) throw new InvalidOperationException($"Demo booklet not saved: {result}");
    }
}
