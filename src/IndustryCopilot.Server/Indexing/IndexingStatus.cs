namespace IndustryCopilot.Server.Indexing;

/// <summary>Progress of the background indexing run, for /health and the UI.</summary>
internal sealed class IndexingStatus
{
    private readonly Lock _lock = new();

    /// <summary>Raised after every change (start, progress, finish), outside the lock.</summary>
    public event Action? Changed;

    public bool Running { get; private set; }

    /// <summary>True once the first run has finished (or there was nothing to run).</summary>
    public bool Completed { get; private set; }

    public int FilesDone { get; private set; }

    public int FilesTotal { get; private set; }

    public int Failed { get; private set; }

    public string? LastError { get; private set; }

    public void Start()
    {
        lock (_lock)
        {
            Running = true;
            FilesDone = 0;
            FilesTotal = 0;
        }

        Changed?.Invoke();
    }

    public void Progress(int done, int total)
    {
        lock (_lock)
        {
            FilesDone = done;
            FilesTotal = total;
        }

        Changed?.Invoke();
    }

    public void Finish(int failed, string? error = null)
    {
        lock (_lock)
        {
            Running = false;
            Completed = true;
            Failed = failed;
            LastError = error;
        }

        Changed?.Invoke();
    }
}
