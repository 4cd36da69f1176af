using System.Net;
using System.Text.Json.Nodes;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>
/// The training part of the yearly statistics, on the demo portal, in years nothing else uses (2031, 2034): two trainees,
/// one path superseded by a newer version, attendance at a training day, a cancelled session and a day of the next year.
/// </summary>
[Collection(PortalCollection.Name)]
public class TrainingStatisticsTests(DemoPortal portal)
{
    /// <summary>
    /// Trainee A: path v1 (superseded, unit 1: 100 h) and v2 (unit 1: 35 h, unit 2: 21 h), present at both half-days of a
    /// unit-1 day; trainee B: no path, present in the morning, absent in the afternoon. A was also present at a cancelled
    /// unit-2 session and at a unit-1 morning of the next year: neither counts.
    /// </summary>
    private async Task<IReadOnlyList<string>> TwoTraineesAsync(int year)
    {
        var company = await CompanyAsync(portal);
        var a = await EmployeeAsync(portal, company, follows: true);
        var b = await EmployeeAsync(portal, company, follows: null);
        return await DbAsync(portal, async db =>
        {
            var certification = await db.Certifications.OrderBy(c => c.Id).FirstAsync();
            var units = await db.CertificationUnits.Where(u => u.CertificationId == certification.Id).OrderBy(u => u.Number).ToListAsync();
            var userId = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            db.TrainingPaths.Add(new TrainingPath
            {
                RegistrationId = a.RegistrationId, Version = 1, CreatedByUserId = userId, SupersededAt = now,
                Units = [new TrainingPathUnit { UnitId = units[0].Id, PlannedHours = 100 }],
            });
            db.TrainingPaths.Add(new TrainingPath
            {
                RegistrationId = a.RegistrationId, Version = 2, CreatedByUserId = userId,
                Units = [new TrainingPathUnit { UnitId = units[0].Id, PlannedHours = 35 }, new TrainingPathUnit { UnitId = units[1].Id, PlannedHours = 21 }],
            });

            Session Day(DateTimeOffset startsAt, int minutes, CertificationUnit unit, bool cancelled = false) => new()
            {
                CertificationId = certification.Id, Kind = SessionKind.Training, StartsAt = startsAt, DurationMinutes = minutes, UnitId = unit.Id,
                ModuleTitle = "Module de test", PlaceName = "Centre Horizon", Address = "12 rue des Tests", PostalCode = "35000", City = "Rennes",
                Region = Region.Ouest, Capacity = 10, RegistrationDeadline = DayInParisOf(startsAt).AddDays(-3),
                CancelledAt = cancelled ? now : null, CancellationReason = cancelled ? "Formateur indisponible" : null,
            };
            SessionEnrolment Enrol(Session session, int registrationId, params (HalfDay HalfDay, Attendance Attendance, decimal Hours)[] halfDays)
            {
                var enrolment = new SessionEnrolment
                {
                    RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = now,
                    HalfDays = halfDays.Select(h => new TrainingAttendance { HalfDay = h.HalfDay, Attendance = h.Attendance, Hours = h.Hours, RecordedAt = now, RecordedByUserId = userId }).ToList(),
                };
                session.Enrolments.Add(enrolment);
                return enrolment;
            }

            // 9:00–17:00 in Paris (winter time): 3.5 hours each half-day.
            var day = Day(new DateTimeOffset(year, 3, 4, 8, 0, 0, TimeSpan.Zero), 480, units[0]);
            Enrol(day, a.RegistrationId, (HalfDay.Morning, Attendance.Present, 3.5m), (HalfDay.Afternoon, Attendance.Present, 3.5m));
            Enrol(day, b.RegistrationId, (HalfDay.Morning, Attendance.Present, 3.5m), (HalfDay.Afternoon, Attendance.Absent, 0));
            var cancelled = Day(new DateTimeOffset(year, 4, 8, 7, 0, 0, TimeSpan.Zero), 180, units[1], cancelled: true);
            Enrol(cancelled, a.RegistrationId, (HalfDay.Morning, Attendance.Present, 3));
            var nextYear = Day(new DateTimeOffset(year + 1, 1, 6, 8, 0, 0, TimeSpan.Zero), 180, units[0]);
            Enrol(nextYear, a.RegistrationId, (HalfDay.Morning, Attendance.Present, 3));
            db.Sessions.AddRange(day, cancelled, nextYear);
            await db.SaveChangesAsync();
            return (IReadOnlyList<string>)units.Select(u => $"Unité {u.Number} – {u.Title}").ToList();
        });
    }

    private static DateOnly DayInParisOf(DateTimeOffset instant) => CqpPortal.Domain.Time.DayInParis.Of(instant);

    [Fact]
    public async Task The_json_gives_the_years_trainees_and_the_hours_planned_in_their_current_paths_and_done_in_the_year_per_unit()
    {
        var labels = await TwoTraineesAsync(2031);
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);

        var response = await sist.Http.GetAsync("/Analyse/Statistiques/2031.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var training = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["training"]!;
        Assert.Equal(2, training["trainees"]!.GetValue<int>());
        var units = training["units"]!.AsObject();
        // Every unit of the certification, labelled from the data, in number order.
        Assert.Equal(labels, units.Select(u => u.Key).Where(labels.Contains));
        Assert.Equal(35m, units[labels[0]]!["plannedHours"]!.GetValue<decimal>());
        Assert.Equal(10.5m, units[labels[0]]!["doneHours"]!.GetValue<decimal>());
        Assert.Equal(21m, units[labels[1]]!["plannedHours"]!.GetValue<decimal>());
        Assert.Equal(0m, units[labels[1]]!["doneHours"]!.GetValue<decimal>());
        Assert.All(labels.Skip(2), label => Assert.Equal((0m, 0m), (units[label]!["plannedHours"]!.GetValue<decimal>(), units[label]!["doneHours"]!.GetValue<decimal>())));
        Assert.Equal(56m, training["plannedHours"]!.GetValue<decimal>());
        Assert.Equal(10.5m, training["doneHours"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_dashboard_shows_the_training_hours_per_unit_as_a_table_its_chart_reads()
    {
        var labels = await TwoTraineesAsync(2034);
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);

        var (response, page) = await sist.GetAsync("/Analyse?annee=2034");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figure = page.QuerySelector("figure[data-chart] #heures-formation")!.ParentElement!;
        Assert.Equal(["Heures prévues", "Heures réalisées"], figure.QuerySelectorAll("thead th[data-series]").Select(th => th.GetAttribute("data-series")));
        var rows = figure.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(["35 h", "10,5 h"], rows[labels[0]]);
        Assert.Equal(["21 h", "0 h"], rows[labels[1]]);
        Assert.Equal("10.5", figure.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[1].GetAttribute("data-value"));
        Assert.Contains("2 stagiaires en 2034", System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("#formation")!.ParentElement!.TextContent, @"\s+", " "));
    }
}
