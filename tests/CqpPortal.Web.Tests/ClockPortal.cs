using CqpPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests;

/// <summary>
/// The portal on a database of its own whose clock (the container's <see cref="TimeProvider"/>) is a
/// <see cref="FakeTimeProvider"/> that the tests move forward instead of sleeping.
/// </summary>
public abstract class ClockPortal(string connectionString, bool demoData, IDictionary<string, string?>? settings, DateTimeOffset start)
    : PortalFactory(connectionString, demoData, settings)
{
    public FakeTimeProvider Clock { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            AddTestServices(services);
        });
    }

    /// <summary>What a portal adds to its container besides the clock.</summary>
    protected virtual void AddTestServices(IServiceCollection services)
    {
    }
}
