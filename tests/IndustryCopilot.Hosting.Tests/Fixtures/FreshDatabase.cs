using IndustryCopilot.Hosting.Store;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>
/// A database of one test's own on the class's PostgreSQL server, and the stores opened on it — each another replica
/// of the group, with a connection pool of its own — closed together at the end of the test.
/// </summary>
public sealed class FreshDatabase(SharedPostgres postgres)
{
    private readonly List<PostgresStore> _stores = [];

    /// <summary>The database's connection string; empty where PostgreSQL is missing (the test skips).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (postgres.Server is { } server)
        {
            ConnectionString = await server.NewDatabaseAsync();
        }
    }

    /// <summary>Another replica's store on this database.</summary>
    public PostgresStore Replica()
    {
        var store = new PostgresStore(ConnectionString);
        _stores.Add(store);
        return store;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
