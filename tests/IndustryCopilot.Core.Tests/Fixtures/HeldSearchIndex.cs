using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// A search index that holds every search until the test opens <see cref="Gate"/> (a stand-in for Qdrant answering
/// over a slow network), then answers from <paramref name="inner"/>. Counts the searches waiting inside it.
/// </summary>
internal sealed class HeldSearchIndex(ISearchIndex inner) : ISearchIndex
{
    private int _waiting;

    /// <summary>Raised after a search has entered and is waiting for the gate.</summary>
    public event Action? Entered;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Waiting => Volatile.Read(ref _waiting);

    public string Provider => "held";

    public VectorModel? Model => inner.Model;

    public Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default) => inner.CheckEmbeddingAsync(cancellationToken);

    public Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default) => inner.ReplaceDocumentAsync(document, cancellationToken);

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => inner.RemoveDocumentAsync(documentId, cancellationToken);

    public Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default) => inner.ListDocumentsAsync(cancellationToken);

    public async Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _waiting);
        Entered?.Invoke();
        try
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return await inner.SearchAsync(query, cancellationToken);
    }

    public Task PublishAsync(CancellationToken cancellationToken = default) => inner.PublishAsync(cancellationToken);

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    public void Dispose() => inner.Dispose();
}
