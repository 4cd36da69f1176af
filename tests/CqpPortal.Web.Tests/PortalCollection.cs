using CqpPortal.Testing;

namespace CqpPortal.Web.Tests;

/// <summary>The portal with its demo data, shared by the tests that only read it or make their own users.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<DemoPortal>
{
    public const string Name = "portal with demo data";
}
