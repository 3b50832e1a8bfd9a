using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Audit;

/// <summary>The audit contract over a real PostgreSQL database; each instance is a replica with its own connection pool.</summary>
public sealed class PostgresAuditLogTests(SharedPostgres postgres) : AuditLogContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    protected override (string Answers, string Feedback, string Actions) Tables => ("audit_answers", "audit_feedback", "audit_actions");

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

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
        var store = _database.Replica();
        return Task.FromResult<IAuditLog>(new PostgresAuditLog(store));
    }

    protected override async Task ExecuteAsAnotherClientAsync(string statement)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }
}
