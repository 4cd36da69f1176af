using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class TrainingScheduleRulesTests
{
    private static readonly DateOnly Day = new(2027, 3, 10);

    private static TrainingSessionPlan Plan(DateOnly? date = null, int start = 9, int end = 17, string trainer = "trainer-1", string place = "Centre Lyon", string? room = "Salle 2", int capacity = 8) =>
        new(date ?? Day, new TimeOnly(start, 0), new TimeOnly(end, 0), 1, true, trainer, true, place, room, capacity);

    private static BookedSession Booked(int start, int end, string? trainer = "other", string place = "Ailleurs", string? room = null, DateOnly? date = null) =>
        new(DayInParis.At(date ?? Day, new TimeOnly(start, 0)), (end - start) * 60, trainer, place, room, "Accueil téléphonique");

    private static TraineeSession FullDay(int day) => new(DayInParis.At(new DateOnly(2027, 3, day), new TimeOnly(9, 0)), 8 * 60);
    private static TraineeSession Morning(int day) => new(DayInParis.At(new DateOnly(2027, 3, day), new TimeOnly(9, 0)), 3 * 60);

    [Fact]
    public void A_well_formed_day_with_nobody_else_booked_is_accepted_without_advice()
    {
        var check = TrainingScheduleRules.Check(Plan(), [], []);
        Assert.False(check.Refused);
        Assert.Empty(check.Warnings);
    }

    [Fact]
    public void A_trainer_already_teaching_at_that_time_is_refused_naming_the_other_session()
    {
        var check = TrainingScheduleRules.Check(Plan(), [Booked(14, 16, trainer: "trainer-1")], []);
        Assert.Equal("Le formateur a déjà une session à ce moment-là : le 10/03/2027 de 14 h 00 à 16 h 00 (Accueil téléphonique).", check.Errors["TrainerUserId"]);
    }

    [Fact]
    public void The_same_room_at_the_same_place_is_refused_whatever_the_case_and_spaces()
    {
        var check = TrainingScheduleRules.Check(Plan(), [Booked(8, 10, place: " centre LYON ", room: "salle 2 ")], []);
        Assert.StartsWith("Cette salle est déjà occupée à ce moment-là : le 10/03/2027 de 08 h 00 à 10 h 00", check.Errors["Room"]);
    }

    [Fact]
    public void The_same_room_name_at_another_place_is_no_clash()
    {
        var check = TrainingScheduleRules.Check(Plan(), [Booked(9, 17, place: "Centre Paris", room: "Salle 2")], []);
        Assert.False(check.Refused);
    }

    [Fact]
    public void Sessions_that_only_touch_end_to_start_do_not_overlap()
    {
        var check = TrainingScheduleRules.Check(Plan(start: 9, end: 12), [Booked(12, 17, trainer: "trainer-1", place: "Centre Lyon", room: "Salle 2")], []);
        Assert.False(check.Refused);
    }

    [Fact]
    public void A_session_ends_after_it_starts_and_lasts_at_most_ten_hours()
    {
        Assert.Contains("après l'heure de début", TrainingScheduleRules.Check(Plan(start: 14, end: 9), [], []).Errors["End"]);
        Assert.Contains("au plus 10 heures", TrainingScheduleRules.Check(Plan(start: 8, end: 19), [], []).Errors["End"]);
    }

    [Fact]
    public void A_session_needs_a_unit_a_staff_trainer_a_place_and_a_seat()
    {
        var check = TrainingScheduleRules.Check(new TrainingSessionPlan(Day, new(9, 0), new(12, 0), 4, false, "someone", false, " ", null, 0), [], []);
        Assert.Equal(["Capacity", "PlaceName", "TrainerUserId", "UnitId"], check.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_month_end_date_is_warned_about_but_not_refused()
    {
        var check = TrainingScheduleRules.Check(Plan(date: new DateOnly(2027, 3, 29)), [], []);
        Assert.False(check.Refused);
        Assert.Contains(check.Warnings, w => w.Contains("derniers jours du mois"));
    }

    [Fact]
    public void Three_days_away_in_a_month_is_within_the_advice()
    {
        var warnings = TrainingScheduleRules.AbsenceWarnings([new TraineeCalendar("Camille Martin", [FullDay(2), FullDay(9), FullDay(16)])]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Three_and_a_half_days_away_in_a_month_is_warned_naming_the_trainee_and_the_days()
    {
        var warnings = TrainingScheduleRules.AbsenceWarnings([new TraineeCalendar("Camille Martin", [FullDay(2), FullDay(9), FullDay(16), Morning(23)])]);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("Camille Martin : 3,5 jours en mars 2027", warning);
    }

    [Fact]
    public void Days_away_are_counted_per_calendar_month()
    {
        var april = new TraineeSession(DayInParis.At(new DateOnly(2027, 4, 6), new TimeOnly(9, 0)), 8 * 60);
        var warnings = TrainingScheduleRules.AbsenceWarnings([new TraineeCalendar("Camille Martin", [FullDay(2), FullDay(9), FullDay(16), april])]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_absence_advice_comes_with_the_plan_check()
    {
        var check = TrainingScheduleRules.Check(Plan(), [], [new TraineeCalendar("Julien Bernard", [FullDay(2), FullDay(9), FullDay(10), FullDay(16)])]);
        Assert.False(check.Refused);
        Assert.Contains(check.Warnings, w => w.StartsWith("Julien Bernard : 4 jours en mars 2027"));
    }

    [Fact]
    public void Only_admissible_trainees_whose_path_plans_hours_in_the_unit_may_be_enrolled()
    {
        static TrainingEnrolmentRequest R(CertificationRoute route = CertificationRoute.Training, RegistrationState state = RegistrationState.Admissible, int? hours = 35,
            int enrolled = 0, bool already = false) => new(route, state, hours, false, false, 2, enrolled, already);
        Assert.Null(TrainingScheduleRules.EnrolmentRefusal(R()));
        Assert.Contains("voie de la formation", TrainingScheduleRules.EnrolmentRefusal(R(route: CertificationRoute.Vae)));
        Assert.Contains("recevable", TrainingScheduleRules.EnrolmentRefusal(R(state: RegistrationState.Submitted)));
        Assert.Contains("pas encore de parcours", TrainingScheduleRules.EnrolmentRefusal(R(hours: null)));
        Assert.Contains("ne prévoit pas d'heures", TrainingScheduleRules.EnrolmentRefusal(R(hours: 0)));
        Assert.Contains("déjà inscrit", TrainingScheduleRules.EnrolmentRefusal(R(already: true)));
        Assert.Contains("complète", TrainingScheduleRules.EnrolmentRefusal(R(enrolled: 2)));
    }
}
