using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;

namespace IndustryCopilot.Hosting.Tests.Conversations;

/// <summary>The conversation contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresConversationStoreTests(SharedPostgres postgres) : ConversationStoreContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly List<PostgresStore> _stores = [];
    private string _database = "";

    protected override string? Unavailable => PostgresServer.Missing;

    public async Task InitializeAsync()
    {
        if (postgres.Server is { } server)
        {
            _database = await server.NewDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override Task<IConversationStore> OpenAsync()
    {
        var store = new PostgresStore(_database);
        _stores.Add(store);
        return Task.FromResult<IConversationStore>(new PostgresConversationStore(store));
    }
}
