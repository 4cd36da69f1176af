using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Content;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Seeding;

/// <summary>
/// The papers the demo's files carry: a proof of experience with every registration sent online and waiting for (or
/// returned at) the admissibility decision — the rule requires one before sending —, a document staff asked for on the
/// files returned as incomplete, and publishing proposals waiting for SIST's « avis conforme » (a page change, a PDF) and
/// one refused with its reason.
/// </summary>
public sealed class DemoDocuments(CqpDbContext db, ContentLibrary files, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, PortalUser> accounts, CancellationToken cancellationToken = default)
    {
        var staff = accounts["staff@cqp.test"];
        var now = clock.GetUtcNow();
        var waiting = await db.Registrations.Include(r => r.Candidate).Include(r => r.History)
            .Where(r => r.State == RegistrationState.Submitted || r.State == RegistrationState.Incomplete).ToListAsync(cancellationToken);
        foreach (var registration in waiting)
        {
            var sentAt = registration.History.Where(h => h.To == RegistrationState.Submitted).Min(h => (DateTimeOffset?)h.At) ?? now;
            var candidate = registration.Candidate!;
            registration.Proofs.Add(Proof(ProofKind.Experience, $"attestation-employeur-{candidate.LastName.ToLowerInvariant()}.pdf",
                "Attestation d'employeur", candidate.FullName, registration.EmployerName, sentAt.AddMinutes(-5), candidate.UserId));
            if (registration.State == RegistrationState.Incomplete)
            {
                var decidedAt = registration.History.Where(h => h.To == RegistrationState.Incomplete).Max(h => (DateTimeOffset?)h.At) ?? now;
                registration.DocumentRequests.Add(new DocumentRequest
                {
                    Label = "Bulletins de salaire des trois derniers mois", RequestedAt = decidedAt, RequestedByUserId = staff.Id,
                });
            }
        }

        var faq = files.FileMarkdown("faq");
        if (faq is not null)
        {
            // Refused a month ago (a wrong figure), then proposed again, corrected, and waiting for SIST's analysts.
            var addition = "\n\n## Puis-je passer les unités en plusieurs fois ?\n\nOui. Après une validation partielle, vous repassez seulement les unités " +
                "manquantes, dans le délai de votre parcours (deux ans à partir de la recevabilité).\n";
            db.ContentRevisions.Add(new ContentRevision
            {
                Slug = "faq", Markdown = faq + addition.Replace("deux ans", "trois ans"), SavedAt = now.AddDays(-31), SavedBy = staff.UserName!,
                Approval = ApprovalState.Refused, ReviewedBy = accounts["sist@cqp.test"].UserName, ReviewedAt = now.AddDays(-30),
                RefusalReason = "Le délai de parcours est de deux ans à partir de la recevabilité, pas trois : corrigez la réponse.",
            });
            db.ContentRevisions.Add(new ContentRevision { Slug = "faq", Markdown = faq + addition, SavedAt = now.AddDays(-2), SavedBy = staff.UserName!, Approval = ApprovalState.Proposed });
        }
        var guide = new PdfDocumentWriter("Calendrier des évaluations", "Organisme de formation – document proposé")
            .Title("Calendrier des évaluations et des jurys")
            .Paragraph("Les dates et les lieux des évaluations et des jurys de l'année à venir ; inscriptions en ligne dans l'espace candidat.")
            .ToBytes();
        db.LibraryDocuments.Add(new LibraryDocument
        {
            Title = "Calendrier des évaluations et des jurys", Audience = DocumentAudience.Candidates, FileName = "calendrier-evaluations.pdf",
            Content = guide, Size = guide.Length, UploadedAt = now.AddDays(-1), UploadedBy = staff.UserName!, Approval = ApprovalState.Proposed,
            Description = "Dates et lieux des sessions de l'année à venir.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static RegistrationProof Proof(ProofKind kind, string fileName, string title, string name, string? employer, DateTimeOffset at, string? byUserId)
    {
        var pdf = new PdfDocumentWriter(title, "Document de démonstration")
            .Title(title)
            .Paragraph($"{employer ?? "L'employeur"} atteste que {name} exerce à temps plein une activité de secrétariat à distance depuis plus de douze mois.")
            .ToBytes();
        return new RegistrationProof { Kind = kind, FileName = fileName, ContentType = "application/pdf", Length = pdf.Length, Content = pdf, UploadedAt = at, UploadedByUserId = byUserId };
    }
}
