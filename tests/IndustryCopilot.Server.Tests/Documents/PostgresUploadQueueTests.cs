using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Server.Documents;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>The upload queue contract over a real PostgreSQL database, each open another replica of the group.</summary>
public sealed class PostgresUploadQueueTests(SharedPostgres postgres) : UploadQueueContract, IClassFixture<SharedPostgres>, IAsyncLifetime
{
    private readonly FreshDatabase _database = new(postgres);

    protected override string? Unavailable => PostgresServer.Missing;

    [SkippableFact]
    public async Task TakeAsync_TwoReplicasTakingAtOnce_EachJobTakenOnce()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var a = await OpenAsync();
        var b = await OpenAsync();
        for (var i = 0; i < 6; i++)
        {
            await a.EnqueueAsync(Job("job-" + i, Noon.AddSeconds(i)));
        }

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).TakeAsync()));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => "job-" + i), taken.Select(j => j.Id).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task RequeueAbandonedAsync_IndexerDiedMidJob_JobQueuedAgainForTheNext()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var dead = await OpenAsync();
        var next = await OpenAsync();
        await dead.EnqueueAsync(Job("cut-short", Noon));
        await dead.TakeAsync();

        var requeued = await next.RequeueAbandonedAsync();
        var taken = await next.TakeAsync();

        Assert.Equal(1, requeued);
        Assert.Equal(("cut-short", UploadState.Indexing), (taken.Id, taken.State));
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    internal override Task<IUploadQueue> OpenAsync()
    {
        var store = _database.Replica();
        return Task.FromResult<IUploadQueue>(new PostgresUploadQueue(store, new FakeTimeProvider(Noon)));
    }
}
