using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Lanes;
using IndustryCopilot.Core.Tracing;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// The single-machine search index: the SQLite catalog is the store, and the lanes run over copies held in memory —
/// BM25 postings (<see cref="Bm25Index"/>) and the vector matrix (<see cref="VectorIndex"/>) — rebuilt when the
/// catalog's generation moves. Writes are the catalog's transactions, visible at once. Thread-safe like the catalog:
/// searches share the in-memory copies, which are rebuilt once per catalog change.
/// </summary>
public sealed class EmbeddedSearchIndex(SqliteIndex catalog, VectorModel? model, bool ownsCatalog = false) : ISearchIndex
{
    private readonly GenerationCache<Bm25Index> _postings = new(catalog, () => Bm25Index.Load(catalog));
    private readonly GenerationCache<VectorIndex?> _vectors = new(catalog, () => model is null ? null : new VectorIndex(catalog.LoadVectors(model.Key, model.Dimension)));

    public string Provider => "embedded";

    public VectorModel? Model => model;

    public SqliteIndex Catalog => catalog;

    public Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(model is null ? EmbeddingStatus.Empty : catalog.CheckEmbedding(model.Id, model.Dimension));

    public Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default)
    {
        catalog.ReplaceDocument(document.Document, document.Chunks, document.PipelineVersion);
        if (model is not null && document.Vectors.Count > 0)
        {
            var vectors = document.Chunks.Where(c => document.Vectors.ContainsKey(c.Id)).Select(c => (c.Id, document.Vectors[c.Id])).ToList();
            catalog.StoreVectors(model.Id, model.Dimension, vectors, vectors.Count == document.Chunks.Count ? document.Document.Id : null);
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.RemoveDocument(documentId));

    public Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var states = catalog.ListDocuments().Select(d => new IndexedDocumentState(d.Id, IndexDocuments.Describe(catalog, d, model).Fingerprint)).ToList();
        return Task.FromResult<IReadOnlyList<IndexedDocumentState>>(states);
    }

    public Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        var lanes = new Dictionary<SearchLane, IReadOnlyList<IndexHit>>();
        // Lanes inside the index call: spans under the search's "index" stage, figures on the retrieval histogram.
        using var stages = new StageTimer("index-lanes");
        var allowed = catalog.AllowedDocuments(query.Filter);
        var rows = catalog.ChunkRows();
        if (query.Lanes.HasFlag(SearchLanes.Lexical) && query.TermGroups.Count > 0)
        {
            lanes[SearchLane.Lexical] = ToHits(_postings.Value.SearchGroups(query.TermGroups, allowed, query.K), rows);
            RetrievalMetrics.Record("translated", stages.Lap("translated"));
        }
        else if (query.Lanes.HasFlag(SearchLanes.Lexical) && (query.Terms.Count > 0 || query.Grams.Count > 0))
        {
            lanes[SearchLane.Lexical] = ToHits(Lexical(query.Terms, query, allowed, query.K), rows);
            RetrievalMetrics.Record("lexical", stages.Lap("lexical"));
        }

        if (query.Lanes.HasFlag(SearchLanes.Dense) && query.Vector is { } vector && _vectors.Value is { Count: > 0 } vectors)
        {
            lanes[SearchLane.Dense] = ToHits(vectors.Search(vector, allowed, query.K), rows);
            RetrievalMetrics.Record("dense", stages.Lap("dense"));
        }

        if (query.Lanes.HasFlag(SearchLanes.Identifier) && query.IdentifierGroups.Count > 0)
        {
            var hits = Identifiers(query, allowed);
            if (hits.Count > 0)
            {
                lanes[SearchLane.Identifier] = ToHits(hits, rows);
            }

            RetrievalMetrics.Record("codes", stages.Lap("codes"));
        }

        return Task.FromResult(new IndexSearchResult(lanes));
    }

    public Task PublishAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public void Dispose()
    {
        if (ownsCatalog)
        {
            catalog.Dispose();
        }
    }

    private IReadOnlyList<ChunkScore> Lexical(IReadOnlyList<string> terms, IndexQuery query, IReadOnlySet<string> allowed, int k) =>
        _postings.Value.Search(terms, query.Grams, (float)query.GramWeight, allowed, k);

    /// <summary>Chunks holding a spelling of every identifier group, in BM25 order of the terms and identifiers.</summary>
    private List<ChunkScore> Identifiers(IndexQuery query, IReadOnlySet<string> allowed)
    {
        var scope = query.IdentifierFilter ?? query.Filter;
        HashSet<long>? all = null;
        foreach (var group in query.IdentifierGroups)
        {
            var found = group.SelectMany(term => catalog.SearchTerms([term], scope, query.K * 4)).Select(h => h.RowId).ToHashSet();
            all = all is null ? found : all.Where(found.Contains).ToHashSet();
        }

        var terms = query.Terms.Concat(query.IdentifierGroups.SelectMany(g => g)).Distinct(StringComparer.Ordinal).ToList();
        var order = Lexical(terms, query, allowed, query.K * 4);
        var ranked = order.Where(h => all!.Contains(h.RowId)).Select(h => h.RowId).Concat(all!).Distinct().Take(query.K);
        return ranked.Select((row, i) => new ChunkScore(row, query.K - i)).ToList();
    }

    private static List<IndexHit> ToHits(IEnumerable<ChunkScore> scores, ChunkRowMap rows) =>
        scores.Select(s => (Id: rows.IdOf(s.RowId), s.Score)).Where(s => s.Id is not null).Select(s => new IndexHit(s.Id!, s.Score)).ToList();
}
