using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Hosting;
using IndustryCopilot.Server.Composition;

namespace IndustryCopilot.Server.Indexing;

/// <summary>
/// Indexes the watched folders once at start, in the background, with its own index connection (SQLite WAL lets the
/// serving connection read meanwhile; retrieval picks the new chunks up through the index generation).
/// </summary>
internal sealed partial class IndexingWorker(CopilotEnvironment environment, ServerOptions options, IndexingStatus status, ILogger<IndexingWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => Run(stoppingToken), stoppingToken);

    private void Run(CancellationToken stoppingToken)
    {
        // Uploads are indexed again too: a restart may have cut an upload's job short (unchanged files cost a hash).
        var folders = options.IndexOnStart ? options.Folders.Select(Path.GetFullPath).Append(options.Uploads(environment.Index.DataDirectory)).Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToList() : [];
        if (folders.Count == 0)
        {
            status.Finish(0);
            return;
        }

        status.Start();
        try
        {
            using var index = environment.OpenIndex();
            var report = environment.Pipeline(index).Run(new IngestionRequest { Paths = folders, Prune = true }, new Progress<IngestionProgress>(p => status.Progress(p.FilesDone, p.FilesTotal)), stoppingToken);
            environment.RememberGlossary(index, folders);
            var names = string.Join(", ", folders);
            LogIndexed(report.Indexed, report.Unchanged, report.Failed, names);
            status.Finish(report.Failed);
        }
        catch (OperationCanceledException)
        {
            status.Finish(0, "stopped");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            LogFailed(e);
            status.Finish(0, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "indexed {Indexed} files ({Unchanged} unchanged, {Failed} failed) from {Folders}")]
    private partial void LogIndexed(int indexed, int unchanged, int failed, string folders);

    [LoggerMessage(Level = LogLevel.Error, Message = "indexing failed")]
    private partial void LogFailed(Exception error);
}
