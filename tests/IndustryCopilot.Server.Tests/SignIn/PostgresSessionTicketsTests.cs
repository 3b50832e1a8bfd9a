using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The session contract over a real PostgreSQL database: each opening is another server of the group.</summary>
public sealed class PostgresSessionTicketsTests(SharedPostgres postgres) : SessionTicketsContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    // Each call is another server, with a connection pool of its own.
    internal override Task<ISessionTickets> OpenAsync() =>
        Task.FromResult<ISessionTickets>(new PostgresSessionTickets(_database.Replica(), Protection, Time));
}
