using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Documents;
using Npgsql;

namespace IndustryCopilot.Server.Indexing;

/// <summary>
/// In a plant group: asks for the indexer lease until this replica holds it, and takes the shared catalog's changes
/// into this replica's index whenever the catalog's generation moves. On taking the lease over it first catches up
/// with the catalog and puts the jobs the previous indexer left half-done back in the queue, then lets the start-up
/// run and the upload worker go. A replica that loses its lease while running stops, so it can never write beside
/// the new indexer; the service manager starts it again as a follower.
/// </summary>
internal sealed partial class ReplicationWorker(
    CopilotEnvironment environment, ServerOptions options, IndexerRole role, IndexerLease lease, IUploadQueue queue, IndexingStatus status,
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ReplicationWorker> logger) : BackgroundService
{
    /// <summary>How often the lease is asked for and the catalog's generation compared.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var catalog = role.Shared!;
        using var index = environment.OpenIndex();
        long followed = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (role.IsIndexer && !await lease.StillHeldAsync(stoppingToken))
                {
                    LogLeaseLost();
                    lifetime.StopApplication();
                    return;
                }

                var generation = await catalog.GenerationAsync(stoppingToken);
                if (!role.IsIndexer && await lease.TryAcquireAsync(stoppingToken))
                {
                    await FollowAsync(catalog, index, stoppingToken);
                    followed = generation;
                    var requeued = await queue.RequeueAbandonedAsync(stoppingToken);
                    LogTookLease(requeued);
                    role.BecomeIndexer();
                }
                else if (generation != followed)
                {
                    await FollowAsync(catalog, index, stoppingToken);
                    followed = generation;
                }

                // A follower serves once an indexer has indexed the watched folders at least once: before that (a new
                // group's first run) the catalog is not yet the plant's documents, and a load balancer should not send
                // questions here.
                if (!status.Completed && !role.IsIndexer && await catalog.IndexedAtAsync(stoppingToken) is not null)
                {
                    // The glossary at the top of the watched folders (the same mount on every replica) shapes queries
                    // as on the indexer, which remembers it when it indexes; searches load it once, so before ready.
                    environment.RememberGlossary(index, options.Folders.Select(Path.GetFullPath));
                    status.Finish(0); // serving the catalog as it stands; the indexer's own run marks its progress
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogUnavailable(e.Message);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    private async Task FollowAsync(PostgresCatalog catalog, Core.Index.SqliteIndex index, CancellationToken cancellationToken)
    {
        await role.Gate.WaitAsync(cancellationToken);
        try
        {
            var report = await CatalogReplication.FollowAsync(catalog, index, cancellationToken);
            if (report.Written + report.Removed + report.Released > 0)
            {
                LogFollowed(report.Written, report.Removed, report.Unchanged, report.Released);
            }
        }
        finally
        {
            role.Gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "took the indexer lease; {Requeued} upload jobs left half-done are queued again")]
    private partial void LogTookLease(int requeued);

    [LoggerMessage(Level = LogLevel.Critical, Message = "lost the indexer lease (its database connection ended); stopping so this replica never indexes beside the new indexer")]
    private partial void LogLeaseLost();

    [LoggerMessage(Level = LogLevel.Information, Message = "took the shared catalog's changes: {Written} documents written, {Removed} removed, {Unchanged} unchanged, {Released} releases of held passages")]
    private partial void LogFollowed(int written, int removed, int unchanged, int released);

    [LoggerMessage(Level = LogLevel.Warning, Message = "shared database unavailable ({Reason}); trying again")]
    private partial void LogUnavailable(string reason);
}
