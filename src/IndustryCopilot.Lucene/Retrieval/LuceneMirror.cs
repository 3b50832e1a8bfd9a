using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IndustryCopilot.Lucene.Retrieval;

/// <summary>
/// The catalog's chunks in an in-memory Lucene index, kept in step document by document. When the catalog's
/// generation moves, each document's version (its title and every chunk's row id and hash) is compared with the one
/// indexed: only documents added, changed or removed are touched, so one new manual costs its own chunks, not a
/// rebuild of the whole corpus (~40 s at 100,000 chunks). Thread-safe: one caller syncs when the generation moves
/// (the others wait for that sync, not for each other's searches); searches share point-in-time searchers through a
/// <see cref="SearcherManager"/>, which keeps a reader open until the last search on it has released it.
/// </summary>
internal sealed class LuceneMirror : IDisposable
{
    private const int BatchDocuments = 256;

    private readonly SqliteIndex _index;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, string> _indexed = new(StringComparer.Ordinal);
    private readonly GenerationCache<int> _documents;
    private readonly SearcherManager _searchers;
    private bool _synced;

    public LuceneMirror(SqliteIndex index)
    {
        _index = index;

        // Merges run on the writing thread (no background threads to outlive the lane); the directory is managed memory.
        _writer = new IndexWriter(new RAMDirectory(), new IndexWriterConfig(ChineseBm25Lane.Version, ChineseBm25Lane.Analyzer)
        {
            Similarity = new BM25Similarity(),
            MergeScheduler = new SerialMergeScheduler(),
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25Searchers());
        _documents = new GenerationCache<int>(index, Sync);
    }

    /// <summary>Documents (re-)read by the last sync: all of them the first time, then only those that changed.</summary>
    public int LastSyncDocuments { get; private set; }

    /// <summary>Documents removed from the mirror by the last sync (deleted, or changed and read again).</summary>
    public int LastSyncRemoved { get; private set; }

    /// <summary>
    /// Runs <paramref name="search"/> on a searcher of the catalog as of now (synced first when the catalog changed),
    /// with the documents' row ids and the number of documents mirrored.
    /// </summary>
    public T Search<T>(Func<IndexSearcher, NumericDocValues, int, T> search)
    {
        var documents = _documents.Value;
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher, MultiDocValues.GetNumericValues(searcher.IndexReader, "row"), documents);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
    }

    // Runs under the generation cache's lock: one sync at a time.
    private int Sync()
    {
        var titles = _index.ListDocuments().ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        var versions = Versions(titles);
        var first = !_synced;

        var stale = _indexed.Where(p => !versions.TryGetValue(p.Key, out var version) || version != p.Value).Select(p => p.Key).ToList();
        foreach (var id in stale)
        {
            _writer.DeleteDocuments(new Term("doc", id));
            _indexed.Remove(id);
        }

        var fresh = versions.Keys.Where(id => !_indexed.ContainsKey(id)).ToList();
        foreach (var batch in fresh.Chunk(BatchDocuments))
        {
            foreach (var document in _index.ChunksOf(batch).GroupBy(c => c.Chunk.DocumentId, StringComparer.Ordinal))
            {
                // Delete and add in one step, per document: a sync cut short by an error leaves no half-read document
                // behind for the next sync to add a second time.
                _writer.UpdateDocuments(new Term("doc", document.Key), document.Select(chunk => Fields(chunk, titles[document.Key])));
                _indexed[document.Key] = versions[document.Key];
            }
        }

        if (first)
        {
            // One segment searches fastest; later syncs add small segments that the merge policy folds in.
            _writer.ForceMerge(1);
        }

        LastSyncDocuments = fresh.Count;
        LastSyncRemoved = stale.Count;
        _synced = true;

        // A near-real-time reader sees the writer's changes without a commit; the old reader's segments are shared,
        // and the old searcher stays open for searches still running on it.
        _searchers.MaybeRefreshBlocking();
        return titles.Count;
    }

    private static IEnumerable<IIndexableField> Fields(IndexedChunk chunk, string title)
    {
        var content = title + "\n" + chunk.Chunk.SearchText;
        return
        [
            new StringField("doc", chunk.Chunk.DocumentId, Field.Store.NO),
            new NumericDocValuesField("row", chunk.RowId),
            // Breaks ties between equal scores by chunk id, not by the order documents reached this mirror.
            new SortedDocValuesField(ChineseBm25Lane.TieField, new BytesRef(chunk.Chunk.Id)),
            new TextField("smart", content, Field.Store.NO),
            new TextField("cjk", content, Field.Store.NO),
        ];
    }

    /// <summary>Each document's version: a hash of its title and its chunks' row ids and content hashes.</summary>
    private Dictionary<string, string> Versions(Dictionary<string, string> titles) =>
        _index.ChunkVersions()
            .Where(v => titles.ContainsKey(v.DocumentId))
            .GroupBy(v => v.DocumentId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(titles[g.Key] + "\n" + string.Join(';', g.Select(v => FormattableString.Invariant($"{v.RowId}:{v.Hash}")))))),
                StringComparer.Ordinal);

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
