using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IndustryCopilot.Lucene.Retrieval;

/// <summary>
/// The catalog's chunks in an in-memory Lucene index, kept in step document by document. When the catalog's
/// generation moves, each document's version (its title and every chunk's row id and hash) is compared with the one
/// indexed: only documents added, changed or removed are touched, so one new manual costs its own chunks, not a
/// rebuild of the whole corpus (~40 s at 100,000 chunks). Not thread-safe: used under the retriever's lock.
/// </summary>
internal sealed class LuceneMirror : IDisposable
{
    private const int BatchDocuments = 256;

    private readonly SqliteIndex _index;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, string> _indexed = new(StringComparer.Ordinal);
    private readonly GenerationCache<Snapshot> _current;
    private DirectoryReader? _reader;

    public LuceneMirror(SqliteIndex index)
    {
        _index = index;

        // Merges run on the writing thread (no background threads to outlive the lane); the directory is managed memory.
        _writer = new IndexWriter(new RAMDirectory(), new IndexWriterConfig(ChineseBm25Lane.Version, ChineseBm25Lane.Analyzer)
        {
            Similarity = new BM25Similarity(),
            MergeScheduler = new SerialMergeScheduler(),
        });
        _current = new GenerationCache<Snapshot>(index, Sync);
    }

    /// <summary>Documents (re-)read by the last sync: all of them the first time, then only those that changed.</summary>
    public int LastSyncDocuments { get; private set; }

    /// <summary>Documents removed from the mirror by the last sync (deleted, or changed and read again).</summary>
    public int LastSyncRemoved { get; private set; }

    public Snapshot Current() => _current.Value;

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
    }

    private Snapshot Sync()
    {
        var titles = _index.ListDocuments().ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        var versions = Versions(titles);
        var first = _reader is null;

        var stale = _indexed.Where(p => !versions.TryGetValue(p.Key, out var version) || version != p.Value).Select(p => p.Key).ToList();
        foreach (var id in stale)
        {
            _writer.DeleteDocuments(new Term("doc", id));
            _indexed.Remove(id);
        }

        var fresh = versions.Keys.Where(id => !_indexed.ContainsKey(id)).ToList();
        foreach (var batch in fresh.Chunk(BatchDocuments))
        {
            foreach (var chunk in _index.ChunksOf(batch))
            {
                var content = titles[chunk.Chunk.DocumentId] + "\n" + chunk.Chunk.SearchText;
                _writer.AddDocument(
                [
                    new StringField("doc", chunk.Chunk.DocumentId, Field.Store.NO),
                    new NumericDocValuesField("row", chunk.RowId),
                    new TextField("smart", content, Field.Store.NO),
                    new TextField("cjk", content, Field.Store.NO),
                ]);
            }

            foreach (var id in batch)
            {
                _indexed[id] = versions[id];
            }
        }

        if (first)
        {
            // One segment searches fastest; later syncs add small segments that the merge policy folds in.
            _writer.ForceMerge(1);
        }

        LastSyncDocuments = fresh.Count;
        LastSyncRemoved = stale.Count;

        // A near-real-time reader sees the writer's changes without a commit; the old reader's segments are shared.
        var reader = _reader is null ? DirectoryReader.Open(_writer, applyAllDeletes: true) : DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true) ?? _reader;
        if (!ReferenceEquals(reader, _reader))
        {
            _reader?.Dispose();
            _reader = reader;
        }

        return new Snapshot(new IndexSearcher(reader) { Similarity = new BM25Similarity() }, titles.Count, MultiDocValues.GetNumericValues(reader, "row"));
    }

    /// <summary>Each document's version: a hash of its title and its chunks' row ids and content hashes.</summary>
    private Dictionary<string, string> Versions(Dictionary<string, string> titles)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? document = null;
        var text = new StringBuilder();
        foreach (var (id, row, hash) in _index.ChunkVersions().Append((null!, 0, "")))
        {
            if (id != document)
            {
                if (document is not null && titles.TryGetValue(document, out var title))
                {
                    result[document] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text)));
                }

                document = id;
                text.Clear();
            }

            text.Append(row).Append(':').Append(hash).Append(';');
        }

        return result;
    }

    public sealed record Snapshot(IndexSearcher Searcher, int Documents, NumericDocValues Rows);
}
