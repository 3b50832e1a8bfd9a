using IndustryCopilot.Server.Documents;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>
/// What every upload queue must do, run against each (<see cref="MemoryUploadQueueTests"/>,
/// <see cref="PostgresUploadQueueTests"/>).
/// </summary>
public abstract class UploadQueueContract
{
    protected static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Why this queue cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>A queue over this test's storage; in a group every call is another replica.</summary>
    internal abstract Task<IUploadQueue> OpenAsync();

    [SkippableFact]
    public async Task GetAsync_Enqueued_EverythingTheJobApiAndTheWorkerNeed()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Job("a", Noon) with { PreviousPath = "/shared/uploads/.a.previous.pdf" });

        var job = await queue.GetAsync("a");

        Assert.Equal(Job("a", Noon) with { PreviousPath = "/shared/uploads/.a.previous.pdf" }, job, JobComparer.Instance);
        Assert.Null(await queue.GetAsync("missing"));
    }

    [SkippableFact]
    public async Task TakeAsync_TwoQueued_OldestFirstMarkedIndexingThenFinished()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Job("first", Noon));
        await queue.EnqueueAsync(Job("second", Noon.AddSeconds(1)));

        var taken = await queue.TakeAsync();
        var indexing = await queue.GetAsync("first");
        await queue.FinishAsync(taken with { State = UploadState.Indexed, DocumentId = "doc-1", Chunks = 7, Pages = 2, Finished = Noon.AddMinutes(1) });
        var next = await queue.TakeAsync();

        Assert.Equal("first", taken.Id);
        Assert.Equal(UploadState.Indexing, taken.State);
        Assert.Equal(UploadState.Indexing, indexing!.State);
        Assert.Equal(("second", UploadState.Indexing), (next.Id, next.State));
        Assert.Equal((UploadState.Indexed, "doc-1", 7, 2, Noon.AddMinutes(1)), await OutcomeAsync(queue, "first"));
        Assert.Equal(1, queue.Pending);
    }

    [SkippableFact]
    public async Task FinishAsync_Failed_ErrorKept()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var queue = await OpenAsync();
        await queue.EnqueueAsync(Job("broken", Noon));

        var taken = await queue.TakeAsync();
        await queue.FinishAsync(taken with { State = UploadState.Failed, Error = "not a PDF: missing %PDF header", Finished = Noon });

        var job = await queue.GetAsync("broken");
        Assert.Equal((UploadState.Failed, "not a PDF: missing %PDF header"), (job!.State, job.Error));
    }

    internal static UploadJob Job(string id, DateTimeOffset created) =>
        new(id, id + ".pdf", UploadState.Queued, created) { KeyId = "key-" + id, Groups = ["quality", "production"], Path = $"/shared/uploads/{id}.pdf" };

    private static async Task<(UploadState, string?, int, int, DateTimeOffset?)> OutcomeAsync(IUploadQueue queue, string id) =>
        await queue.GetAsync(id) is { } job ? (job.State, job.DocumentId, job.Chunks, job.Pages, job.Finished) : default;

    // Records compare their lists by reference; a job read back holds equal lists, not the same ones.
    private sealed class JobComparer : IEqualityComparer<UploadJob?>
    {
        public static readonly JobComparer Instance = new();

        public bool Equals(UploadJob? x, UploadJob? y) =>
            x is not null && y is not null && x with { Groups = [] } == y with { Groups = [] } && x.Groups.SequenceEqual(y.Groups)
            && (x.KeyId, x.Path, x.PreviousPath) == (y.KeyId, y.Path, y.PreviousPath);

        public int GetHashCode(UploadJob? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
