namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// Where the search lanes run: one point per chunk with its lexical terms, its dense vector and the document fields
/// filters test. Two providers implement it — the embedded index (SQLite + in-memory postings and vectors, the
/// single-machine default) and Qdrant (scale-out) — and both pass the same contract tests. The SQLite catalog stays
/// the record of documents and chunks in either case; this is the part of the index that grows with the corpus.
/// </summary>
public interface ISearchIndex : IDisposable
{
    /// <summary><c>embedded</c> or <c>qdrant</c>.</summary>
    string Provider { get; }

    /// <summary>The embedding model whose vectors this index writes and searches; null when it holds no vectors.</summary>
    VectorModel? Model { get; }

    /// <summary>Whether the vectors searches read now were made by <see cref="Model"/>.</summary>
    Task<EmbeddingStatus> CheckEmbeddingAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a document's points in place of any earlier version of it (by document id). Idempotent.</summary>
    Task ReplaceDocumentAsync(IndexDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes every point of a document; false when it held none.</summary>
    Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>The documents held, each with the fingerprint it was stored with (see <see cref="DocumentFingerprint"/>).</summary>
    Task<IReadOnlyList<IndexedDocumentState>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs the requested lanes with the filter inside each lane's query.</summary>
    Task<IndexSearchResult> SearchAsync(IndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes what was written since the model changed the thing searches read (Qdrant swaps its alias to the new
    /// model's collection); a no-op where writes are visible at once.
    /// </summary>
    Task PublishAsync(CancellationToken cancellationToken = default);

    /// <summary>Null when the index can serve searches, else why not (for readiness checks).</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default);
}
