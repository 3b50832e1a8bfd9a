using System.Collections.Concurrent;
using System.Globalization;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Index;

/// <summary>The read side the retrieval lanes use; every query applies the caller's filter inside SQL.</summary>
public sealed partial class SqliteIndex
{
    private readonly GenerationCache<long> _chunkCount;
    private readonly GenerationCache<ChunkRowMap> _chunkRows;
    private readonly GenerationCache<ConcurrentDictionary<string, IReadOnlySet<string>>> _allowed;

    /// <summary>Changes whenever documents or vectors change; caches of the index compare it before use.</summary>
    public long Generation
    {
        get
        {
            using var command = Command("SELECT value FROM meta WHERE key = 'generation'");
            return long.Parse(command.ExecuteScalar() as string ?? "0", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Number of chunks (the corpus size IDF weights are relative to); counted once per index generation.</summary>
    public long ChunkCount() => _chunkCount.Value;

    /// <summary>Chunk ids and row ids of every chunk, loaded once per index generation.</summary>
    public ChunkRowMap ChunkRows() => _chunkRows.Value;

    /// <summary>The model whose vectors the catalog holds (what a migration copies), or null when it holds none.</summary>
    public Search.VectorModel? StoredEmbeddingModel() =>
        CheckEmbedding("", 0) == EmbeddingStatus.Empty ? null : Search.VectorModel.FromKey(StoredModelKey());

    /// <summary>The stored vectors of a document's chunks by chunk id, when they are of <paramref name="model"/>; else none.</summary>
    public Dictionary<string, float[]> VectorsOf(string documentId, Search.VectorModel model)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (StoredModelKey() != model.Key)
        {
            return result;
        }

        using var command = Command("SELECT c.id, v.vector FROM vectors v JOIN chunks c ON c.rowid = v.chunk_rowid WHERE c.doc_id = $id");
        command.Parameters.AddWithValue("$id", documentId);
        foreach (var (id, vector) in ReadAll(command, r => (r.GetString(0), VectorBlob.Decode((byte[])r.GetValue(1)))))
        {
            if (vector.Length == model.Dimension)
            {
                result[id] = vector;
            }
        }

        return result;
    }

    /// <summary>How many of a document's chunks hold a vector of <paramref name="model"/> (0 when the catalog's vectors are another model's).</summary>
    public int VectorCount(string documentId, Search.VectorModel model)
    {
        if (StoredModelKey() != model.Key)
        {
            return 0;
        }

        using var command = Command("SELECT COUNT(*) FROM vectors v JOIN chunks c ON c.rowid = v.chunk_rowid WHERE c.doc_id = $id");
        command.Parameters.AddWithValue("$id", documentId);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// BM25 (FTS5) over the given lexical terms: chunks holding any term when <paramref name="requireAll"/> is false,
    /// all of them when true. Terms are matched whole, exactly as <see cref="Lexical.LexicalAnalyzer"/> produced them.
    /// </summary>
    public IReadOnlyList<ChunkScore> SearchTerms(IReadOnlyCollection<string> terms, SearchFilter filter, int k, bool requireAll = false)
    {
        if (terms.Count == 0 || k <= 0)
        {
            return [];
        }

        using var command = Command("");
        var condition = FilterSql.Condition(filter, command);
        const string rank = "bm25(chunk_terms, 1.0, 0.0)";
        command.CommandText = $"""
            SELECT c.rowid, -{rank} AS score
            FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.doc_id
            WHERE chunk_terms MATCH $q AND {condition}
            ORDER BY {rank}, c.doc_id, c.ordinal LIMIT $k
            """;
        command.Parameters.AddWithValue("$q", "terms : (" + string.Join(requireAll ? " AND " : " OR ", terms.Distinct().Select(Quote)) + ")");
        command.Parameters.AddWithValue("$k", k);
        return ReadAll(command, r => new ChunkScore(r.GetInt64(0), r.GetDouble(1)));
    }

    /// <summary>
    /// Ids of the documents the filter lets through. Remembered per filter until the index changes: a search asks
    /// more than once (the retriever, then each lane), and callers repeat the same few filters (their access groups).
    /// </summary>
    public IReadOnlySet<string> AllowedDocuments(SearchFilter filter)
    {
        const int MaxFilters = 256;
        var cache = _allowed.Value;
        var key = FilterSql.Key(filter);
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        using var command = Command("");
        command.CommandText = $"SELECT d.id FROM documents d WHERE {FilterSql.Condition(filter, command)}";
        var allowed = ReadAll(command, r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        if (cache.Count >= MaxFilters)
        {
            cache.Clear();
        }

        cache[key] = allowed;
        return allowed;
    }

    /// <summary>How many chunks hold each term or gram (for IDF weights and query planning); absent ones are omitted.</summary>
    public Dictionary<string, long> DocumentFrequencies(IEnumerable<string> terms)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = Command("SELECT df FROM term_df WHERE term = $t");
        var parameter = command.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var term in terms.Distinct())
        {
            parameter.Value = term;
            if (command.ExecuteScalar() is long count)
            {
                result[term] = count;
            }
        }

        return result;
    }

    public IReadOnlyList<IndexedChunk> GetChunksByRowId(IReadOnlyCollection<long> rowIds)
    {
        if (rowIds.Count == 0)
        {
            return [];
        }

        using var command = Command($"SELECT c.rowid, {Prefixed("c.")} FROM chunks c WHERE c.rowid IN ({string.Join(", ", rowIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        var byRow = ReadAll(command, r => new IndexedChunk(r.GetInt64(0), DocumentRows.ReadChunk(r, 1))).ToDictionary(c => c.RowId);
        return rowIds.Where(byRow.ContainsKey).Select(id => byRow[id]).ToList();
    }

    /// <summary>Document and heading path of the given chunks, without their text (a lane that only looks at where a chunk sits).</summary>
    public Dictionary<long, (string DocumentId, string SectionPath)> PlacesOf(IReadOnlyCollection<long> rowIds)
    {
        if (rowIds.Count == 0)
        {
            return [];
        }

        using var command = Command($"SELECT rowid, doc_id, section_path FROM chunks WHERE rowid IN ({string.Join(", ", rowIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        return ReadAll(command, r => (r.GetInt64(0), (r.GetString(1), r.GetString(2)))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>
    /// Streams the lexical text of every chunk — row id, document id, terms, grams — by document and ordinal: an order
    /// every replica of a catalog shares whatever order its rows were written in, so equal scores fall alike.
    /// </summary>
    public IEnumerable<(long RowId, string DocumentId, string Terms, string Grams)> ReadLexicalRows()
    {
        using var command = Command("SELECT c.rowid, c.doc_id, t.terms, t.grams FROM chunk_terms t JOIN chunks c ON c.rowid = t.rowid ORDER BY c.doc_id, c.ordinal");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            yield return (r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3));
        }
    }

    /// <summary>
    /// Row id and content hash of every chunk, by document: what a copy of the index kept elsewhere (the Lucene lane)
    /// compares to find the documents it must re-read. Reads no text.
    /// </summary>
    public IEnumerable<(string DocumentId, long RowId, string Hash)> ChunkVersions()
    {
        using var command = Command("SELECT doc_id, rowid, hash FROM chunks ORDER BY doc_id, rowid");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            yield return (r.GetString(0), r.GetInt64(1), r.GetString(2));
        }
    }

    /// <summary>Every chunk of the given documents with its row id, in document and chunk order.</summary>
    public IReadOnlyList<IndexedChunk> ChunksOf(IReadOnlyCollection<string> documentIds)
    {
        var result = new List<IndexedChunk>();
        using var command = Command($"SELECT c.rowid, {Prefixed("c.")} FROM chunks c WHERE c.doc_id = $id ORDER BY c.ordinal");
        var parameter = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var id in documentIds)
        {
            parameter.Value = id;
            result.AddRange(ReadAll(command, r => new IndexedChunk(r.GetInt64(0), DocumentRows.ReadChunk(r, 1))));
        }

        return result;
    }

    /// <summary>Loads every stored vector of <paramref name="modelKey"/> for exact in-memory search.</summary>
    public StoredVectors LoadVectors(string modelKey, int dimension)
    {
        if (StoredModelKey() != modelKey)
        {
            return new StoredVectors([], [], [], dimension);
        }

        using var command = Command("SELECT v.chunk_rowid, c.doc_id, v.vector FROM vectors v JOIN chunks c ON c.rowid = v.chunk_rowid ORDER BY c.doc_id, c.ordinal");
        var rows = new List<long>();
        var docs = new List<string>();
        var matrix = new List<float>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                var vector = VectorBlob.Decode((byte[])r.GetValue(2));
                if (vector.Length != dimension)
                {
                    continue;
                }

                // One string instance per document lets the vector scan compare ids by reference.
                var document = r.GetString(1);
                rows.Add(r.GetInt64(0));
                docs.Add(docs.Count > 0 && docs[^1] == document ? docs[^1] : document);
                matrix.AddRange(vector);
            }
        }

        return new StoredVectors([.. rows], [.. docs], [.. matrix], dimension);
    }

    /// <summary>A setting stored with the index (e.g. where the glossary of the indexed corpus lives), or null.</summary>
    public string? GetSetting(string key)
    {
        using var command = Command("SELECT value FROM meta WHERE key = $k");
        command.Parameters.AddWithValue("$k", "setting:" + key);
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(string key, string value)
    {
        lock (_write)
        {
            using var tx = _connection.BeginTransaction();
            using var command = Command("INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $v)", tx);
            command.Parameters.AddWithValue("$k", "setting:" + key);
            command.Parameters.AddWithValue("$v", value);
            command.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private long CountChunks()
    {
        using var command = Command("SELECT COUNT(*) FROM chunks");
        return (long)command.ExecuteScalar()!;
    }

    private ChunkRowMap LoadChunkRows()
    {
        using var command = Command("SELECT rowid, id FROM chunks");
        return new ChunkRowMap(ReadAll(command, r => (r.GetInt64(0), r.GetString(1))));
    }

    private static string Prefixed(string prefix) =>
        string.Join(", ", DocumentRows.ChunkColumns.Split(", ").Select(c => prefix + c));

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
