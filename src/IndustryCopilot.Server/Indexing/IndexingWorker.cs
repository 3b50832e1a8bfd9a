using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Hosting;
using IndustryCopilot.Server.Composition;

namespace IndustryCopilot.Server.Indexing;

/// <summary>
/// Indexes the watched folders once at start, in the background, with its own index connection (SQLite WAL lets the
/// serving connection read meanwhile; retrieval picks the new chunks up through the index generation). In a plant
/// group it runs on the replica holding the indexer lease — when it takes the lease over, too — and publishes the
/// run's changes to the shared catalog.
/// </summary>
internal sealed partial class IndexingWorker(CopilotEnvironment environment, ServerOptions options, IndexingStatus status, IndexerRole role, TimeProvider time, ILogger<IndexingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await role.WhenIndexerAsync(stoppingToken);
        // Uploads are indexed again too: a restart may have cut an upload's job short (unchanged files cost a hash).
        var folders = options.IndexOnStart ? options.Folders.Select(Path.GetFullPath).Append(options.Uploads(environment.Index.DataDirectory)).Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToList() : [];
        if (folders.Count == 0)
        {
            await MarkIndexedAsync(stoppingToken);
            status.Finish(0);
            return;
        }

        status.Start();
        await role.Gate.WaitAsync(stoppingToken);
        try
        {
            using var index = environment.OpenIndex();
            var report = await environment.Pipeline(index).RunAsync(new IngestionRequest { Paths = folders, Prune = true }, new Progress<IngestionProgress>(p => status.Progress(p.FilesDone, p.FilesTotal)), stoppingToken);
            environment.RememberGlossary(index, folders);
            await role.PublishAsync(index, stoppingToken);
            await MarkIndexedAsync(stoppingToken);
            var names = string.Join(", ", folders);
            LogIndexed(report.Indexed, report.Unchanged, report.Failed, names);
            status.Finish(report.Failed);
        }
        catch (OperationCanceledException)
        {
            status.Finish(0, "stopped");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or Npgsql.NpgsqlException)
        {
            LogFailed(e);
            // Finished, if badly: the other replicas serve what the catalog holds rather than wait for a run that ended.
            await MarkIndexedAsync(stoppingToken);
            status.Finish(0, e.Message);
        }
        finally
        {
            role.Gate.Release();
        }
    }

    private async Task MarkIndexedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await role.MarkIndexedAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            // The shared database is gone for the moment: the next indexer's run marks it.
            LogNotMarked(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not record the finished start-up run in the shared database ({Reason}); the other replicas report ready once a run is recorded")]
    private partial void LogNotMarked(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "indexed {Indexed} files ({Unchanged} unchanged, {Failed} failed) from {Folders}")]
    private partial void LogIndexed(int indexed, int unchanged, int failed, string folders);

    [LoggerMessage(Level = LogLevel.Error, Message = "indexing failed")]
    private partial void LogFailed(Exception error);
}
