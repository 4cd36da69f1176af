using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>
/// The auth cookie is checked against the account's security stamp every 5 minutes, not at each request: a revoked
/// account (password reset, stamp changed by staff) is signed out at the next check.
/// </summary>
public sealed class SecurityStampTests : IDisposable
{
    private readonly ShiftedClock clock = new();
    private readonly ClockedPortal portal;

    public SecurityStampTests() => portal = new ClockedPortal(clock);

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_revoked_account_is_signed_out_within_five_minutes_and_not_before_the_check()
    {
        using var revoked = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        using var kept = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.Equal(HttpStatusCode.OK, (await revoked.Http.GetAsync("/Candidat")).StatusCode);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(revoked.Email!))!);
        }

        clock.Shift = TimeSpan.FromMinutes(4);
        Assert.Equal(HttpStatusCode.OK, (await revoked.Http.GetAsync("/Candidat")).StatusCode);

        clock.Shift = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        var afterCheck = await revoked.Http.GetAsync("/Candidat");
        Assert.True(PortalClient.IsRedirectTo(afterCheck, "/Compte/Connexion"), $"{afterCheck.StatusCode} {afterCheck.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await kept.Http.GetAsync("/Candidat")).StatusCode);
    }

    /// <summary>The security stamp validator's clock only: cookies themselves keep the real time.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    private sealed class ClockedPortal(TimeProvider clock) : PortalFactory(TestCluster.NewDatabase("stamp"), demoData: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.PostConfigure<SecurityStampValidatorOptions>(options => options.TimeProvider = clock));
        }
    }
}
