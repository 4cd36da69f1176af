using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>
/// The portal on a database of its own, without demo data, holding a small known set around 2025: registrations,
/// jury decisions and survey answers on both sides of the year's boundaries. The expected figures are in
/// <see cref="StatisticsJsonTests"/>.
/// </summary>
public sealed class StatisticsPortal() : PortalFactory(TestCluster.NewDatabase("stats"), demoData: false), IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certification = await db.Certifications.Include(c => c.Units).SingleAsync();
        var units = certification.Units.OrderBy(u => u.Number).ToList();

        Registration Register(string name, Sex sex, DateOnly birth, DateOnly? registeredOn, RegistrationState state, CertificationRoute route,
            EmploymentStatus status, Region region, int education, int teleMonths, int phoneMonths, Funding? funding)
        {
            var registration = new Registration
            {
                Certification = certification, Route = route, EmploymentStatus = status, Region = region, EducationLevel = education,
                TeleSecretaryMonths = teleMonths, PhoneJobMonths = phoneMonths, Funding = funding, State = state, RegisteredOn = registeredOn,
            };
            db.Candidates.Add(new Candidate
            {
                FirstName = name, LastName = "Statistique", Email = $"{name.ToLowerInvariant()}@exemple.fr", BirthDate = birth, Sex = sex, Region = region,
                Registrations = [registration],
            });
            return registration;
        }

        // 2025: 25 the day before the 26th birthday, 26 on it, 56, 45 on 31 December, 54; the last one withdrew.
        var anne = Register("Anne", Sex.Female, new(1999, 5, 17), new(2025, 5, 16), RegistrationState.Admissible, CertificationRoute.Training, EmploymentStatus.Employee, Region.Nord, 4, 12, 0, Funding.Cpf);
        Register("Bruno", Sex.Male, new(1999, 5, 17), new(2025, 5, 17), RegistrationState.NotAdmissible, CertificationRoute.Vae, EmploymentStatus.JobSeeker, Region.IleDeFrance, 0, 40, 24, Funding.CpfTransition);
        Register("Chloé", Sex.Female, new(1969, 1, 1), new(2025, 1, 1), RegistrationState.Submitted, CertificationRoute.Free, EmploymentStatus.Other, Region.Sud, 8, 6, 60, null);
        Register("Diane", Sex.Female, new(1980, 6, 30), new(2025, 12, 31), RegistrationState.Incomplete, CertificationRoute.Training, EmploymentStatus.Employee, Region.OutreMer, 3, 20, 10, Funding.ProfessionalisationContract);
        var elise = Register("Élise", Sex.Female, new(1970, 12, 31), new(2025, 3, 3), RegistrationState.Withdrawn, CertificationRoute.Training, EmploymentStatus.Employee, Region.Nord, 5, 14, 12, Funding.Cpf);
        // Outside 2025: the day before, the day after, and a draft without a registration date.
        var fanny = Register("Fanny", Sex.Female, new(1990, 1, 1), new(2024, 12, 31), RegistrationState.Admissible, CertificationRoute.Training, EmploymentStatus.Employee, Region.Est, 4, 30, 0, Funding.Cpf);
        Register("Gilles", Sex.Male, new(1990, 1, 1), new(2026, 1, 1), RegistrationState.Submitted, CertificationRoute.Vae, EmploymentStatus.Employee, Region.Est, 4, 50, 0, Funding.Cpf);
        Register("Hélène", Sex.Female, new(1990, 1, 1), null, RegistrationState.Draft, CertificationRoute.Training, EmploymentStatus.Employee, Region.Est, 4, 0, 0, null);

        void Jury(Registration registration, DateOnly on, JuryResult result, params bool[] validated) =>
            registration.JuryDecisions.Add(new JuryDecision
            {
                DecidedOn = on, Result = result,
                UnitResults = units.Select((u, i) => new JuryUnitResult { Unit = u, Validated = validated[i] }).ToList(),
            });
        Jury(anne, new(2025, 6, 12), JuryResult.TotalValidation, true, true, true, true);
        Jury(fanny, new(2025, 1, 1), JuryResult.PartialValidation, true, false, true, true);
        Jury(elise, new(2025, 12, 31), JuryResult.NotValidated, false, false, false, false);
        Jury(fanny, new(2024, 12, 31), JuryResult.TotalValidation, true, true, true, true);
        Jury(anne, new(2026, 1, 1), JuryResult.PartialValidation, true, true, false, true);

        // One survey per holder and wave: each answer below is a holder of their own, registered in 2023.
        var holders = 0;
        void Survey(SurveyWave wave, DateTimeOffset? invitedAt, DateOnly? respondedOn,
            HolderSituation? situation = null, EmploymentContract? contract = null, EmploymentSector? sector = null) =>
            Register($"Titulaire{++holders}", Sex.Female, new(1985, 4, 4), new(2023, 3, 1), RegistrationState.Admissible, CertificationRoute.Training,
                    EmploymentStatus.Employee, Region.Ouest, 4, 24, 0, Funding.Cpf)
                .Surveys.Add(new HolderSurvey
                {
                    Wave = wave, DueOn = invitedAt is { } at ? DayInParis.Of(at) : new(2025, 1, 1), InvitedAt = invitedAt,
                    RespondedOn = respondedOn, Situation = situation, Contract = contract, Sector = sector,
                });
        static DateTimeOffset Utc(int year, int month, int day, int hour = 8, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
        Survey(SurveyWave.SixMonths, Utc(2025, 1, 10), new(2025, 2, 1), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch);
        Survey(SurveyWave.SixMonths, Utc(2025, 3, 10), new(2025, 3, 20), HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.OtherBranch);
        // A job seeker whose earlier contract was left on the answer: it must not count.
        Survey(SurveyWave.SixMonths, Utc(2025, 4, 10), new(2025, 4, 12), HolderSituation.JobSeeker, EmploymentContract.Temporary, EmploymentSector.Branch);
        Survey(SurveyWave.SixMonths, Utc(2025, 5, 10), null);
        // 31 December 23:30 UTC is already 1 January in Paris: invited in 2025.
        Survey(SurveyWave.SixMonths, Utc(2024, 12, 31, 23, 30), new(2025, 1, 5), HolderSituation.InTraining);
        Survey(SurveyWave.SixMonths, Utc(2024, 11, 1), new(2024, 12, 31), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch);
        Survey(SurveyWave.SixMonths, Utc(2025, 12, 20), new(2026, 1, 2), HolderSituation.Other);
        Survey(SurveyWave.TwentyFourMonths, Utc(2025, 6, 1), new(2025, 6, 15), HolderSituation.Employed, EmploymentContract.SelfEmployed, EmploymentSector.OtherBranch);
        Survey(SurveyWave.TwentyFourMonths, null, new(2025, 9, 1), HolderSituation.Other);

        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
