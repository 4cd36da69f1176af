using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Reports.AnnualPack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>
/// The portal on a database of its own holding a hand-made 2025 large enough for some counts to be shown and some to be
/// masked, and the annual pack of 2025 written once from it. The figures, worked out by hand:
/// <code>
/// 14 registrations in 2025 (one more on 31/12/2024 and one on 01/01/2026, outside):
///  #   sex age edu route status     region state         funding  tele phone
///  1-5  F  20-25  4  Form. Salarié  Nord   Recevable     CPF       10   0
///  6-7  F  26,30  4  Form. Salarié  Nord   Recevable     CPF       10   0
///  8    F  35     4  Form. Salarié  Ouest  Recevable     Contrat   20  24
///  9    F  33     4  Form. Dem.empl Ouest  Non recevable Contrat   20  24
///  10-11 M 28,31  3  VAE   Dem.empl Ouest  En attente    Contrat   20  24
///  12   M  40     3  VAE   Dem.empl Ouest  En attente    Contrat   20  24
///  13-14 M 44,45  5  VAE   Dem.empl Ouest  Abandon       —         20  24
/// sex F 9 / M 5; age &lt;26 5, 26-35 6, 36-45 3 (so &lt;26 masked too); level 4: 9, 3: 3, 5: 2; Formation 9 / VAE 5;
/// Salarié 8 / Demandeur d'emploi 6; Nord 7 / Ouest 7; Recevable 8, Non recevable 1, En attente 3, abandon 2;
/// CPF 7, Contrat de professionnalisation 5 (masked with the 2 "Non renseigné"); medians 15 and 12 months.
/// Juries 2025: 6 total (4 units), 5 partial (units 1 and 3), 1 not validated (one more in 2024, outside):
/// unit 1 and 3: 11 of 12 (1 not validated: masked); units 2 and 4: 6 of 12 = 50 %.
/// 6 months: 12 invited in 2025, 10 answered in 2025: employed 7 (CDI 5, CDD 2, all in the branch), job seekers 2,
/// in training 1; plus one answer of 2024 and one of 2026. 24 months: 11 invited, 6 answered, all employed on a CDI,
/// 3 in the branch and 3 in another.
/// </code>
/// </summary>
public sealed class AnnualPackPortal() : PortalFactory(TestCluster.NewDatabase("pack"), demoData: false), IAsyncLifetime
{
    public const int Year = 2025;

    /// <summary>Who is in the data set: none of it may reach the detail sheet.</summary>
    public List<(string FirstName, string LastName, string Email, DateOnly BirthDate)> People { get; } = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("cqp-pack-").FullName;
    public AnnualPackFiles Files { get; private set; } = null!;
    public List<double> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certification = await db.Certifications.Include(c => c.Units).SingleAsync();
            var units = certification.Units.OrderBy(u => u.Number).ToList();
            var number = 0;

            Registration Register(Sex sex, int age, DateOnly registeredOn, int education, CertificationRoute route, EmploymentStatus status, Region region,
                RegistrationState state, Funding? funding, int tele, int phone)
            {
                number++;
                var (first, last) = ($"Prénom{number:00}", $"Confidentiel{number:00}x");
                var birth = registeredOn.AddYears(-age).AddDays(-number);
                var email = $"personne{number:00}.secret@exemple.fr";
                People.Add((first, last, email, birth));
                var registration = new Registration
                {
                    Certification = certification, Route = route, EmploymentStatus = status, Region = region, EducationLevel = education,
                    TeleSecretaryMonths = tele, PhoneJobMonths = phone, Funding = funding, State = state, RegisteredOn = registeredOn,
                };
                db.Candidates.Add(new Candidate
                {
                    FirstName = first, LastName = last, Email = email, BirthDate = birth, Sex = sex, Region = region, Registrations = [registration],
                });
                return registration;
            }

            var f = Sex.Female;
            var m = Sex.Male;
            var (emp, seeker) = (EmploymentStatus.Employee, EmploymentStatus.JobSeeker);
            var (training, vae) = (CertificationRoute.Training, CertificationRoute.Vae);
            DateOnly On(int month) => new(Year, month, 15);
            foreach (var (age, month) in new[] { (22, 1), (23, 2), (24, 3), (25, 4), (20, 5), (26, 6), (30, 7) })
                Register(f, age, On(month), 4, training, emp, Region.Nord, RegistrationState.Admissible, Funding.Cpf, 10, 0);
            Register(f, 35, On(8), 4, training, emp, Region.Ouest, RegistrationState.Admissible, Funding.ProfessionalisationContract, 20, 24);
            Register(f, 33, On(9), 4, training, seeker, Region.Ouest, RegistrationState.NotAdmissible, Funding.ProfessionalisationContract, 20, 24);
            foreach (var (age, month) in new[] { (28, 10), (31, 11), (40, 12) })
                Register(m, age, On(month), 3, vae, seeker, Region.Ouest, RegistrationState.Submitted, Funding.ProfessionalisationContract, 20, 24);
            Register(m, 44, new(Year, 1, 1), 5, vae, seeker, Region.Ouest, RegistrationState.Withdrawn, null, 20, 24);
            Register(m, 45, new(Year, 12, 31), 5, vae, seeker, Region.Ouest, RegistrationState.Withdrawn, null, 20, 24);
            // Outside the year.
            Register(f, 50, new(Year - 1, 12, 31), 8, CertificationRoute.Free, EmploymentStatus.Other, Region.Sud, RegistrationState.Admissible, Funding.Personal, 99, 99);
            Register(f, 50, new(Year + 1, 1, 1), 8, CertificationRoute.Free, EmploymentStatus.Other, Region.Sud, RegistrationState.Submitted, Funding.Personal, 99, 99);

            // Juries and surveys belong to holders registered in 2023.
            Registration Holder() => Register(f, 40, new(2023, 3, 1), 4, training, emp, Region.Est, RegistrationState.Admissible, Funding.Cpf, 24, 0);
            void Jury(DateOnly on, JuryResult result, params bool[] validated) =>
                Holder().JuryDecisions.Add(new JuryDecision
                {
                    DecidedOn = on, Result = result,
                    UnitResults = units.Select((u, i) => new JuryUnitResult { Unit = u, Validated = validated[i] }).ToList(),
                });
            for (var i = 0; i < 6; i++) Jury(new(Year, 2 + i, 10), JuryResult.TotalValidation, true, true, true, true);
            for (var i = 0; i < 5; i++) Jury(new(Year, 3 + i, 12), JuryResult.PartialValidation, true, false, true, false);
            Jury(new(Year, 12, 31), JuryResult.NotValidated, false, false, false, false);
            Jury(new(Year - 1, 12, 31), JuryResult.NotValidated, false, false, false, false);

            void Survey(SurveyWave wave, DateTimeOffset invitedAt, DateOnly? respondedOn, HolderSituation? situation = null,
                EmploymentContract? contract = null, EmploymentSector? sector = null) =>
                Holder().Surveys.Add(new HolderSurvey
                {
                    Wave = wave, DueOn = DayInParis.Of(invitedAt), InvitedAt = invitedAt, RespondedOn = respondedOn,
                    Situation = situation, Contract = contract, Sector = sector,
                });
            static DateTimeOffset Invited(int month) => new(Year, month, 5, 8, 0, 0, TimeSpan.Zero);
            var six = SurveyWave.SixMonths;
            for (var i = 0; i < 5; i++) Survey(six, Invited(1 + i), new(Year, 2 + i, 1), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch);
            for (var i = 0; i < 2; i++) Survey(six, Invited(6 + i), new(Year, 7 + i, 1), HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.Branch);
            for (var i = 0; i < 2; i++) Survey(six, Invited(8 + i), new(Year, 9 + i, 1), HolderSituation.JobSeeker);
            Survey(six, Invited(10), new(Year, 11, 1), HolderSituation.InTraining);
            for (var i = 0; i < 2; i++) Survey(six, Invited(11), null);
            Survey(six, new(Year - 1, 6, 1, 8, 0, 0, TimeSpan.Zero), new(Year - 1, 7, 1), HolderSituation.Other);
            Survey(six, new(Year - 1, 6, 1, 8, 0, 0, TimeSpan.Zero), new(Year + 1, 1, 2), HolderSituation.Other);
            var twentyFour = SurveyWave.TwentyFourMonths;
            for (var i = 0; i < 6; i++)
                Survey(twentyFour, Invited(3), new(Year, 4, 1 + i), HolderSituation.Employed, EmploymentContract.Cdi, i < 3 ? EmploymentSector.Branch : EmploymentSector.OtherBranch);
            for (var i = 0; i < 5; i++) Survey(twentyFour, Invited(9), null);

            await db.SaveChangesAsync();
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<AnnualPackWriter>();
            Files = await writer.WriteAsync(Year, Folder, new SynchronousProgress(Progress));
        }
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one records the reports in order, as they are made.</summary>
    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
