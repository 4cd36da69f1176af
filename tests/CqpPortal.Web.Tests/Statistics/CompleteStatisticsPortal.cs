using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>
/// The portal on a database of its own, without demo data, for the figures of issue 15 (« Statistics complete »): two
/// certifications, 2025 registrations with diploma groups and sectors (some as old free text), and 6-month answers of
/// holders in training (levels, NSF codes, one outside the list) and employed in the branch (jobs typed differently).
/// The expected figures are in <see cref="CompleteStatisticsTests"/>.
/// </summary>
public sealed class CompleteStatisticsPortal() : PortalFactory(TestCluster.NewDatabase("stats-complete"), demoData: false), IAsyncLifetime
{
    public const string OtherCode = "CQP-ACCUEIL";
    public const string OtherTitle = "Chargé(e) d'accueil téléphonique";

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var main = await db.Certifications.OrderBy(c => c.Id).FirstAsync();
        var other = new Certification { Code = OtherCode, Title = OtherTitle };
        db.Certifications.Add(other);
        var people = 0;

        Registration Register(Certification certification, DateOnly registeredOn, DiplomaGroup? diploma, string[] sectors, string? otherSector = null,
            int teleMonths = 12, int phoneMonths = 0, int education = 4)
        {
            var registration = new Registration
            {
                Certification = certification, Route = CertificationRoute.Training, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Nord,
                EducationLevel = education, DiplomaGroup = diploma, Sectors = [.. sectors], OtherSector = otherSector,
                TeleSecretaryMonths = teleMonths, PhoneJobMonths = phoneMonths, Funding = Funding.Cpf, State = RegistrationState.Admissible, RegisteredOn = registeredOn,
            };
            db.Candidates.Add(new Candidate
            {
                FirstName = $"Personne{++people}", LastName = "Complète", Email = $"personne{people}@exemple.fr", BirthDate = new(1990, 1, 1), Sex = Sex.Female,
                Region = Region.Nord, Registrations = [registration],
            });
            return registration;
        }

        DateOnly day = new(2025, 4, 1);
        Register(main, day, DiplomaGroup.ProfessionalBaccalaureate, ["medical-secretariat", "call-centre"], teleMonths: 0, phoneMonths: 30);
        Register(main, day, DiplomaGroup.ProfessionalBaccalaureate, ["medical-secretariat"], teleMonths: 11, phoneMonths: 12);
        Register(main, day, DiplomaGroup.TwoYearsAfterBaccalaureate, ["call-centre", "other"], "Crèche", teleMonths: 12);
        Register(main, day, DiplomaGroup.CapBep, [], teleMonths: 35);
        // Before the lists: free text, a level 4 without a title (no group can be told).
        Register(main, day, null, ["Secrétariat médical"], teleMonths: 36, phoneMonths: 200);
        Register(main, day, DiplomaGroup.ProfessionalBaccalaureate, ["Pressing"], teleMonths: 132);
        Register(main, day, DiplomaGroup.None, [], teleMonths: 131);
        Register(other, day, DiplomaGroup.ProfessionalBaccalaureate, ["hospitality"], teleMonths: 24);
        Register(other, day, DiplomaGroup.GeneralBaccalaureate, ["hospitality"], teleMonths: 24);

        void Answer(Certification certification, HolderSituation situation, int? level = null, string? nsf = null, string? job = null) =>
            Register(certification, new(2023, 3, 1), null, [], education: 4).Surveys.Add(new HolderSurvey
            {
                Wave = SurveyWave.SixMonths, DueOn = new(2025, 9, 1), RespondedOn = new(2025, 9, 10), Situation = situation,
                Contract = situation == HolderSituation.Employed ? EmploymentContract.Cdi : null,
                Sector = situation == HolderSituation.Employed ? EmploymentSector.Branch : null,
                TrainingLevel = level, NsfCode = nsf, JobTitle = job,
            });
        Answer(main, HolderSituation.InTraining, 5, "324");
        Answer(main, HolderSituation.InTraining, 5, "324t");
        Answer(main, HolderSituation.InTraining, 4, "312");
        Answer(main, HolderSituation.InTraining, 6, "331");
        Answer(main, HolderSituation.InTraining);
        Answer(main, HolderSituation.InTraining, 4, "999"); // recorded before the code was checked against the list
        foreach (var job in new[] { "Télésecrétaire", "telesecretaire", " TÉLÉSECRÉTAIRE ", "Télésecrétaire", "Télésecretaire", "Standardiste", null })
            Answer(main, HolderSituation.Employed, job: job);
        Answer(other, HolderSituation.InTraining, 3, "334");

        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
