using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The key ring contract over a real PostgreSQL database: each server is another replica of the group.</summary>
public sealed class PostgresKeyRingTests(SharedPostgres postgres) : KeyRingContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override void KeepKeys(IServiceCollection services, IDataProtectionBuilder protection)
    {
        PostgresStore store = _database.Replica();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgresKeyRing(store));
    }
}
