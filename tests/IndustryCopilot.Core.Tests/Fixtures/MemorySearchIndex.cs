using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// A search index that only remembers what was pushed (document → fingerprint and vector count) and whether it was
/// published; pushing a document named in <see cref="FailFor"/> throws, as a Qdrant outage for that request would.
/// </summary>
internal sealed class MemorySearchIndex(VectorModel? model) : ISearchIndex
{
    public Dictionary<string, (string Fingerprint, int Vectors)> Held { get; } = new(StringComparer.Ordinal);

    public HashSet<string> FailFor { get; } = new(StringComparer.Ordinal);

    public int Publishes { get; private set; }

    public string Provider => "memory";

    public VectorModel? Model => model;

    public Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default) => Task.FromResult(EmbeddingStatus.Empty);

    public Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default)
    {
        if (FailFor.Contains(document.Document.Id))
        {
            throw new IOException("connection reset");
        }

        Held[document.Document.Id] = (document.Fingerprint(model), document.Vectors.Count);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => Task.FromResult(Held.Remove(documentId));

    public Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedDocumentState>>(Held.Select(h => new IndexedDocumentState(h.Key, h.Value.Fingerprint)).ToList());

    public Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default) => Task.FromResult(IndexSearchResult.Empty);

    public Task PublishAsync(CancellationToken cancellationToken = default)
    {
        Publishes++;
        return Task.CompletedTask;
    }

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public void Dispose()
    {
    }
}
