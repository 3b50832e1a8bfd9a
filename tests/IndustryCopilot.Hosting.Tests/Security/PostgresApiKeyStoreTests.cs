using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Security;

/// <summary>The key contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresApiKeyStoreTests(SharedPostgres postgres) : ApiKeyStoreContract, IClassFixture<SharedPostgres>, IAsyncLifetime
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

    protected override Task<IApiKeyStore> OpenAsync()
    {
        var store = new PostgresStore(_database);
        _stores.Add(store);
        return Task.FromResult<IApiKeyStore>(new PostgresApiKeyStore(store, Time));
    }

    protected override async Task<string> StoredTextAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(row_to_json(k)::text, ''), '') FROM api_keys k", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
