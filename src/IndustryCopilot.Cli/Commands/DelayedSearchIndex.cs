using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// A search index that answers each search after a fixed delay, then from <paramref name="inner"/>: a stand-in for a
/// search index across a network (Qdrant), so a benchmark can show whether waiting searches hold each other up.
/// </summary>
internal sealed class DelayedSearchIndex(ISearchIndex inner, TimeSpan delay) : ISearchIndex
{
    public string Provider => "delayed";

    public VectorModel? Model => inner.Model;

    public Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default) => inner.CheckEmbeddingAsync(cancellationToken);

    public Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default) => inner.ReplaceDocumentAsync(document, cancellationToken);

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => inner.RemoveDocumentAsync(documentId, cancellationToken);

    public Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default) => inner.ListDocumentsAsync(cancellationToken);

    public async Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.SearchAsync(query, cancellationToken);
    }

    public Task PublishAsync(CancellationToken cancellationToken = default) => inner.PublishAsync(cancellationToken);

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    public void Dispose() => inner.Dispose();
}
