using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Surveys;

/// <summary>What one run of <see cref="HolderSurveys.RunDueAsync"/> did.</summary>
public sealed record SurveyRun(int Opened, int Invited, int Reminded);

/// <summary>
/// The 6- and 24-month follow-up of holders: when a wave falls due, a survey for every holder (a registration with a
/// total validation, with or without a login); an e-mail with a personal link to those with an address (the others
/// wait for a phone call from staff); reminders 7 and 21 days later while there is no answer; the answer itself
/// (personal link or the holder's own space). The statistics read the answers and the invitations (response rate).
/// </summary>
public sealed class HolderSurveys(CqpDbContext db, CandidateMailer mailer, NotificationKeys keys, IOptions<PortalSettings> portal, TimeProvider clock)
{
    /// <summary>
    /// Opens the waves due today and sends the reminders due. Safe to run several times a day and on several servers at
    /// once: each e-mail's key is claimed in the transaction that records it, and only the run that claimed it sends it.
    /// A run that missed days catches up (waves due in the last <see cref="HolderSurveySchedule.InvitationWindowDays"/>
    /// days, reminders late rather than never).
    /// </summary>
    public async Task<SurveyRun> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var (opened, invited) = await OpenDueWavesAsync(id => Link(OwnSpacePath(id)), cancellationToken);
        var reminded = await RemindAsync(cancellationToken);
        return new SurveyRun(opened, invited, reminded);
    }

    /// <summary>The link of an e-mail: jobs run outside any web request, so the site's address is a setting (required in Production).</summary>
    public static string AnswerPath(string token) => $"/Enquete/{token}";

    public static string OptOutPath(string token) => $"/Enquete/{token}/Desinscription";

    /// <summary>The same survey in the holder's own space, for holders with a login.</summary>
    public static string OwnSpacePath(int surveyId) => $"/Candidat/Enquete/{surveyId}";

    /// <summary>
    /// Opens the waves due today (a survey for every holder, an invitation to those with an address); returns how many
    /// invitations were sent. <paramref name="ownSpaceLink"/> makes the link to the holder's own space, added to the
    /// e-mail of holders with a login.
    /// </summary>
    public async Task<int> InviteDueAsync(Func<int, string> ownSpaceLink, CancellationToken cancellationToken = default) =>
        (await OpenDueWavesAsync(ownSpaceLink, cancellationToken)).Invited;

    public static string InvitationKey(int registrationId, SurveyWave wave) => $"survey:registration:{registrationId}:{(int)wave}";

    public static string ReminderKey(int surveyId, SurveyLinkPurpose purpose) => $"survey:{surveyId}:reminder:{(int)purpose}";

    private async Task<(int Opened, int Invited)> OpenDueWavesAsync(Func<int, string> ownSpaceLink, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DayInParis.Of(now);
        var oldest = today.AddMonths(-(int)SurveyWave.TwentyFourMonths).AddDays(-HolderSurveySchedule.InvitationWindowDays);
        // Who is a holder: Registration.CertifiedOn (set by an import and when a portal jury's minutes are locked), else
        // the final total validation of a jury (a decision recorded before the minutes' lock set it).
        var holders = await db.Registrations
            .Select(r => new
            {
                r.Id,
                r.Candidate!.Email,
                r.Candidate.FirstName,
                HasLogin = r.Candidate.UserId != null,
                r.Certification!.Kind,
                r.Certification.Title,
                CertifiedOn = r.CertifiedOn ?? r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).Where(j => j.Result == JuryResult.TotalValidation).Select(j => (DateOnly?)j.DecidedOn).Max(),
                Waves = r.Surveys.Select(s => s.Wave).ToList(),
                OptedOut = r.Surveys.Any(s => s.OptedOutAt != null),
            })
            .Where(h => h.CertifiedOn != null && h.CertifiedOn > oldest)
            .ToListAsync(cancellationToken);
        int opened = 0, invited = 0;
        foreach (var holder in holders)
        {
            var certifiedOn = holder.CertifiedOn!.Value;
            foreach (var wave in HolderSurveySchedule.WavesToInvite(certifiedOn, today, holder.Waves, holder.OptedOut))
            {
                var hasEmail = !string.IsNullOrWhiteSpace(holder.Email);
                string? token = null;
                var surveyId = 0;
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    if (!await keys.TryClaimAsync(InvitationKey(holder.Id, wave), cancellationToken)) continue; // another run opens this wave
                    var survey = new HolderSurvey { RegistrationId = holder.Id, Wave = wave, DueOn = HolderSurveySchedule.DueOn(certifiedOn, wave) };
                    if (hasEmail)
                    {
                        survey.InvitedAt = now;
                        token = AddLink(survey, SurveyLinkPurpose.Invitation, now);
                    }
                    db.HolderSurveys.Add(survey);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    surveyId = survey.Id;
                }
                opened++;
                if (token is null) continue; // no address: staff call the holder (the campaign page lists them)
                // Claimed with the survey, so handed to delivery once: a transport failure is retried by the job system (EmailDelivery).
                await mailer.SurveyInvitationAsync(holder.Email, holder.FirstName, $"{holder.Kind} {holder.Title}", wave,
                    SurveyReminders.LastDay(now), Link(AnswerPath(token)), Link(OptOutPath(token)), holder.HasLogin ? ownSpaceLink(surveyId) : null);
                invited++;
            }
        }
        return (opened, invited + await InviteLaterAddressesAsync(ownSpaceLink, today, now, cancellationToken));
    }

    /// <summary>
    /// A survey opened without an e-mail address (staff were to phone) whose holder has one now, the wave still within
    /// its invitation window and not answered nor opted out: the invitation leaves now, and its 60 days start now.
    /// </summary>
    private async Task<int> InviteLaterAddressesAsync(Func<int, string> ownSpaceLink, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var oldestDue = today.AddDays(-HolderSurveySchedule.InvitationWindowDays);
        var waiting = await db.HolderSurveys
            .Where(s => s.InvitedAt == null && s.RespondedOn == null && s.OptedOutAt == null && s.DueOn > oldestDue && s.DueOn <= today
                && s.Registration!.Candidate!.Email != "")
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var invited = 0;
        foreach (var id in waiting)
        {
            string token;
            HolderSurvey survey;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (!await keys.TryClaimAsync($"survey:{id}:invitation-to-new-address", cancellationToken)) continue;
                survey = await db.HolderSurveys.Include(s => s.Registration!).ThenInclude(r => r.Candidate)
                    .Include(s => s.Registration!).ThenInclude(r => r.Certification).SingleAsync(s => s.Id == id, cancellationToken);
                survey.InvitedAt = now;
                token = AddLink(survey, SurveyLinkPurpose.Invitation, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            var candidate = survey.Registration!.Candidate!;
            await mailer.SurveyInvitationAsync(candidate.Email, candidate.FirstName, survey.Registration.Certification!.Name, survey.Wave,
                SurveyReminders.LastDay(now), Link(AnswerPath(token)), Link(OptOutPath(token)), candidate.UserId is null ? null : ownSpaceLink(id));
            invited++;
        }
        return invited;
    }

    private async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitedAfter = now.AddDays(-SurveyReminders.AnswerWindowDays);
        var pending = await db.HolderSurveys
            .Where(s => s.InvitedAt != null && s.InvitedAt > invitedAfter && s.RespondedOn == null && s.OptedOutAt == null && s.SecondReminderAt == null)
            .Select(s => new { s.Id, InvitedAt = s.InvitedAt!.Value, s.FirstReminderAt, s.SecondReminderAt })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var pendingSurvey in pending)
        {
            var purpose = SurveyReminders.Due(new SurveyProgress(pendingSurvey.InvitedAt, pendingSurvey.FirstReminderAt, pendingSurvey.SecondReminderAt, null, null), now);
            if (purpose is null) continue;
            string token;
            HolderSurvey survey;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (!await keys.TryClaimAsync(ReminderKey(pendingSurvey.Id, purpose.Value), cancellationToken)) continue;
                survey = await db.HolderSurveys.Include(s => s.Registration!).ThenInclude(r => r.Candidate)
                    .Include(s => s.Registration!).ThenInclude(r => r.Certification).SingleAsync(s => s.Id == pendingSurvey.Id, cancellationToken);
                // Answered or opted out since the list was read: the claim is spent, nothing is sent.
                if (SurveyReminders.Due(Progress(survey), now) != purpose || string.IsNullOrWhiteSpace(survey.Registration!.Candidate!.Email)) continue;
                if (purpose == SurveyLinkPurpose.FirstReminder) survey.FirstReminderAt = now;
                else survey.SecondReminderAt = now;
                token = AddLink(survey, purpose.Value, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            var candidate = survey.Registration.Candidate;
            await mailer.SurveyReminderAsync(candidate.Email, candidate.FirstName, survey.Registration.Certification!.Name, survey.Wave, purpose.Value,
                SurveyReminders.LastDay(survey.InvitedAt!.Value), Link(AnswerPath(token)), Link(OptOutPath(token)));
            reminded++;
        }
        return reminded;
    }

    /// <summary>A fresh link for one e-mail: the token goes in the e-mail, only its hash in the database.</summary>
    private static string AddLink(HolderSurvey survey, SurveyLinkPurpose purpose, DateTimeOffset now)
    {
        var token = SurveyLinkToken.New();
        survey.Links.Add(new HolderSurveyLink
        {
            Purpose = purpose, TokenHash = SurveyLinkToken.Hash(token), CreatedAt = now, ExpiresAt = SurveyReminders.ExpiresAt(survey.InvitedAt!.Value),
        });
        return token;
    }

    private string Link(string path) => portal.Value.PublicLink(path);

    public static SurveyProgress Progress(HolderSurvey survey) =>
        new(survey.InvitedAt ?? DateTimeOffset.MinValue, survey.FirstReminderAt, survey.SecondReminderAt, survey.RespondedOn, survey.OptedOutAt);

    /// <summary>The survey when it belongs to this account's candidate; otherwise null.</summary>
    public Task<HolderSurvey?> FindOwnAsync(string userId, int surveyId) =>
        db.HolderSurveys.Include(s => s.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == surveyId && s.Registration!.Candidate!.UserId == userId);

    /// <summary>
    /// Records the answer once; returns the problems (field, French message) when it cannot be recorded, and then saves
    /// nothing. An answer given online (the holder's own page or personal link) is taken only while the survey is open:
    /// not after an answer, an opt-out or the end of the answering window. One typed by staff (phone, paper) only needs
    /// the survey to have no answer yet, and is dated the day it was given (<paramref name="respondedOn"/>; today by default).
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> AnswerAsync(HolderSurvey survey, SurveyAnswer typed, SurveyAnswerChannel channel,
        string? recordedByUserId = null, DateOnly? respondedOn = null, CancellationToken cancellationToken = default)
    {
        if (Closed(survey, channel) is { } closed) return [("", closed)];
        var problems = SurveyAnswerRules.Check(typed);
        if (problems.Count > 0) return problems;
        var answer = SurveyAnswerRules.Normalise(typed);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two answers at once (staff typing a phone call while the holder answers online, a double click): the row lock
        // makes the second wait, then see the first and record nothing.
        await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "HolderSurveys" WHERE "Id" = {survey.Id} FOR UPDATE""", cancellationToken);
        await db.Entry(survey).ReloadAsync(cancellationToken);
        if (Closed(survey, channel) is { } closedMeanwhile) return [("", closedMeanwhile)];
        survey.Situation = answer.Situation;
        survey.Contract = answer.Contract;
        survey.Sector = answer.Sector;
        survey.JobTitle = answer.JobTitle;
        survey.Company = answer.Company;
        survey.TrainingLevel = answer.TrainingLevel;
        survey.NsfCode = answer.NsfCode;
        survey.Channel = channel;
        survey.RecordedByUserId = recordedByUserId;
        survey.RespondedOn = respondedOn ?? DayInParis.Today(clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Why this survey takes no answer through this channel now, in French; null when it does.</summary>
    private string? Closed(HolderSurvey survey, SurveyAnswerChannel channel)
    {
        if (channel != SurveyAnswerChannel.Online)
            return survey.RespondedOn is null ? null : "Cette enquête a déjà une réponse : elle ne peut pas être saisie une seconde fois.";
        return SurveyReminders.StateOf(Progress(survey), clock.GetUtcNow()) switch
        {
            SurveyLinkState.Answered => "Vous avez déjà répondu à cette enquête : merci.",
            SurveyLinkState.OptedOut => "Vous avez demandé à ne plus recevoir cette enquête : elle est close pour vous. Pour répondre malgré tout, écrivez à l'organisme de formation (page Contact).",
            SurveyLinkState.Expired => $"Cette enquête est close depuis le {FrenchFormat.Date(SurveyReminders.LastDay(survey.InvitedAt ?? clock.GetUtcNow()).AddDays(1))} : votre réponse n'a pas pu être enregistrée. Vous pouvez la donner à l'organisme de formation (page Contact).",
            _ => null,
        };
    }
}
