using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// Uploaded files waiting for the <see cref="UploadWorker"/>, and the state of recent jobs (in memory: the files
/// themselves are on disk in the uploads folder, and the start-up run indexes any that a restart interrupted).
/// </summary>
internal sealed class UploadQueue
{
    private const int KeptJobs = 1000;
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Raised after a job is added or its state changes.</summary>
    public event Action? Changed;

    public ChannelReader<string> Reader => _pending.Reader;

    public int Pending => _jobs.Values.Count(j => j.State is UploadState.Queued or UploadState.Indexing);

    public UploadJob Enqueue(UploadJob job)
    {
        Forget();
        _jobs[job.Id] = job;
        _pending.Writer.TryWrite(job.Id);
        Changed?.Invoke();
        return job;
    }

    public UploadJob? Get(string id) => _jobs.GetValueOrDefault(id);

    public void Update(UploadJob job)
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
