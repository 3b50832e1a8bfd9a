using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Hosting;
using IndustryCopilot.Qdrant;

namespace IndustryCopilot.Server.Indexing;

/// <summary>
/// With the Qdrant provider: checks Qdrant at start (reachable; the collection's vector size equals the embedder's),
/// then pushes catalog changes — from start-up indexing, uploads, deletions, or an <c>icp index</c> run by another
/// process — whenever the catalog's generation moves. Each pass is an idempotent <see cref="SearchIndexSync"/>, so a
/// pass cut short by a Qdrant outage is completed by the next one. Between changes it asks Qdrant's health, so
/// readiness follows an outage that starts (or ends) while the catalog is idle. With <c>Qdrant:Sync=false</c> (a
/// query-only replica) it only checks Qdrant and never writes; in a plant group only the replica holding the indexer
/// lease pushes, the others check.
/// </summary>
internal sealed partial class SearchIndexSyncWorker(CopilotEnvironment environment, IndexerRole role, QdrantSearchIndex target, SearchIndexSyncStatus status, TimeProvider time, ILogger<SearchIndexSyncWorker> logger) : BackgroundService
{
    /// <summary>How often the catalog's generation is compared with the last one pushed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var catalog = environment.OpenIndex();
        var validated = false;
        long pushed = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!validated)
                {
                    await target.ValidateAsync(stoppingToken);
                    validated = true;
                    LogConnected(environment.Qdrant.Url, target.Alias, target.WriteCollection);
                }

                var generation = catalog.Generation;
                var pushes = environment.Qdrant.Sync && role.IsIndexer;
                if (!pushes || generation == pushed)
                {
                    // Nothing to push: still notice Qdrant going away (or coming back) while the catalog is idle.
                    if (await target.CheckHealthAsync(stoppingToken) is { } problem)
                    {
                        status.Failed(problem);
                    }
                    else if (!pushes)
                    {
                        status.Synced(new SearchIndexSyncReport(0, 0, 0, 0, [], Published: false), time.GetUtcNow());
                    }
                    else
                    {
                        status.Healthy();
                    }
                }
                else
                {
                    var report = await SearchIndexSync.SyncAsync(catalog, target, null, stoppingToken);
                    status.Synced(report, time.GetUtcNow());
                    if (report.Pushed + report.Removed > 0 || report.Failed.Count > 0)
                    {
                        LogSynced(report.Pushed, report.Removed, report.Unchanged, report.Failed.Count);
                    }

                    pushed = report.Failed.Count == 0 ? generation : -1;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException or InvalidOperationException)
            {
                var reason = $"Qdrant at {environment.Qdrant.Url}: {QdrantSearchIndex.Describe(e)}";
                status.Failed(reason);
                LogFailed(reason);
            }

            await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Qdrant at {Url}: searches read alias {Alias}, writes go to {Collection}")]
    private partial void LogConnected(string url, string alias, string collection);

    [LoggerMessage(Level = LogLevel.Information, Message = "search index: {Pushed} documents pushed, {Removed} removed, {Unchanged} unchanged, {Failed} failed")]
    private partial void LogSynced(int pushed, int removed, int unchanged, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "search index not in sync: {Error}")]
    private partial void LogFailed(string error);
}
