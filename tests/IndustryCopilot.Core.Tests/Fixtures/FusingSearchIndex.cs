using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// A search index shaped like Qdrant's answers: one <see cref="SearchLane.Fused"/> ranking per query, given by the
/// test (narrowed to the filter's document ids, the one filter it honours), with every query it was asked recorded.
/// </summary>
internal sealed class FusingSearchIndex(params string[] ranking) : ISearchIndex
{
    public List<IndexQuery> Queries { get; } = [];

    public string Provider => "fusing-fake";

    public VectorModel? Model => null;

    public Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default) => Task.FromResult(EmbeddingStatus.Empty);

    public Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        var documents = query.Filter.DocumentIds;
        var hits = ranking.Where(id => documents.Count == 0 || documents.Contains(id[..id.IndexOf('#', StringComparison.Ordinal)]))
            .Select((id, i) => new IndexHit(id, ranking.Length - i)).ToList();
        return Task.FromResult(new IndexSearchResult(new Dictionary<SearchLane, IReadOnlyList<IndexHit>> { [SearchLane.Fused] = hits }));
    }

    public Task PublishAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public void Dispose()
    {
    }
}
