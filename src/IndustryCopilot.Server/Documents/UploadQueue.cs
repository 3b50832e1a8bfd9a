using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// A single server's upload jobs, in memory: the files themselves are on disk in the uploads folder, and the start-up
/// run indexes any that a restart interrupted, so nothing is lost with the process.
/// </summary>
internal sealed class UploadQueue : IUploadQueue
{
    private const int KeptJobs = 1000;
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Raised after a job is added or its state changes.</summary>
    public event Action? Changed;

    public int Pending => _jobs.Values.Count(j => j.State is UploadState.Queued or UploadState.Indexing);

    public Task<UploadJob> EnqueueAsync(UploadJob job, CancellationToken cancellationToken = default)
    {
        Forget();
        _jobs[job.Id] = job;
        _pending.Writer.TryWrite(job.Id);
        Changed?.Invoke();
        return Task.FromResult(job);
    }

    public Task<UploadJob?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Get(id));

    /// <summary>The job as it stands (tests wait on <see cref="Changed"/> with it).</summary>
    public UploadJob? Get(string id) => _jobs.GetValueOrDefault(id);

    public async Task<UploadJob> TakeAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var id = await _pending.Reader.ReadAsync(cancellationToken);
            if (Get(id) is { State: UploadState.Queued } job)
            {
                var taken = job with { State = UploadState.Indexing };
                Update(taken);
                return taken;
            }
        }
    }

    public Task FinishAsync(UploadJob job, CancellationToken cancellationToken = default)
    {
        Update(job);
        return Task.CompletedTask;
    }

    // One process holds both ends: a job it was indexing when it stopped died with it, and the start-up run indexes the file.
    public Task<int> RequeueAbandonedAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

    private void Update(UploadJob job)
    {
        _jobs[job.Id] = job;
        Changed?.Invoke();
    }

    // Finished jobs beyond the last thousand are dropped, oldest first; their documents are in the index regardless.
    private void Forget()
    {
        if (_jobs.Count < KeptJobs)
        {
            return;
        }

        foreach (var old in _jobs.Values.Where(j => j.Finished is not null).OrderBy(j => j.Created).Take(_jobs.Count - KeptJobs + 1))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
