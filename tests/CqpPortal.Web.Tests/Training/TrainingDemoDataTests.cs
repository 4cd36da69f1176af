using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The training route in the demo data (DemoTraining): what README promises for candidat@, manager@ and staff@.</summary>
[Collection(PortalCollection.Name)]
public class TrainingDemoDataTests(DemoPortal portal)
{
    private async Task<T> DbAsync<T>(Func<CqpDbContext, Task<T>> read)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private Task<Registration> CamilleAsync() => DbAsync(db => db.Registrations.AsNoTracking()
        .Include(r => r.Certification!).ThenInclude(c => c.Units).ThenInclude(u => u.Competences)
        .Include(r => r.Positionings).ThenInclude(p => p.Entries)
        .Include(r => r.TrainingPaths).ThenInclude(p => p.Units)
        .Include(r => r.Enrolments).ThenInclude(e => e.Session)
        .Include(r => r.Enrolments).ThenInclude(e => e.HalfDays)
        .SingleAsync(r => r.Candidate!.Email == "candidat@cqp.test"));

    [Fact]
    public async Task Camille_has_her_company_pre_positioning_and_the_centre_positioning_sent_on_every_competence()
    {
        var camille = await CamilleAsync();
        var competences = camille.Certification!.Units.SelectMany(u => u.Competences).Select(c => c.Id).Order().ToList();
        var company = Assert.Single(camille.Positionings, p => p.Side == PositioningSide.Company);
        var centre = Assert.Single(camille.Positionings, p => p.Side == PositioningSide.Centre);

        Assert.True(camille.CompanyMayFollow, "she agreed that her company follows her file");
        Assert.NotNull(company.SubmittedAt);
        Assert.False(string.IsNullOrWhiteSpace(company.TutorName));
        Assert.NotNull(centre.SubmittedAt);
        Assert.NotNull(centre.InterviewOn);
        foreach (var positioning in new[] { company, centre })
        {
            Assert.Equal(competences, positioning.Entries.Select(e => e.CompetenceId).Order());
            Assert.All(positioning.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Comment)));
        }
        Assert.Contains(centre.Entries, e => e.Level == PositioningLevel.Mastered);
        Assert.Contains(centre.Entries, e => e.Level != PositioningLevel.Mastered);
    }

    [Fact]
    public async Task Camilles_current_path_is_signed_by_the_three_parties_with_at_least_the_minimum_hours_and_each_unit_within_its_maximum()
    {
        var camille = await CamilleAsync();
        var current = Assert.Single(camille.TrainingPaths, p => p.SupersededAt == null);
        var units = camille.Certification!.Units.ToDictionary(u => u.Id);

        Assert.Equal(camille.TrainingPaths.Max(p => p.Version), current.Version);
        Assert.Contains(camille.TrainingPaths, p => p.Version < current.Version && p.SupersededAt != null);
        Assert.NotNull(current.CandidateSignedAt);
        Assert.NotNull(current.CompanySignedAt);
        Assert.NotNull(current.OrganisationSignedAt);
        Assert.True(current.Units.Sum(u => u.PlannedHours) >= camille.Certification.MinimumTrainingHours);
        Assert.All(current.Units, u => Assert.True(u.PlannedHours <= units[u.UnitId].MaximumTrainingHours, $"unit {units[u.UnitId].Number}"));
        Assert.All(current.Units.Where(u => u.PlannedHours > 0), u => Assert.NotEmpty(u.Modules));
    }

    [Fact]
    public async Task Camille_has_past_training_days_with_their_attendance_and_coming_ones_never_more_than_three_days_a_month()
    {
        var camille = await CamilleAsync();
        var now = DateTimeOffset.UtcNow;
        var training = camille.Enrolments.Where(e => e.Session!.Kind == SessionKind.Training && e.State == EnrolmentState.Enrolled).ToList();
        var past = training.Where(e => e.Session!.StartsAt.AddMinutes(e.Session.DurationMinutes) < now).ToList();

        Assert.NotEmpty(past);
        Assert.Contains(training, e => e.Session!.StartsAt > now);
        Assert.All(past, e => Assert.Equal(TrainingDay.HalfDays(e.Session!.StartsAt, e.Session.DurationMinutes).Count, e.HalfDays.Count));
        Assert.Single(past.SelectMany(e => e.HalfDays), h => h.Attendance == Attendance.Excused && h.Hours == 0);
        Assert.Contains(past.SelectMany(e => e.HalfDays), h => h.Attendance == Attendance.Present && h.Hours > 0);
        Assert.All(training, e => Assert.Equal(camille.Region, e.Session!.Region));
        Assert.All(training, e => Assert.NotNull(e.EnrolledByUserId));
        foreach (var month in training.GroupBy(e => DayInParis.Of(e.Session!.StartsAt).ToString("yyyy-MM")))
            Assert.True(month.Sum(e => TrainingDay.DaysAway(e.Session!.StartsAt, e.Session.DurationMinutes)) <= 3, $"{month.Key}: at most 3 days away");

        // Her coming evaluation: her training is done by then, or staff recorded why she may sit it before the end.
        var evaluation = training.Count == 0 ? null : camille.Enrolments.Where(e => e.Session!.Kind == SessionKind.Evaluation && e.Session.StartsAt > now && e.State == EnrolmentState.Enrolled)
            .Select(e => e.Session!).MinBy(s => s.StartsAt);
        var current = camille.TrainingPaths.Single(p => p.SupersededAt == null);
        if (evaluation is not null && training.Any(e => e.Session!.StartsAt >= evaluation.StartsAt))
            Assert.False(string.IsNullOrWhiteSpace(current.EvaluationWaiverReason));
    }

    [Fact]
    public async Task No_demo_training_day_falls_at_a_month_end_or_from_the_eleventh_of_december()
    {
        // The demo's training days are staff@'s; other tests add training sessions of their own to the shared database.
        var staffId = await DbAsync(db => db.Users.Where(u => u.Email == "staff@cqp.test").Select(u => u.Id).SingleAsync());
        var days = await DbAsync(db => db.Sessions.Where(s => s.Kind == SessionKind.Training && s.TrainerUserId == staffId).Select(s => s.StartsAt).ToListAsync());

        Assert.NotEmpty(days);
        Assert.All(days.Select(DayInParis.Of), day => Assert.Empty(SessionDateAdvice.Warnings(day)));
        Assert.All(days.Select(DayInParis.Of), day => Assert.DoesNotContain(day.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
        Assert.True(await DbAsync(db => db.Sessions.Where(s => s.Kind == SessionKind.Training && s.TrainerUserId == staffId)
            .AllAsync(s => s.Room == DemoTraining.Room && s.UnitId != null && s.ModuleTitle != null)));
    }

    [Fact]
    public async Task Other_trainees_have_the_centre_positioning_and_a_path_staff_still_have_to_sign_and_one_is_enrolled_in_a_coming_day()
    {
        var now = DateTimeOffset.UtcNow;
        var trainees = await DbAsync(db => db.Registrations.AsNoTracking()
            .Include(r => r.Positionings).Include(r => r.TrainingPaths).Include(r => r.Enrolments).ThenInclude(e => e.Session)
            .Where(r => r.Candidate!.UserId == null && r.Candidate.Email.EndsWith("@exemple.fr") && r.TrainingPaths.Any()).ToListAsync());

        Assert.InRange(trainees.Count, 2, 3);
        Assert.All(trainees, t => Assert.Contains(t.Positionings, p => p.Side == PositioningSide.Centre && p.SubmittedAt != null));
        Assert.All(trainees, t => Assert.Contains(t.TrainingPaths, p => p.SupersededAt == null && p.OrganisationSignedAt == null && p.CandidateSignedAt == null));
        Assert.Single(trainees, t => t.Enrolments.Any(e => e.Session!.Kind == SessionKind.Training && e.Session.StartsAt > now));
    }
}
