using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Tests.Fixtures;
using Npgsql;

namespace IndustryCopilot.Hosting.Tests.Store;

/// <summary>One indexer per group on real PostgreSQL: the lease is held by one replica until it stops or its session dies.</summary>
public sealed class IndexerLeaseTests(SharedPostgres postgres) : IClassFixture<SharedPostgres>
{
    [SkippableFact]
    public async Task TryAcquireAsync_HeldByAnother_RefusedUntilTheHolderStops()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        await using var store = new PostgresStore(await postgres.Server.NewDatabaseAsync());
        var first = new IndexerLease(store);
        await using var second = new IndexerLease(store);

        Assert.True(await first.TryAcquireAsync());
        Assert.True(await first.TryAcquireAsync());
        Assert.False(await second.TryAcquireAsync());

        await first.DisposeAsync();
        Assert.True(await second.TryAcquireAsync());
        Assert.True(second.Held);
    }

    [SkippableFact]
    public async Task StillHeldAsync_HolderSessionKilled_HolderLetsGoAndAnotherTakesOver()
    {
        Skip.If(postgres.Server is null, PostgresServer.Missing);
        var connectionString = await postgres.Server.NewDatabaseAsync();
        await using var store = new PostgresStore(connectionString);
        await using var holder = new IndexerLease(store);
        await using var other = new IndexerLease(store);
        Assert.True(await holder.TryAcquireAsync());

        // What the database does when the holder's process dies or its network goes: the session ends.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = {IndexerLease.LockKey & 0xFFFF_FFFF}", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        Assert.True(await other.TryAcquireAsync());
        Assert.False(await holder.StillHeldAsync());
        Assert.False(holder.Held);
    }
}
