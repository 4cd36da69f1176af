using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Audit;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Audit;

/// <summary>
/// The portal with demo data whose clock is a <see cref="FakeTimeProvider"/> the tests move forward, and whose requests
/// come from the trusted proxy at 127.0.0.1 (the test server has no TCP peer), which forwards the client's address.
/// </summary>
public sealed class AuditPortal() : ClockPortal(TestCluster.NewDatabase("audit"), demoData: true,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000", ["Portal:SignInFailuresPerAddress"] = "1000" }, DateTimeOffset.UtcNow)
{
    public const string Client = "198.51.100.7";

    protected override void AddTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, FromTheProxy>();

    private sealed class FromTheProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                context.Request.Headers["X-Forwarded-For"] = Client;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// A read rate far above normal (staff read 297 files in 2.4 s unnoticed) e-mails the administrators once per person per
/// hour and is recorded in the journal; normal reading sends nothing. The journal keeps the client's address as the
/// trusted proxy forwards it, and a read it cannot record shows nothing (on this portal: it changes the database).
/// </summary>
public class ReadRateAlertTests(AuditPortal portal) : IClassFixture<AuditPortal>
{
    private async Task<List<int>> FileNumbersAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.Registrations.Where(r => r.State != Domain.Vocabulary.RegistrationState.Draft).OrderBy(r => r.Id).Select(r => r.Id).Take(40).ToListAsync();
    }

    private async Task<List<AuditEntry>> RowsOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserEmail == email).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<int> AdministratorCountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        return (await users.GetUsersInRoleAsync(Roles.Administrator)).Count;
    }

    private IReadOnlyList<string> AlertsAbout(string email) =>
        portal.Mail.All().Where(m => m.Contains($"Subject: Alerte : lectures de dossiers en grand nombre par {email}", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Two_hundred_and_ninety_seven_reads_in_2_4_seconds_send_one_alert_to_the_administrators_and_the_next_read_none()
    {
        var files = await FileNumbersAsync();
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        for (var read = 0; read < 297; read++)
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(2.4 / 297));
            Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{files[read % files.Count]}")).StatusCode);
        }
        var alerts = AlertsAbout(staff.Email!);
        Assert.Equal(await AdministratorCountAsync(), alerts.Count); // one to each administrator
        var alert = Assert.Single(alerts, m => m.Contains("To: admin@cqp.test", StringComparison.Ordinal));
        Assert.Contains("61 lectures de dossiers en 5 minutes (seuil : 60)", alert);
        Assert.Contains("/Staff/Journal?q=", alert);

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{files[0]}")).StatusCode);
        Assert.Equal(alerts.Count, AlertsAbout(staff.Email!).Count);

        var rows = await RowsOfAsync(staff.Email!);
        Assert.Equal(298, rows.Count(e => e.Kind == AuditKinds.File));
        var recorded = Assert.Single(rows, e => e.Kind == AuditKinds.Alert);
        Assert.Equal("61 lectures de dossiers en 5 minutes (seuil : 60)", recorded.Detail);
    }

    [Fact]
    public async Task Reading_a_file_every_ten_seconds_sends_no_alert()
    {
        var files = await FileNumbersAsync();
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        for (var read = 0; read < 90; read++)
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{files[read % files.Count]}")).StatusCode);
        }
        Assert.Empty(AlertsAbout(staff.Email!));
        Assert.DoesNotContain(await RowsOfAsync(staff.Email!), e => e.Kind == AuditKinds.Alert);
    }

    [Fact]
    public async Task The_journal_keeps_the_clients_address_as_the_trusted_proxy_forwards_it()
    {
        var files = await FileNumbersAsync();
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{files[0]}")).StatusCode);

        var row = Assert.Single(await RowsOfAsync(staff.Email!));
        Assert.Equal((AuditPortal.Client, AuditKinds.File, files[0], files[0]), (row.IpAddress, row.Kind, row.SubjectId, row.RegistrationId));
        Assert.Equal(portal.Clock.GetUtcNow().UtcTicks / 10, row.At.UtcTicks / 10); // the app's clock, to PostgreSQL's microsecond
    }

    [Fact]
    public async Task A_read_the_journal_cannot_record_shows_nothing_of_the_file()
    {
        var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        int file;
        string lastName;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var named = await db.Registrations.Where(r => r.State != Domain.Vocabulary.RegistrationState.Draft).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Candidate!.LastName }).Take(40).ToListAsync();
            (file, lastName) = named.Where(r => r.LastName.All(char.IsAsciiLetter)).Select(r => (r.Id, r.LastName)).First(); // found as typed in the HTML
        }
        // The database refuses this reader's rows (as a full disk or a lost grant would), and only theirs.
        await using (var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"""
                CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."UserEmail" = '{staff.Email}' THEN RAISE EXCEPTION 'journal unavailable'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER audit_test_refuse BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_test_refuse();
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var refused = await staff.Http.GetAsync($"/Staff/Recevabilite/Dossier/{file}");
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.DoesNotContain(lastName, await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await RowsOfAsync(staff.Email!));

        var other = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var shown = await other.Http.GetAsync($"/Staff/Recevabilite/Dossier/{file}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(lastName, await shown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
