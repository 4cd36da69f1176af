using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

/// <summary>What is typed about an evaluator (proposed by staff, or created and edited by SIST).</summary>
public sealed record EvaluatorDetails(string FullName, string Email, string? Phone, string Organisation);

public sealed record HabilitationRow(int Id, int CertificationId, string Certification, HabilitationState State, DateOnly ValidFrom, DateOnly ValidTo, string? Reason);

/// <summary>A line of the register: a proposal by staff stays « proposé par l'organisme » until SIST grants a habilitation.</summary>
public sealed record RegisterRow(int Id, string FullName, string Organisation, string Email, bool HasAccount, bool Proposed,
    IReadOnlyList<HabilitationRow> Habilitations, int Links);

public sealed record HabilitationHistoryRow(string Certification, HabilitationAction Action, DateOnly? ValidTo, string? Reason, DateTimeOffset At, string? By);

public sealed record LinkRow(int Id, EvaluatorLinkKind Kind, string Name, string? Note, DateTimeOffset DeclaredAt);

/// <summary>An evaluator's file (« fiche »), as SIST and staff read it.</summary>
public sealed record EvaluatorFile(int Id, EvaluatorDetails Details, string? AccountEmail, bool Proposed, string? ProposedBy,
    IReadOnlyList<HabilitationRow> Habilitations, IReadOnlyList<HabilitationHistoryRow> History, IReadOnlyList<LinkRow> Links);

public sealed record Choice(int Id, string Name);

/// <summary>
/// The evaluators' register SIST keeps (seed 001, note 5; seed 004): staff propose names and declare links, SIST
/// creates and edits entries, grants, renews, suspends, reinstates and withdraws habilitations (each kept in the
/// history), and opens the evaluator's account. Habilitation changes go through <see cref="HabilitationRules"/>.
/// </summary>
public sealed class EvaluatorRegister(CqpDbContext db, UserManager<PortalUser> users, EvaluatorMailer mailer, TimeProvider clock)
{
    public async Task<List<RegisterRow>> ListAsync(string? search = null)
    {
        var query = db.Evaluators.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Domain.Lists.SearchPattern.Of(search)!;
            query = query.Where(e => EF.Functions.ILike(EF.Functions.Unaccent(e.FullName), pattern) || EF.Functions.ILike(EF.Functions.Unaccent(e.Organisation), pattern));
        }
        var rows = await query.OrderBy(e => e.FullName)
            .Select(e => new
            {
                e.Id, e.FullName, e.Organisation, e.Email, HasAccount = e.UserId != null, e.ProposedByUserId, Links = e.Links.Count,
                Habilitations = e.Habilitations.OrderBy(h => h.CertificationId)
                    .Select(h => new { h.Id, h.CertificationId, h.Certification!.Kind, h.Certification.Title, h.State, h.ValidFrom, h.ValidTo, h.Reason }).ToList(),
            }).ToListAsync();
        return rows.Select(e => new RegisterRow(e.Id, e.FullName, e.Organisation, e.Email, e.HasAccount, e.ProposedByUserId != null && e.Habilitations.Count == 0,
            e.Habilitations.Select(h => new HabilitationRow(h.Id, h.CertificationId, $"{h.Kind} {h.Title}", h.State, h.ValidFrom, h.ValidTo, h.Reason)).ToList(), e.Links)).ToList();
    }

    public async Task<EvaluatorFile?> FileAsync(int id)
    {
        var e = await db.Evaluators.AsNoTracking().Include(x => x.Habilitations).ThenInclude(h => h.Certification)
            .Include(x => x.Habilitations).ThenInclude(h => h.History).Include(x => x.User).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (e is null) return null;
        var links = await db.EvaluatorLinks.Where(l => l.EvaluatorId == id).OrderBy(l => l.DeclaredAt)
            .Select(l => new LinkRow(l.Id, l.Kind, l.Kind == EvaluatorLinkKind.TrainedCandidate ? l.Candidate!.LastName.ToUpper() + " " + l.Candidate.FirstName : l.Company!.Name, l.Note, l.DeclaredAt))
            .ToListAsync();
        var byIds = e.Habilitations.SelectMany(h => h.History).Select(x => x.ByUserId).Append(e.ProposedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var history = e.Habilitations.SelectMany(h => h.History.Select(x => new HabilitationHistoryRow(h.Certification!.Name, x.Action, x.ValidTo, x.Reason, x.At,
                x.ByUserId is { } by ? names.GetValueOrDefault(by) : null)))
            .OrderByDescending(x => x.At).ToList();
        return new EvaluatorFile(e.Id, new EvaluatorDetails(e.FullName, e.Email, e.Phone, e.Organisation), e.User?.Email,
            e.ProposedByUserId != null && e.Habilitations.Count == 0, e.ProposedByUserId is { } p ? names.GetValueOrDefault(p) : null,
            e.Habilitations.OrderBy(h => h.CertificationId).Select(h => new HabilitationRow(h.Id, h.CertificationId, h.Certification!.Name, h.State, h.ValidFrom, h.ValidTo, h.Reason)).ToList(),
            history, links);
    }

    public async Task<List<Choice>> CertificationsAsync() =>
        (await db.Certifications.OrderBy(c => c.Id).ToListAsync()).Select(c => new Choice(c.Id, c.Name)).ToList();

    /// <summary>Staff propose a name; SIST decides (the entry shows « proposé par l'organisme » until a habilitation is granted).</summary>
    public async Task<(int? Id, string? Refused)> ProposeAsync(EvaluatorDetails details, string staffUserId) => await AddAsync(details, staffUserId);

    /// <summary>SIST add an evaluator to the register directly.</summary>
    public async Task<(int? Id, string? Refused)> CreateAsync(EvaluatorDetails details) => await AddAsync(details, null);

    public async Task<string?> UpdateAsync(int id, EvaluatorDetails details)
    {
        var evaluator = await db.Evaluators.FindAsync(id);
        if (evaluator is null) return "Cet évaluateur ne figure pas au registre.";
        if (await DuplicateAsync(details.Email, id)) return Duplicate;
        (evaluator.FullName, evaluator.Email, evaluator.Phone, evaluator.Organisation) = (details.FullName.Trim(), details.Email.Trim(), Blank(details.Phone), details.Organisation.Trim());
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> GrantAsync(int evaluatorId, int certificationId, DateOnly validFrom, DateOnly validTo, string byUserId)
    {
        if (!await db.Evaluators.AnyAsync(e => e.Id == evaluatorId)) return "Cet évaluateur ne figure pas au registre.";
        if (!await db.Certifications.AnyAsync(c => c.Id == certificationId)) return "Choisissez la certification.";
        if (await db.EvaluatorHabilitations.AnyAsync(h => h.EvaluatorId == evaluatorId && h.CertificationId == certificationId))
            return "Cet évaluateur a déjà une habilitation pour cette certification : renouvelez-la, suspendez-la ou retirez-la.";
        if (HabilitationRules.WhyNotGrant(validFrom, validTo) is { } refused) return refused;
        var habilitation = new EvaluatorHabilitation { EvaluatorId = evaluatorId, CertificationId = certificationId, ValidFrom = validFrom, ValidTo = validTo };
        habilitation.History.Add(Event(HabilitationAction.Granted, validTo, null, byUserId));
        db.EvaluatorHabilitations.Add(habilitation);
        await db.SaveChangesAsync();
        return null;
    }

    public Task<string?> RenewAsync(int evaluatorId, int habilitationId, DateOnly newValidTo, string byUserId) =>
        ActAsync(evaluatorId, habilitationId, h => HabilitationRules.WhyNotRenew(h.State, h.ValidTo, newValidTo), h =>
        {
            h.ValidTo = newValidTo;
            return Event(HabilitationAction.Renewed, newValidTo, null, byUserId);
        });

    public Task<string?> SuspendAsync(int evaluatorId, int habilitationId, string? reason, string byUserId) =>
        ActAsync(evaluatorId, habilitationId, h => HabilitationRules.WhyNotSuspend(h.State, reason), h =>
        {
            (h.State, h.Reason) = (HabilitationState.Suspended, reason!.Trim());
            return Event(HabilitationAction.Suspended, null, h.Reason, byUserId);
        });

    public Task<string?> ReinstateAsync(int evaluatorId, int habilitationId, string byUserId) =>
        ActAsync(evaluatorId, habilitationId, h => HabilitationRules.WhyNotReinstate(h.State), h =>
        {
            (h.State, h.Reason) = (HabilitationState.Active, null);
            return Event(HabilitationAction.Reinstated, null, null, byUserId);
        });

    public Task<string?> WithdrawAsync(int evaluatorId, int habilitationId, string? reason, string byUserId) =>
        ActAsync(evaluatorId, habilitationId, h => HabilitationRules.WhyNotWithdraw(h.State, reason), h =>
        {
            (h.State, h.Reason) = (HabilitationState.Withdrawn, reason!.Trim());
            return Event(HabilitationAction.Withdrawn, null, h.Reason, byUserId);
        });

    /// <summary>The candidates staff may name as trained by an evaluator, by name.</summary>
    public async Task<List<Choice>> CandidateChoicesAsync() =>
        await db.Candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => new Choice(c.Id, c.LastName.ToUpper() + " " + c.FirstName + " (" + c.Email + ")")).ToListAsync();

    public async Task<List<Choice>> CompanyChoicesAsync() =>
        await db.Companies.OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name + " (SIRET " + c.Siret + ")")).ToListAsync();

    /// <summary>Declares a link: a candidate the evaluator trained, or a company they belong to.</summary>
    public const int LinkNoteMaxLength = 500;

    public async Task<string?> AddLinkAsync(int evaluatorId, EvaluatorLinkKind? kind, int? candidateId, int? companyId, string? note, string byUserId)
    {
        if (!await db.Evaluators.AnyAsync(e => e.Id == evaluatorId)) return "Cet évaluateur ne figure pas au registre.";
        // The column holds 500 characters: a longer note made a 500 (found by the adversarial suite).
        if (note?.Trim().Length > LinkNoteMaxLength) return $"La note ne doit pas dépasser {LinkNoteMaxLength} caractères.";
        var link = new EvaluatorLink { EvaluatorId = evaluatorId, Note = Blank(note), DeclaredAt = clock.GetUtcNow(), DeclaredByUserId = byUserId };
        switch (kind)
        {
            case EvaluatorLinkKind.TrainedCandidate:
                if (candidateId is null || !await db.Candidates.AnyAsync(c => c.Id == candidateId)) return "Choisissez le candidat formé par l'évaluateur.";
                if (await db.EvaluatorLinks.AnyAsync(l => l.EvaluatorId == evaluatorId && l.CandidateId == candidateId)) return "Ce lien est déjà déclaré.";
                (link.Kind, link.CandidateId) = (EvaluatorLinkKind.TrainedCandidate, candidateId);
                break;
            case EvaluatorLinkKind.Company:
                if (companyId is null || !await db.Companies.AnyAsync(c => c.Id == companyId)) return "Choisissez l'entreprise de l'évaluateur.";
                if (await db.EvaluatorLinks.AnyAsync(l => l.EvaluatorId == evaluatorId && l.CompanyId == companyId)) return "Ce lien est déjà déclaré.";
                (link.Kind, link.CompanyId) = (EvaluatorLinkKind.Company, companyId);
                break;
            default:
                return "Choisissez le type de lien.";
        }
        db.EvaluatorLinks.Add(link);
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> RemoveLinkAsync(int evaluatorId, int linkId) =>
        await db.EvaluatorLinks.Where(l => l.Id == linkId && l.EvaluatorId == evaluatorId).ExecuteDeleteAsync() == 0 ? "Ce lien n'existe pas." : null;

    /// <summary>
    /// Gives the evaluator an account in the evaluator role: the existing one of their e-mail address when it is already an
    /// evaluator's, otherwise a new one whose activation link is e-mailed (as for invited company managers).
    /// Returns why not, or whether an account was created.
    /// </summary>
    public async Task<(string? Refused, bool Created)> OpenAccountAsync(int evaluatorId, Func<string, string, string> activationLink)
    {
        var evaluator = await db.Evaluators.FindAsync(evaluatorId);
        if (evaluator is null) return ("Cet évaluateur ne figure pas au registre.", false);
        if (evaluator.UserId is not null) return ("Cet évaluateur a déjà un compte.", false);
        var existing = await users.FindByEmailAsync(evaluator.Email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, Roles.Evaluator))
                return ($"L'adresse {evaluator.Email} est celle d'un compte du portail qui n'est pas un compte évaluateur : indiquez une autre adresse pour cet évaluateur.", false);
            if (await db.Evaluators.AnyAsync(e => e.UserId == existing.Id))
                return ($"Le compte {evaluator.Email} est déjà rattaché à un autre évaluateur du registre.", false);
            evaluator.UserId = existing.Id;
            await db.SaveChangesAsync();
            return (null, false);
        }
        var user = new PortalUser { UserName = evaluator.Email, Email = evaluator.Email, DisplayName = evaluator.FullName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return (string.Join(" ", created.Errors.Select(e => e.Description)), false);
        await users.AddToRoleAsync(user, Roles.Evaluator);
        evaluator.UserId = user.Id;
        await db.SaveChangesAsync();
        await mailer.AccountOpenedAsync(user, (await db.Certifications.OrderBy(c => c.Id).FirstAsync()).Name, activationLink);
        return (null, true);
    }

    private async Task<(int? Id, string? Refused)> AddAsync(EvaluatorDetails details, string? proposedBy)
    {
        if (await DuplicateAsync(details.Email, null)) return (null, Duplicate);
        var evaluator = new Evaluator
        {
            FullName = details.FullName.Trim(), Email = details.Email.Trim(), Phone = Blank(details.Phone), Organisation = details.Organisation.Trim(), ProposedByUserId = proposedBy,
        };
        db.Evaluators.Add(evaluator);
        await db.SaveChangesAsync();
        return (evaluator.Id, null);
    }

    private async Task<string?> ActAsync(int evaluatorId, int habilitationId, Func<EvaluatorHabilitation, string?> why, Func<EvaluatorHabilitation, EvaluatorHabilitationEvent> act)
    {
        var habilitation = await db.EvaluatorHabilitations.FirstOrDefaultAsync(h => h.Id == habilitationId && h.EvaluatorId == evaluatorId);
        if (habilitation is null) return "Cette habilitation n'existe pas.";
        if (why(habilitation) is { } refused) return refused;
        var entry = act(habilitation);
        entry.HabilitationId = habilitation.Id;
        db.EvaluatorHabilitationEvents.Add(entry);
        await db.SaveChangesAsync();
        return null;
    }

    private EvaluatorHabilitationEvent Event(HabilitationAction action, DateOnly? validTo, string? reason, string byUserId) =>
        new() { Action = action, ValidTo = validTo, Reason = reason, At = clock.GetUtcNow(), ByUserId = byUserId };

    private Task<bool> DuplicateAsync(string email, int? exceptId)
    {
        var address = email.Trim().ToLower();
        return db.Evaluators.AnyAsync(e => e.Email.ToLower() == address && e.Id != exceptId);
    }

    private const string Duplicate = "Un évaluateur du registre a déjà cette adresse électronique.";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Today in Paris: the default start of a habilitation SIST grants.</summary>
    public DateOnly Today => DayInParis.Today(clock);
}
