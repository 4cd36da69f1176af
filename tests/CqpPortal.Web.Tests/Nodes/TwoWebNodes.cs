using System.Net;
using CqpPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CqpPortal.Web.Tests.Nodes;

/// <summary>
/// Two web nodes on one database, as behind a load balancer: the first migrates and seeds the demo data, the second
/// starts afterwards as production web nodes do (Portal:MigrateOnStart=false, no scheduler).
/// </summary>
public sealed class TwoWebNodes : IDisposable
{
    public TwoWebNodes()
    {
        ConnectionString = TestCluster.NewDatabase("nodes");
        First = new PortalFactory(ConnectionString, demoData: true);
        _ = First.Server; // migrated, seeded, first Data Protection key made
        Second = new PortalFactory(ConnectionString, demoData: false,
            new Dictionary<string, string?> { ["Portal:MigrateOnStart"] = "false", ["Jobs:RunScheduler"] = "false" });
        _ = Second.Server;
    }

    public string ConnectionString { get; }
    public PortalFactory First { get; }
    public PortalFactory Second { get; }

    /// <summary>One browser: its cookies (for http://localhost) go to whichever node the balancer picks.</summary>
    public static (PortalClient OnFirst, PortalClient OnSecond) Browser(PortalFactory first, PortalFactory second)
    {
        var cookies = new CookieContainer();
        return (new PortalClient(first.CreateDefaultClient(new CookieContainerHandler(cookies))),
                new PortalClient(second.CreateDefaultClient(new CookieContainerHandler(cookies))));
    }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}
