using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Hosting.Tests.Fixtures;

namespace IndustryCopilot.Hosting.Tests.Conversations;

/// <summary>The conversation contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresConversationStoreTests(SharedPostgres postgres) : ConversationStoreContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override Task<IConversationStore> OpenAsync()
    {
        var store = _database.Replica();
        return Task.FromResult<IConversationStore>(new PostgresConversationStore(store));
    }
}
