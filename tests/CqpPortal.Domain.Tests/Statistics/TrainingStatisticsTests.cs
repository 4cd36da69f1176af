using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Statistics;

public class TrainingStatisticsTests
{
    private static readonly IReadOnlyList<TrainingUnitRow> Units =
    [
        new(12, 2, "Gestion des appels"),
        new(11, 1, "Accueil téléphonique"),
        new(13, 3, "Suivi administratif"),
    ];

    private static TrainingEnrolmentRow Enrolment(int trainee, DateOnly day, int? unitId = 11, CertificationRoute route = CertificationRoute.Training,
        bool sessionCancelled = false, bool enrolmentCancelled = false, IReadOnlyList<TrainingHalfDayRow>? halfDays = null) =>
        new(trainee, route, day, unitId, sessionCancelled, enrolmentCancelled, halfDays ?? []);

    private static TrainingHalfDayRow Present(decimal hours, HalfDay halfDay = HalfDay.Morning) => new(halfDay, Attendance.Present, hours);

    private static TrainingStatistics Of2031(IReadOnlyList<TrainingEnrolmentRow> enrolments, IReadOnlyList<PlannedHoursRow>? planned = null) =>
        TrainingStatistics.Compute(2031, new TrainingRows(Units, enrolments, planned ?? []));

    [Fact]
    public void Every_unit_of_the_certification_is_a_line_in_number_order_labelled_from_the_data_even_without_hours()
    {
        var training = Of2031([]);

        Assert.Equal(0, training.Trainees);
        Assert.Equal(["Unité 1 – Accueil téléphonique", "Unité 2 – Gestion des appels", "Unité 3 – Suivi administratif"], training.Units.Select(u => u.Label));
        Assert.All(training.Units, u => Assert.Equal((0m, 0m), (u.PlannedHours, u.DoneHours)));
        Assert.Equal(0m, training.PlannedHours);
        Assert.Equal(0m, training.DoneHours);
    }

    [Fact]
    public void A_trainee_of_the_year_has_a_half_day_in_it_planned_or_followed_counted_once_however_many_sessions()
    {
        var training = Of2031(
        [
            Enrolment(1, new DateOnly(2031, 3, 4), halfDays: [Present(3.5m)]),
            Enrolment(1, new DateOnly(2031, 4, 8), unitId: 12),
            // Enrolled in a session later in the year, nothing recorded yet: a trainee of the year all the same.
            Enrolment(2, new DateOnly(2031, 11, 20)),
            // Absent: still had a half-day of training in the year.
            Enrolment(3, new DateOnly(2031, 5, 6), halfDays: [new TrainingHalfDayRow(HalfDay.Afternoon, Attendance.Absent, 0)]),
        ]);

        Assert.Equal(3, training.Trainees);
    }

    [Fact]
    public void Days_of_other_years_cancelled_sessions_cancelled_enrolments_and_other_routes_make_nobody_a_trainee_of_the_year()
    {
        var training = Of2031(
        [
            Enrolment(1, new DateOnly(2030, 12, 31), halfDays: [Present(7)]),
            Enrolment(2, new DateOnly(2032, 1, 1), halfDays: [Present(7)]),
            Enrolment(3, new DateOnly(2031, 6, 3), sessionCancelled: true, halfDays: [Present(7)]),
            Enrolment(4, new DateOnly(2031, 6, 3), enrolmentCancelled: true, halfDays: [Present(7)]),
            Enrolment(5, new DateOnly(2031, 6, 3), route: CertificationRoute.Vae, halfDays: [Present(7)]),
        ],
        [new(1, 11, 70), new(2, 11, 70), new(3, 11, 70), new(4, 11, 70), new(5, 11, 70)]);

        Assert.Equal(0, training.Trainees);
        Assert.Equal(0m, training.PlannedHours);
        Assert.Equal(0m, training.DoneHours);
    }

    [Fact]
    public void Hours_planned_are_the_current_paths_of_the_years_trainees_summed_per_unit()
    {
        var training = Of2031(
            [Enrolment(1, new DateOnly(2031, 2, 3)), Enrolment(2, new DateOnly(2031, 9, 15), unitId: 12)],
            [new(1, 11, 35), new(1, 12, 21), new(2, 11, 14), new(2, 13, 0), new(9, 11, 100)]);

        Assert.Equal([49m, 21m, 0m], training.Units.Select(u => u.PlannedHours));
        Assert.Equal(70m, training.PlannedHours);
    }

    [Fact]
    public void Hours_done_are_the_present_hours_of_the_years_half_days_at_sessions_of_the_unit()
    {
        var training = Of2031(
        [
            Enrolment(1, new DateOnly(2031, 2, 3), unitId: 11, halfDays: [Present(3.5m), Present(3.5m, HalfDay.Afternoon)]),
            Enrolment(2, new DateOnly(2031, 2, 3), unitId: 11,
                halfDays: [Present(3.5m), new TrainingHalfDayRow(HalfDay.Afternoon, Attendance.Excused, 0), new TrainingHalfDayRow(HalfDay.Afternoon, Attendance.Absent, 2)]),
            Enrolment(1, new DateOnly(2031, 3, 10), unitId: 13, halfDays: [Present(2.25m)]),
            // The year before: in 2030's figures, not 2031's.
            Enrolment(1, new DateOnly(2030, 12, 15), unitId: 11, halfDays: [Present(7)]),
        ]);

        Assert.Equal([10.5m, 0m, 2.25m], training.Units.Select(u => u.DoneHours));
        Assert.Equal(12.75m, training.DoneHours);
    }

    [Fact]
    public void Hours_at_a_session_without_a_unit_or_of_a_unit_not_listed_count_nowhere_but_the_trainee_counts()
    {
        var training = Of2031([Enrolment(1, new DateOnly(2031, 2, 3), unitId: null, halfDays: [Present(3)]), Enrolment(2, new DateOnly(2031, 2, 3), unitId: 99, halfDays: [Present(3)])]);

        Assert.Equal(2, training.Trainees);
        Assert.Equal(0m, training.DoneHours);
    }

    [Fact]
    public void The_yearly_statistics_carry_the_training_part_and_a_year_with_only_trainees_is_a_year_with_activity()
    {
        var rows = new TrainingRows(Units, [Enrolment(1, new DateOnly(2031, 2, 3), halfDays: [Present(7)])], [new(1, 11, 35)]);

        var statistics = AnnualStatistics.Compute(2031, [], [], [], rows);

        Assert.Equal(1, statistics.Training.Trainees);
        Assert.Equal(35m, statistics.Training.PlannedHours);
        Assert.Equal(7m, statistics.Training.DoneHours);
        Assert.Equal([2031], AnnualStatistics.YearsWithActivity([], [], [], rows));
        Assert.Empty(AnnualStatistics.Compute(2031, [], [], []).Training.Units);
    }
}
