using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Metadata;
using IndustryCopilot.Hosting;
using IndustryCopilot.Server.Indexing;
using Npgsql;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// Indexes uploaded files one at a time with its own index connection, after the start-up run has finished (one
/// writer at a time keeps SQLite from waiting on its lock). A file that cannot be read fails its job alone and is
/// removed again (a replaced file is put back), so the index and the folder keep agreeing. In a plant group only the
/// replica holding the indexer lease takes jobs, and publishes each document to the shared catalog before the job
/// is marked done.
/// </summary>
internal sealed partial class UploadWorker(CopilotEnvironment environment, IUploadQueue queue, IndexingStatus startup, IndexerRole role, TimeProvider time, ILogger<UploadWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await role.WhenIndexerAsync(stoppingToken);
        while (!startup.Completed)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
        }

        using var index = environment.OpenIndex();
        var pipeline = environment.Pipeline(index);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TakeAndIndexAsync(index, pipeline, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The shared database went away (a restart, a failover): an exception here would stop the whole server.
                // Wait, then put back the job this indexer held so it is indexed again (unchanged files cost a hash).
                LogDatabaseUnavailable(e.Message);
                await Task.Delay(RetryInterval, time, stoppingToken);
                await RequeueAsync(stoppingToken);
            }
        }
    }

    /// <summary>How long the worker waits after the shared database failed before it tries again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private async Task TakeAndIndexAsync(SqliteIndex index, IngestionPipeline pipeline, CancellationToken stoppingToken)
    {
        var job = await queue.TakeAsync(stoppingToken);
        await role.Gate.WaitAsync(stoppingToken);
        try
        {
            var finished = await IndexAsync(pipeline, job, stoppingToken);
            await role.PublishAsync(index, stoppingToken);
            await queue.FinishAsync(finished, stoppingToken);
        }
        finally
        {
            role.Gate.Release();
        }
    }

    private async Task RequeueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RequeueAbandonedAsync(stoppingToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LogDatabaseUnavailable(e.Message); // still down: the next failed take comes back here
        }
    }

    private async Task<UploadJob> IndexAsync(IngestionPipeline pipeline, UploadJob job, CancellationToken stoppingToken)
    {
        FileOutcome outcome;
        try
        {
            outcome = (await pipeline.RunAsync(new IngestionRequest { Paths = [job.Path] }, null, stoppingToken)).Files.Single();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            outcome = new FileOutcome(job.Path, FileOutcomeKind.Failed, Error: e.Message);
        }

        if (outcome.Kind == FileOutcomeKind.Failed)
        {
            LogFailed(job.FileName, outcome.Error ?? "unknown error");
            Restore(job);
            return job with { State = UploadState.Failed, Error = outcome.Error, Finished = time.GetUtcNow() };
        }

        if (job.PreviousPath is not null)
        {
            File.Delete(job.PreviousPath);
            File.Delete(SidecarMetadata.PathFor(job.PreviousPath));
        }

        LogIndexed(job.FileName, outcome.Chunks);
        return job with { State = UploadState.Indexed, DocumentId = outcome.DocumentId, Chunks = outcome.Chunks, Pages = outcome.Pages, Finished = time.GetUtcNow() };
    }

    // A failed replacement puts the previous file (still indexed) back; a failed new file is removed.
    private static void Restore(UploadJob job)
    {
        File.Delete(job.Path);
        File.Delete(SidecarMetadata.PathFor(job.Path));
        if (job.PreviousPath is not null && File.Exists(job.PreviousPath))
        {
            File.Move(job.PreviousPath, job.Path);
            if (File.Exists(SidecarMetadata.PathFor(job.PreviousPath)))
            {
                File.Move(SidecarMetadata.PathFor(job.PreviousPath), SidecarMetadata.PathFor(job.Path));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "upload {File} indexed: {Chunks} chunks")]
    private partial void LogIndexed(string file, int chunks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "shared database unavailable for uploads ({Reason}); trying again")]
    private partial void LogDatabaseUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "upload {File} failed: {Error}")]
    private partial void LogFailed(string file, string error);
}
