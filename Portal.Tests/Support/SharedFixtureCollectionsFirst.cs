using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Portal.Tests.Support.SharedFixtureCollectionsFirst", "Portal.Tests")]

namespace Portal.Tests.Support;

/// <summary>
/// Starts the collections that share a fixture (the browser walks, the two servers) before the test classes. Each is a
/// long chain whose classes run one after another on one portal; started late, as xunit's default order may, the browser
/// chain is still running alone when every other class is done (five minutes of one busy thread in a run with four).
/// </summary>
public sealed class SharedFixtureCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => SharesAFixture(c) ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool SharesAFixture(ITestCollection collection) =>
        collection.CollectionDefinition is IReflectionTypeInfo definition
        && definition.Type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionFixture<>));
}
