using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Companies;

/// <summary>
/// Tells the approved managers of a followed employee's company of each convocation, the admissibility decision and
/// the final jury result; nobody is told about an employee who did not agree (<see cref="EmployeeFollowing.AudienceAsync"/>).
/// Called where the candidate is told, after the same commit (the outbox holds e-mails until then).
/// </summary>
public sealed class EmployeeNotifications(EmployeeFollowing following, CompanyMailer mailer, IOptions<PortalSettings> settings)
{
    /// <summary>The manager's page of the employee's training (planning, attendance, hours), for the training e-mails.</summary>
    private string TrainingPage(int registrationId) => settings.Value.PublicLink($"/Entreprise/Salarie/Formation/{registrationId}");

    public async Task ConvenedAsync(int registrationId, Session session)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeConvenedAsync(manager, audience, session);
    }

    public async Task ConvocationChangedAsync(int registrationId, SessionWhereWhen before, Session session)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeConvocationChangedAsync(manager, audience, before, session);
    }

    public async Task ConvocationCancelledAsync(int registrationId, Session session)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeConvocationCancelledAsync(manager, audience, session);
    }

    /// <summary>The employee's training session: <paramref name="change"/> says what happened (« est convoqué(e) en formation », …).</summary>
    public async Task TrainingAsync(int registrationId, Session session, string unit, string change)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeTrainingAsync(manager, audience, session, unit, change, TrainingPage(registrationId));
    }

    public async Task AdmissibilityDecidedAsync(int registrationId, RegistrationState decision, DateOnly decidedOn, string? motive)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeAdmissibilityDecidedAsync(manager, audience, decision, decidedOn, motive);
    }

    /// <summary>A followed employee was marked absent (not excused) at half-days of a training session: told once per absence by the caller.</summary>
    public async Task AbsentFromTrainingAsync(int registrationId, Session session, IReadOnlyList<HalfDay> halfDays)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeAbsentFromTrainingAsync(manager, audience, session, halfDays, TrainingPage(registrationId));
    }

    public async Task JuryDecidedAsync(int registrationId, DateOnly decidedOn, JuryResult result, IReadOnlyList<int> validatedUnitNumbers)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeJuryDecidedAsync(manager, audience, decidedOn, result, validatedUnitNumbers);
    }

    /// <summary>A version of the employee's training path waits for the company's signature.</summary>
    public async Task TrainingPathProposedAsync(int registrationId, int version, string link)
    {
        if (await following.AudienceAsync(registrationId) is not { } audience) return;
        foreach (var manager in audience.Managers) await mailer.EmployeeTrainingPathProposedAsync(manager, audience, version, link);
    }
}
