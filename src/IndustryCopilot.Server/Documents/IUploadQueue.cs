namespace IndustryCopilot.Server.Documents;

/// <summary>
/// Upload jobs between the replica that accepted a file and the one that indexes it: in memory on a single server
/// (<see cref="UploadQueue"/>), in the shared database in a plant group (<see cref="PostgresUploadQueue"/>), where any
/// replica accepts uploads and shows their jobs, and the replica holding the indexer lease takes them.
/// </summary>
internal interface IUploadQueue
{
    /// <summary>Jobs queued or being indexed, as last seen (for the metrics gauge).</summary>
    int Pending { get; }

    Task<UploadJob> EnqueueAsync(UploadJob job, CancellationToken cancellationToken = default);

    Task<UploadJob?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Waits for the oldest queued job and returns it marked <see cref="UploadState.Indexing"/>.</summary>
    Task<UploadJob> TakeAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a taken job's outcome (indexed or failed).</summary>
    Task FinishAsync(UploadJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts jobs left <see cref="UploadState.Indexing"/> by an indexer that died back in the queue; called by the
    /// replica that takes the indexer lease over, before it takes jobs. Returns how many.
    /// </summary>
    Task<int> RequeueAbandonedAsync(CancellationToken cancellationToken = default);
}
