using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The throttle contract over a real PostgreSQL database, each failure counted by whichever "server" saw it.</summary>
public sealed class PostgresSignInThrottleTests(SharedPostgres postgres) : SignInThrottleContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    [SkippableFact]
    public async Task LockedUntilAsync_FailuresSpreadOverTwoServers_CountedTogether()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();

        await a.FailedAsync("liwei", "10.0.0.1");
        await b.FailedAsync("liwei", "10.0.0.2");
        await a.FailedAsync("liwei", "10.0.0.3");

        Assert.NotNull(await b.LockedUntilAsync("liwei", "10.0.0.4"));
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    // Each call is another server, with a connection pool of its own.
    internal override Task<ISignInThrottle> OpenAsync()
    {
        var store = _database.Replica();
        return Task.FromResult<ISignInThrottle>(new PostgresSignInThrottle(store, Options, Time));
    }
}
