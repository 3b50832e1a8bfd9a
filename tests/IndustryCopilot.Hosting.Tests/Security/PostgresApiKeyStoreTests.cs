using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Security;

/// <summary>The key contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresApiKeyStoreTests(SharedPostgres postgres) : ApiKeyStoreContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override Task<IApiKeyStore> OpenAsync()
    {
        var store = _database.Replica();
        return Task.FromResult<IApiKeyStore>(new PostgresApiKeyStore(store, Time));
    }

    protected override async Task<string> StoredTextAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(row_to_json(k)::text, ''), '') FROM api_keys k", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
