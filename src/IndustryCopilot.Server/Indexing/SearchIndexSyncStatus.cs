using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Server.Indexing;

/// <summary>How far the Qdrant search index has caught up with the catalog; shown by <c>/health/ready</c>.</summary>
internal sealed class SearchIndexSyncStatus(string provider)
{
    private readonly Lock _lock = new();
    private SearchIndexSyncReport? _last;
    private string? _error = provider == "embedded" ? null : "not synchronised yet";
    private DateTimeOffset? _at;

    /// <summary>Raised after every report (synced, healthy, failed), outside the lock.</summary>
    public event Action? Changed;

    public string Provider => provider;

    /// <summary>True when searches read an index that holds the catalog's documents (always for the embedded index).</summary>
    public bool UpToDate
    {
        get
        {
            lock (_lock)
            {
                return _error is null;
            }
        }
    }

    public (SearchIndexSyncReport? Last, DateTimeOffset? At, string? Error) Snapshot()
    {
        lock (_lock)
        {
            return (_last, _at, _error);
        }
    }

    public void Synced(SearchIndexSyncReport report, DateTimeOffset at)
    {
        lock (_lock)
        {
            _last = report;
            _at = at;
            _error = report.Failed.Count == 0 ? null : $"{report.Failed.Count} document(s) failed to reach the search index, e.g. {report.Failed[0].DocumentId}: {report.Failed[0].Error}";
        }

        Changed?.Invoke();
    }

    /// <summary>Qdrant answered a health check: clears an outage, keeps a document failure until a sync clears it.</summary>
    public void Healthy()
    {
        lock (_lock)
        {
            if (_last is not null && _last.Failed.Count == 0)
            {
                _error = null;
            }
        }

        Changed?.Invoke();
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            _error = error;
        }

        Changed?.Invoke();
    }
}
