using IndustryCopilot.Core.Index;
using IndustryCopilot.Hosting.Store;

namespace IndustryCopilot.Server.Indexing;

/// <summary>
/// Whether this server indexes, and the one line its catalog writers stand in. A single server indexes from the
/// start. In a plant group only the replica holding the <see cref="IndexerLease"/> does (the start-up run, uploads,
/// pushes to Qdrant) and publishes what it changed to the shared catalog; every replica takes the catalog's changes
/// into its own index. Following, indexing and publishing on one replica go through <see cref="Gate"/> one at a time,
/// so a pass never sees another's half-finished change.
/// </summary>
internal sealed class IndexerRole
{
    private readonly TaskCompletionSource _indexer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IndexerRole(PostgresCatalog? shared) => Shared = shared;

    /// <summary>The group's catalog; null on a single server.</summary>
    public PostgresCatalog? Shared { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsIndexer => _indexer.Task.IsCompleted;

    public static IndexerRole Single()
    {
        var role = new IndexerRole(null);
        role.BecomeIndexer();
        return role;
    }

    public static IndexerRole Replica(PostgresCatalog shared) => new(shared);

    public Task WhenIndexerAsync(CancellationToken cancellationToken) => _indexer.Task.WaitAsync(cancellationToken);

    public void BecomeIndexer() => _indexer.TrySetResult();

    /// <summary>In a group, records that the start-up run finished, which lets the other replicas report ready.</summary>
    public async Task MarkIndexedAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Shared is not null)
        {
            await Shared.MarkIndexedAsync(at, cancellationToken);
        }
    }

    /// <summary>In a group, writes what this replica's index changed to the shared catalog (call inside <see cref="Gate"/>).</summary>
    public async Task<CatalogSyncReport?> PublishAsync(SqliteIndex index, CancellationToken cancellationToken) =>
        Shared is null ? null : await CatalogReplication.PublishAsync(index, Shared, cancellationToken: cancellationToken);
}
