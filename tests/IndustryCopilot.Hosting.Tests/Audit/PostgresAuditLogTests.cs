using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Audit;

/// <summary>The audit contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresAuditLogTests(SharedPostgres postgres) : AuditLogContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly List<PostgresStore> _stores = [];
    private string _database = "";

    protected override string? Unavailable => PostgresServer.Missing;

    protected override (string Answers, string Feedback, string Actions) Tables => ("audit_answers", "audit_feedback", "audit_actions");

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

    [SkippableFact]
    public async Task Storage_TruncateFromAnotherClient_Refused()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var audit = await OpenAsync();
        await audit.AppendActionAsync(new AdminAction(Noon, "k", "admin", "release-held", "doc", "d"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAnotherClientAsync("TRUNCATE audit_actions"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Single(await audit.ActionsAsync("doc"));
    }

    protected override Task<IAuditLog> OpenAsync()
    {
        var store = new PostgresStore(_database);
        _stores.Add(store);
        return Task.FromResult<IAuditLog>(new PostgresAuditLog(store));
    }

    protected override async Task ExecuteAsAnotherClientAsync(string statement)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }
}
